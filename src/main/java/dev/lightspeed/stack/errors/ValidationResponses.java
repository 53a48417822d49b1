package dev.lightspeed.stack.errors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.StringNode;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.StreamUtils;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.WebUtils;

/**
 * 422 answers for the request problems Spring MVC detects itself (bodies that are not
 * records, parameters), in the same pydantic form as {@link RequestBodyReader}.
 */
final class ValidationResponses {

	private final JsonMapper mapper;

	ValidationResponses(JsonMapper mapper) {
		this.mapper = mapper;
	}

	RequestValidationException notReadable(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getMostSpecificCause();
		if (cause instanceof StreamReadException) {
			long offset = ((StreamReadException) cause).getLocation().getCharOffset();
			return single("json_invalid", List.of("body", (int) Math.max(offset, 0)), "JSON decode error",
					this.mapper.createObjectNode(), Map.of("error", "Expecting value"));
		}
		if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
			return missingBody();
		}
		return single("model_attributes_type", List.of("body"),
				"Input should be a valid dictionary or object to extract fields from", NullNode.getInstance(), null);
	}

	// FastAPI validates a body that is not JSON as raw bytes, which no model accepts.
	RequestValidationException notJson(HttpServletRequest request) {
		String body = rawBody(request);
		if (body.isEmpty()) {
			return missingBody();
		}
		return single("model_attributes_type", List.of("body"),
				"Input should be a valid dictionary or object to extract fields from", StringNode.valueOf(body), null);
	}

	RequestValidationException notValid(MethodArgumentNotValidException ex) {
		List<ValidationError> errors = new ArrayList<>();
		JsonNode target = this.mapper.valueToTree(ex.getTarget());
		for (FieldError error : ex.getFieldErrors()) {
			errors.add(valueError(List.of("body", error.getField()), error.getDefaultMessage(),
					this.mapper.valueToTree(error.getRejectedValue())));
		}
		for (ObjectError error : ex.getGlobalErrors()) {
			errors.add(valueError(List.of("body"), error.getDefaultMessage(), target));
		}
		return new RequestValidationException(errors);
	}

	RequestValidationException notValid(HandlerMethodValidationException ex) {
		List<ValidationError> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach((result) -> {
			MethodParameter parameter = result.getMethodParameter();
			List<Object> loc = List.of(location(parameter), String.valueOf(parameter.getParameterName()));
			JsonNode input = this.mapper.valueToTree(result.getArgument());
			result.getResolvableErrors()
				.forEach((error) -> errors.add(valueError(loc, error.getDefaultMessage(), input)));
		});
		return new RequestValidationException(errors);
	}

	RequestValidationException missingParameter(MissingServletRequestParameterException ex) {
		return single("missing", List.of("query", ex.getParameterName()), "Field required", NullNode.getInstance(),
				null);
	}

	RequestValidationException typeMismatch(TypeMismatchException ex) {
		Class<?> type = (ex.getRequiredType() != null) ? ex.getRequiredType() : String.class;
		JsonNode input = StringNode.valueOf(String.valueOf(ex.getValue()));
		String location = (ex instanceof MethodArgumentTypeMismatchException mismatch)
				? location(mismatch.getParameter()) : "query";
		PydanticType.Failure failure = PydanticType.of(type).failure(input, type);
		return single(failure.type(), List.of(location, String.valueOf(ex.getPropertyName())), failure.msg(), input,
				failure.ctx());
	}

	private static String location(MethodParameter parameter) {
		if (parameter.hasParameterAnnotation(PathVariable.class)) {
			return "path";
		}
		if (parameter.hasParameterAnnotation(RequestHeader.class)) {
			return "header";
		}
		return parameter.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class) ? "body"
				: "query";
	}

	private static RequestValidationException missingBody() {
		return single("missing", List.of("body"), "Field required", NullNode.getInstance(), null);
	}

	private static ValidationError valueError(List<Object> loc, @Nullable String message, JsonNode input) {
		return new ValidationError("value_error", loc, "Value error, " + message, input, Map.of("error", Map.of()));
	}

	private static RequestValidationException single(String type, List<Object> loc, String msg, JsonNode input,
			@Nullable Map<String, Object> ctx) {
		return new RequestValidationException(List.of(new ValidationError(type, loc, msg, input, ctx)));
	}

	// Spring may have read the first byte to see whether there is a body at all; the
	// caching wrapper of JsonContentTypeFilter kept it, and keeps the rest as we read it.
	private static String rawBody(HttpServletRequest request) {
		try {
			byte[] rest = StreamUtils.copyToByteArray(request.getInputStream());
			ContentCachingRequestWrapper cached = WebUtils.getNativeRequest(request,
					ContentCachingRequestWrapper.class);
			byte[] all = (cached != null) ? cached.getContentAsByteArray() : rest;
			return new String(all, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

}
