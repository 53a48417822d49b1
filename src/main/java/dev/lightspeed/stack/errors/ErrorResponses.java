package dev.lightspeed.stack.errors;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Renders an {@link ApiException} as LCS's {@code {"detail": ...}} body, for controllers
 * and for filters that answer before a controller runs.
 */
@Component
public class ErrorResponses {

	private final JsonMapper jsonMapper;

	ErrorResponses(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * The response entity for an exception.
	 * @param ex the failure
	 * @return status and body
	 */
	public ResponseEntity<Object> entity(ApiException ex) {
		return ResponseEntity.status(ex.status())
			.headers(ex.headers())
			.contentType(MediaType.APPLICATION_JSON)
			.body(body(ex));
	}

	/**
	 * Writes an exception directly to a servlet response.
	 * @param response the response, not yet committed
	 * @param ex the failure
	 * @throws IOException when writing fails
	 */
	public void write(HttpServletResponse response, ApiException ex) throws IOException {
		response.setStatus(ex.status().value());
		ex.headers().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		this.jsonMapper.writeValue(response.getOutputStream(), body(ex));
	}

	private static Map<String, Object> body(ApiException ex) {
		return Map.of("detail", ex.detail());
	}

}
