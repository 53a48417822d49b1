package dev.lightspeed.stack.query;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.lightspeed.stack.conversations.ConversationIds;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A stream's request id: a UUID; the message is LCS 0.4.2's.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = RequestIdFormat.Validator.class)
@interface RequestIdFormat {

	String message() default "Improper request ID";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Checks the id and names it in the message.
	 */
	class Validator implements ConstraintValidator<RequestIdFormat, String> {

		public Validator() {
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null || ConversationIds.isValid(value)) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context
				.buildConstraintViolationWithTemplate(
						ConversationIdFormat.Validator.escape("Improper request ID " + value))
				.addConstraintViolation();
			return false;
		}

	}

}
