package dev.lightspeed.stack.errors;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import dev.lightspeed.stack.json.RecordComponents;
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
				fields.add(new RecordFields(component, RecordComponents.jsonName(component), required(component)));
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

	private static boolean required(RecordComponent component) {
		return component.getAnnotatedType().isAnnotationPresent(NotNull.class)
				|| RecordComponents.annotation(component, NotNull.class) != null;
	}

}
