package dev.lightspeed.stack.feedback;

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
 * A conversation id that is a UUID, with LCS 0.2.0's feedback message (no quotes around
 * the value, unlike the query endpoints).
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = FeedbackConversationId.Validator.class)
@interface FeedbackConversationId {

	String message() default "Improper conversation ID";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Checks the id and names it in the message.
	 */
	class Validator implements ConstraintValidator<FeedbackConversationId, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null || ConversationIds.isValid(value)) {
				return true;
			}
			Messages.replace(context, "Improper conversation ID " + value);
			return false;
		}

	}

}
