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
 * A conversation id that is empty, absent or a UUID; the message is LCS 0.2.0's.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ConversationIdFormat.Validator.class)
@interface ConversationIdFormat {

	String message() default "Improper conversation ID";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Checks the id and names it in the message.
	 */
	class Validator implements ConstraintValidator<ConversationIdFormat, String> {

		public Validator() {
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null || value.isEmpty() || ConversationIds.isValid(value)) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			String message = "Improper conversation ID '" + value + "'";
			context.buildConstraintViolationWithTemplate(escape(message)).addConstraintViolation();
			return false;
		}

		static String escape(String text) {
			return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
		}

	}

}
