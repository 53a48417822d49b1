package dev.lightspeed.stack.errors;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * The JSON fields of a request record, in declaration order (the order pydantic reports
 * errors in).
 *
 * @param component the record component
 * @param jsonName its name on the wire ({@code @JsonProperty} or the component name)
 * @param required whether it is {@code @NotNull}: absent is {@code missing}, null a type
 * error
 */
record RecordFields(RecordComponent component, String jsonName, boolean required) {

	// every request body is checked against its record: reflect once per type
	private static final ClassValue<List<RecordFields>> cache = new ClassValue<>() {

		@Override
		protected List<RecordFields> computeValue(Class<?> type) {
			List<RecordFields> fields = new ArrayList<>();
			for (RecordComponent component : type.getRecordComponents()) {
				fields.add(new RecordFields(component, jsonName(component), required(component)));
			}
			return List.copyOf(fields);
		}

	};

	static List<RecordFields> of(Class<?> type) {
		return cache.get(type);
	}

	static @Nullable RecordFields named(Class<?> type, String componentName) {
		for (RecordFields field : of(type)) {
			if (field.component.getName().equals(componentName)) {
				return field;
			}
		}
		return null;
	}

	private static String jsonName(RecordComponent component) {
		for (AnnotatedElement element : declarations(component)) {
			JsonProperty property = element.getAnnotation(JsonProperty.class);
			if (property != null && !property.value().isEmpty()) {
				return property.value();
			}
		}
		return component.getName();
	}

	private static boolean required(RecordComponent component) {
		if (component.getAnnotatedType().isAnnotationPresent(NotNull.class)) {
			return true;
		}
		for (AnnotatedElement element : declarations(component)) {
			if (element.isAnnotationPresent(NotNull.class)) {
				return true;
			}
		}
		return false;
	}

	// Annotations on a record component propagate to the field and the accessor, not to
	// the component itself unless they target RECORD_COMPONENT.
	private static List<AnnotatedElement> declarations(RecordComponent component) {
		List<AnnotatedElement> elements = new ArrayList<>(List.of(component, component.getAccessor()));
		try {
			elements.add(component.getDeclaringRecord().getDeclaredField(component.getName()));
		}
		catch (NoSuchFieldException ex) {
			// a record always has the field; nothing more to look at otherwise
		}
		return elements;
	}

}
