package dev.lightspeed.stack.feedback;

import java.lang.annotation.ElementType;
import java.math.BigInteger;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A sentiment of -1 or 1 (or none).
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Sentiment.Validator.class)
@interface Sentiment {

	String message() default "Improper sentiment value";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Checks the value and names it in the message.
	 */
	class Validator implements ConstraintValidator<Sentiment, BigInteger> {

		@Override
		public boolean isValid(BigInteger value, ConstraintValidatorContext context) {
			if (value == null || value.abs().equals(BigInteger.ONE)) {
				return true;
			}
			Messages.replace(context, "Improper sentiment value of " + value + ", needs to be -1 or 1");
			return false;
		}

	}

}
