package dev.lightspeed.stack.errors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.SmartHttpMessageConverter;

/**
 * Reads every JSON request body whose type is a record: parses it once, checks it the way
 * pydantic does, binds it once and validates the bound record, answering 422 with all
 * errors in pydantic's form. Registered ahead of Jackson's converter by
 * {@link RequestBodyConverters}. See the package documentation for how to declare a
 * request record.
 */
final class RequestBodyReader implements SmartHttpMessageConverter<Object> {

	private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON,
			new MediaType("application", "*+json"));

	private final JsonMapper mapper;

	private final JsonBodyParser parser;

	private final Validator validator;

	RequestBodyReader(JsonMapper mapper, Validator validator, int maxJsonDepth) {
		this.mapper = mapper;
		this.parser = new JsonBodyParser(maxJsonDepth);
		this.validator = validator;
	}

	@Override
	public List<MediaType> getSupportedMediaTypes() {
		return JSON;
	}

	// JsonContentTypeFilter makes a body without a Content-Type JSON before it gets here.
	@Override
	public boolean canRead(ResolvableType type, @Nullable MediaType mediaType) {
		return BodyShape.rawClass(type.getType()).isRecord()
				&& (mediaType == null || JSON.stream().anyMatch((json) -> json.includes(mediaType)));
	}

	// Spring answers an empty body itself ("Required request body is missing", which
	// ValidationResponses turns into pydantic's missing) without calling this.
	@Override
	public Object read(ResolvableType type, HttpInputMessage message, @Nullable Map<String, Object> hints)
			throws IOException {
		String text = new String(read(message), StandardCharsets.UTF_8);
		return validate(this.parser.parse(text), BodyShape.rawClass(type.getType()));
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

	// Responses are written by Jackson's converter.
	@Override
	public boolean canWrite(ResolvableType type, Class<?> valueClass, @Nullable MediaType mediaType) {
		return false;
	}

	@Override
	public void write(Object value, ResolvableType type, @Nullable MediaType contentType, HttpOutputMessage message,
			@Nullable Map<String, Object> hints) {
		throw new UnsupportedOperationException("request bodies only");
	}

	private Object validate(JsonNode body, Class<?> type) {
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
		return bound;
	}

	// Field errors in field order, then unknown fields; rules on the whole record only
	// when every field is valid (pydantic runs model validators last).
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
		all.addAll(structural.stream().filter(RequestBodyReader::isExtra).toList());
		if (all.isEmpty()) {
			model.sort(Comparator.comparing(ValidationError::msg));
			all.addAll(model);
		}
		return all;
	}

	private static boolean isExtra(ValidationError error) {
		return error.loc().size() == 2 && "extra_forbidden".equals(error.type());
	}

}
