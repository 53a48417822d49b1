package dev.lightspeed.stack.errors;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.lightspeed.stack.limits.RequestLimits;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.AbstractJacksonHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Validates every JSON request body whose type is a record before Jackson binds it, and
 * answers 422 with all errors in pydantic's form. See the package documentation for how
 * to declare a request record.
 */
@ControllerAdvice
class RequestBodyValidation extends RequestBodyAdviceAdapter {

	private final JsonMapper mapper;

	private final JsonBodyParser parser;

	private final Validator validator;

	// the limits' defaults where no properties are bound (a test slice)
	RequestBodyValidation(JsonMapper mapper, Validator validator, ObjectProvider<RequestLimits> limits) {
		this.mapper = mapper;
		this.parser = new JsonBodyParser(limits.getIfAvailable(RequestLimits::defaults).maxJsonDepth());
		this.validator = validator;
	}

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return BodyShape.rawClass(targetType).isRecord()
				&& AbstractJacksonHttpMessageConverter.class.isAssignableFrom(converterType);
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		String text = new String(read(message), StandardCharsets.UTF_8);
		if (text.isEmpty()) {
			return missing(parameter, message.getHeaders());
		}
		JsonNode body = this.parser.parse(text);
		ObjectNode valid = validate(body, BodyShape.rawClass(targetType));
		return new Buffered(message.getHeaders(), this.mapper.writeValueAsBytes(valid));
	}

	/**
	 * The body's bytes. With a Content-Length of up to 16 KB (every request this service
	 * takes) that is one array of that size, where reading through a {@code Reader} took
	 * 16 KB of buffers for each request.
	 */
	private static byte[] read(HttpInputMessage message) throws IOException {
		long length = message.getHeaders().getContentLength();
		InputStream body = message.getBody();
		return (length >= 0 && length < Integer.MAX_VALUE) ? body.readNBytes((int) length) : body.readAllBytes();
	}

	@Override
	public @Nullable Object handleEmptyBody(@Nullable Object body, HttpInputMessage message, MethodParameter parameter,
			Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
		if (required(parameter)) {
			throw missingBody();
		}
		return body;
	}

	private ObjectNode validate(JsonNode body, Class<?> type) {
		BodyShape shape = new BodyShape();
		ObjectNode valid = shape.check(body, type);
		if (valid == null) {
			throw new RequestValidationException(shape.errors());
		}
		Object bound;
		try {
			bound = this.mapper.treeToValue(valid, type);
		}
		catch (JacksonException ex) {
			// A record that refuses the values pydantic would accept; report what we
			// have.
			if (!shape.errors().isEmpty()) {
				throw new RequestValidationException(shape.errors());
			}
			// a rule of the record's constructor, as pydantic's model validators report
			// it
			if (ex instanceof ValueInstantiationException && ex.getCause() instanceof IllegalArgumentException rule) {
				throw new RequestValidationException(List.of(new ValidationError("value_error", List.of("body"),
						"Value error, " + rule.getMessage(), body, Map.of("error", Map.of()))));
			}
			throw ex;
		}
		List<ValidationError> errors = merge(shape, this.validator.validate(bound), type, body);
		if (!errors.isEmpty()) {
			throw new RequestValidationException(errors);
		}
		return valid;
	}

	// Field errors in field order, then unknown fields; rules on the whole record only
	// when
	// every field is valid (pydantic runs model validators last).
	private static List<ValidationError> merge(BodyShape shape, Set<? extends ConstraintViolation<?>> violations,
			Class<?> type, JsonNode body) {
		List<ValidationError> structural = shape.errors();
		if (violations.isEmpty() && structural.isEmpty()) {
			// a valid body, the common case: nothing to order
			return List.of();
		}
		List<ValidationError> fields = new ArrayList<>();
		List<ValidationError> model = new ArrayList<>();
		for (ConstraintViolation<?> violation : violations) {
			ValidationError error = ConstraintErrors.of(violation, type, body);
			if (error.loc().size() == 1) {
				model.add(error);
			}
			else if (!shape.invalidFields().contains(String.valueOf(error.loc().get(1)))) {
				fields.add(error);
			}
		}
		List<String> order = RecordFields.of(type).stream().map(RecordFields::jsonName).toList();
		List<ValidationError> all = new ArrayList<>(structural.stream().filter((e) -> !isExtra(e)).toList());
		all.addAll(fields);
		all.sort(Comparator
			.comparingInt(
					(ValidationError e) -> (e.loc().size() > 1) ? order.indexOf(e.loc().get(1)) : Integer.MAX_VALUE)
			.thenComparing((ValidationError e) -> e.loc().toString()));
		all.addAll(structural.stream().filter(RequestBodyValidation::isExtra).toList());
		if (all.isEmpty()) {
			model.sort(Comparator.comparing(ValidationError::msg));
			all.addAll(model);
		}
		return all;
	}

	private static boolean isExtra(ValidationError error) {
		return error.loc().size() == 2 && "extra_forbidden".equals(error.type());
	}

	private HttpInputMessage missing(MethodParameter parameter, HttpHeaders headers) {
		if (required(parameter)) {
			throw missingBody();
		}
		return new Buffered(headers, new byte[0]);
	}

	private static boolean required(MethodParameter parameter) {
		RequestBody annotation = parameter.getParameterAnnotation(RequestBody.class);
		return annotation == null || annotation.required();
	}

	static RequestValidationException missingBody() {
		return new RequestValidationException(List
			.of(new ValidationError("missing", List.of("body"), "Field required", NullNode.getInstance(), null)));
	}

	private record Buffered(HttpHeaders headers, byte[] bytes) implements HttpInputMessage {

		@Override
		public InputStream getBody() {
			return new ByteArrayInputStream(this.bytes);
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

	}

}
