package dev.lightspeed.stack.feedback;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A feedback request carries a sentiment, a text or categories.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = FeedbackProvided.Validator.class)
@interface FeedbackProvided {

	String message() default "At least one form of feedback must be provided: 'sentiment', 'user_feedback', or "
			+ "'categories'";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Checks the request.
	 */
	class Validator implements ConstraintValidator<FeedbackProvided, FeedbackRequest> {

		@Override
		public boolean isValid(FeedbackRequest value, ConstraintValidatorContext context) {
			return value == null || value.hasFeedback();
		}

	}

}
