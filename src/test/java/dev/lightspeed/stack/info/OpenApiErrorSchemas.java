package dev.lightspeed.stack.info;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;

/**
 * The error bodies of LCS 0.2.0's document, under its names: {@code ErrorResponse}
 * ({@code {"detail": {"response", "cause"}}}), {@code UnauthorizedResponse} and
 * {@code ForbiddenResponse} ({@code {"detail": "..."}}), FastAPI's
 * {@code HTTPValidationError}/{@code ValidationError}, and the {@code FeedbackCategory}
 * enumeration.
 */
final class OpenApiErrorSchemas {

	private OpenApiErrorSchemas() {
	}

	static void addTo(Components components) {
		Schema<?> details = new ObjectSchema().addProperty("response", new StringSchema())
			.addProperty("cause", new StringSchema())
			.additionalProperties(new StringSchema())
			.description("Error details");
		components.addSchemas("ErrorResponse",
				object("Model representing error response for query endpoint.", details));
		// 0.2.0's 400, 401 and 403 are text; ours (and 0.2.0's own conversation checks)
		// are also {response, cause}
		components.addSchemas("UnauthorizedResponse",
				object("Model representing response for missing or invalid credentials.", textOrDetails(details)));
		components.addSchemas("ForbiddenResponse",
				object("Model representing response for forbidden access.", textOrDetails(details)));
		Schema<?> location = new ArraySchema()
			.items(new Schema<>().anyOf(List.of(new StringSchema(), new IntegerSchema())));
		components.addSchemas("ValidationError",
				new ObjectSchema().title("ValidationError")
					.addProperty("type", new StringSchema().title("Error Type"))
					.addProperty("loc", location.title("Location"))
					.addProperty("msg", new StringSchema().title("Message"))
					.addProperty("input", new Schema<>().title("Input"))
					.addProperty("ctx", new ObjectSchema().title("Context"))
					.required(List.of("loc", "msg", "type")));
		// a request the schema accepts and the handler refuses (an attachment's type, a
		// shield) is a 422 with {response, cause}, as in LCS
		components.addSchemas("HTTPValidationError",
				new ObjectSchema().title("HTTPValidationError")
					.addProperty("detail",
							new Schema<>()
								.anyOf(List.of(new ArraySchema().items(reference("ValidationError")), details))
								.title("Detail")));
		components.addSchemas("FeedbackCategory", new StringSchema().title("FeedbackCategory")
			._enum(List.of("incorrect", "not_relevant", "incomplete", "outdated_information", "unsafe", "other")));
	}

	private static Schema<?> textOrDetails(Schema<?> details) {
		return new Schema<>().anyOf(List.of(new StringSchema(), details));
	}

	static Schema<?> reference(String name) {
		return new Schema<>().$ref("#/components/schemas/" + name);
	}

	private static Schema<?> object(String description, Schema<?> detail) {
		return new ObjectSchema().description(description)
			.addProperty("detail", detail.title("Detail"))
			.required(List.of("detail"));
	}

}
