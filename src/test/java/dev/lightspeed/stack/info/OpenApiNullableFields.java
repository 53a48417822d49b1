package dev.lightspeed.stack.info;

import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * What the records' types say and springdoc leaves out: a component marked
 * {@code @Nullable} may be {@code null} in the JSON (OpenAPI 3.1: {@code anyOf} its
 * schema and {@code null}), and a {@code JsonNode} component is any JSON value (a
 * message's content is a string or Llama Stack's interleaved content). Without this the
 * document promised, for example, a string {@code topic_summary} and an object
 * {@code customization} where the service answers {@code null} (issue 32).
 */
final class OpenApiNullableFields {

	private OpenApiNullableFields() {
	}

	/**
	 * Applies to the schemas under their class names, before they are renamed.
	 */
	static void apply(OpenAPI openApi) {
		if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
			return;
		}
		Map<String, Class<?>> records = records();
		openApi.getComponents().getSchemas().forEach((name, schema) -> {
			Class<?> type = records.get(name);
			if (type != null && schema.getProperties() != null) {
				apply(type, schema.getProperties());
			}
		});
	}

	private static void apply(Class<?> type, Map<String, Schema> properties) {
		for (RecordComponent component : type.getRecordComponents()) {
			// @JsonProperty does not target record components: it is on the accessor
			JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
			String name = (property != null && !property.value().isEmpty()) ? property.value() : component.getName();
			Schema<?> schema = properties.get(name);
			if (schema == null) {
				continue;
			}
			if (JsonNode.class.isAssignableFrom(component.getType())) {
				properties.put(name, new Schema<>());
			}
			else if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
				properties.put(name, nullable(schema));
			}
		}
	}

	private static Schema<?> nullable(Schema<?> schema) {
		return new Schema<>().anyOf(List.of(schema, new Schema<>().types(Set.of("null"))));
	}

	// every record of the application, by the simple name springdoc gives its schema
	private static Map<String, Class<?>> records() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return true;
			}
		};
		scanner.addIncludeFilter(new AssignableTypeFilter(Record.class));
		Map<String, Class<?>> records = new HashMap<>();
		for (BeanDefinition definition : scanner.findCandidateComponents("dev.lightspeed.stack")) {
			if (definition instanceof AbstractBeanDefinition scanned && scanned.getResource() != null
					&& scanned.getResource().getDescription().contains("test-classes")) {
				continue;
			}
			Class<?> type = ClassUtils.resolveClassName(String.valueOf(definition.getBeanClassName()), null);
			records.putIfAbsent(type.getSimpleName(), type);
		}
		return records;
	}

}
