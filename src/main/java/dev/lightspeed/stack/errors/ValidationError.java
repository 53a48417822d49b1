package dev.lightspeed.stack.errors;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One entry of a 422 body, in FastAPI/pydantic v2 form (no {@code url} member).
 *
 * @param type pydantic error type, such as {@code missing} or {@code value_error}
 * @param loc where: {@code "body"} followed by field names and list indexes
 * @param msg the message
 * @param input the offending input as submitted ({@code null} when absent)
 * @param ctx extra context, left out when null
 */
public record ValidationError(String type, List<Object> loc, String msg, JsonNode input,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Map<String, Object> ctx) {

	public ValidationError {
		loc = List.copyOf(loc);
	}

}
