package dev.lightspeed.stack.json;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The JSON side of a record component, as Jackson sees it: its name, the other names it
 * is read under, and the annotations written on it. Both readers of records by hand (the
 * configuration file and request bodies) take key names from here, so a key is spelled
 * once, on its component.
 */
public final class RecordComponents {

	private RecordComponents() {
	}

	/**
	 * The name on the wire.
	 * @param component the component
	 * @return its {@code @JsonProperty} value, or the component name
	 */
	public static String jsonName(RecordComponent component) {
		JsonProperty property = annotation(component, JsonProperty.class);
		return (property != null && !property.value().isEmpty()) ? property.value() : component.getName();
	}

	/**
	 * The other names it is read under.
	 * @param component the component
	 * @return its {@code @JsonAlias} values, none when not annotated
	 */
	public static List<String> aliases(RecordComponent component) {
		JsonAlias alias = annotation(component, JsonAlias.class);
		return (alias != null) ? List.of(alias.value()) : List.of();
	}

	/**
	 * An annotation written on the component. Annotations on a record component propagate
	 * to the field and the accessor, not to the component itself unless they target
	 * {@code RECORD_COMPONENT}, so all three are looked at.
	 * @param <A> the annotation type
	 * @param component the component
	 * @param type the annotation type
	 * @return the annotation, or null when absent
	 */
	public static <A extends Annotation> @Nullable A annotation(RecordComponent component, Class<A> type) {
		for (AnnotatedElement element : declarations(component)) {
			A annotation = element.getAnnotation(type);
			if (annotation != null) {
				return annotation;
			}
		}
		return null;
	}

	// the field first: Jackson's, Bean Validation's and Swagger's annotations all apply
	// to
	// it
	private static List<AnnotatedElement> declarations(RecordComponent component) {
		List<AnnotatedElement> elements = new ArrayList<>();
		try {
			elements.add(component.getDeclaringRecord().getDeclaredField(component.getName()));
		}
		catch (NoSuchFieldException ex) {
			// a record always has the field; nothing more to look at otherwise
		}
		elements.addAll(List.of(component.getAccessor(), component));
		return elements;
	}

}
