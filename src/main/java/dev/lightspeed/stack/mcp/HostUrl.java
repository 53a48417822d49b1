package dev.lightspeed.stack.mcp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.lightspeed.stack.config.Urls;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * A URL whose host can be reached: it parses as a URI with a server-based authority (a
 * host name of letters, digits, dots and dashes, an IPv4 address or a well-formed IPv6
 * literal), as pydantic's URL types require. The pattern beside it says only
 * {@code http(s)://} and no spaces; without this, garbage such as {@code http://Ír[K} was
 * registered, listed and handed to Llama Stack as an MCP endpoint.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = HostUrl.Validator.class)
@interface HostUrl {

	String message() default "Input should be a valid URL with a host";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Parses the URL; null is left to {@code @NotNull}.
	 */
	class Validator implements ConstraintValidator<HostUrl, String> {

		public Validator() {
		}

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			return value == null || Urls.hasHost(value);
		}

	}

}
