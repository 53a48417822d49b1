package dev.lightspeed.stack.mcp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;

import dev.lightspeed.stack.config.McpServerConfig;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * The headers of a server registered at run time: {@code authorization_headers} maps HTTP
 * header names to {@code client}, {@code kubernetes} or {@code oauth} (LCS 0.5's rule: a
 * file path would reach into this service's file system), and {@code headers} lists HTTP
 * header names, each once whatever its case (LCS's rule for configured servers). A
 * message names a header, never a value, which may be a token sent by mistake.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = HeaderRules.Validator.class)
@interface HeaderRules {

	String message() default "Invalid headers";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Checks a header map or list and names the first problem in the message.
	 */
	class Validator implements ConstraintValidator<HeaderRules, Object> {

		public Validator() {
		}

		@Override
		public boolean isValid(@Nullable Object value, ConstraintValidatorContext context) {
			String problem = switch (value) {
				case Map<?, ?> authorization -> authorizationProblem(authorization);
				case List<?> names -> McpServerConfig.headerNamesProblem(names.stream().map(String::valueOf).toList());
				case null, default -> null;
			};
			if (problem == null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context
				.buildConstraintViolationWithTemplate(
						problem.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$"))
				.addConstraintViolation();
			return false;
		}

		private static @Nullable String authorizationProblem(Map<?, ?> headers) {
			for (Map.Entry<?, ?> header : headers.entrySet()) {
				String name = String.valueOf(header.getKey());
				if (!McpServerConfig.isHeaderName(name)) {
					return "Authorization header name '" + name + "' is not a valid HTTP header name";
				}
				if (!McpServerConfig.KEYWORDS.contains(String.valueOf(header.getValue()).strip())) {
					return "Authorization header '" + name + "' has an unsupported value. Dynamic registration "
							+ "only supports: client, kubernetes, oauth. File-path based secrets are only supported "
							+ "in static YAML config.";
				}
			}
			return null;
		}

	}

}
