package dev.lightspeed.stack.errors;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A model-level rule for the test request: a model needs a provider.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PairRule.Validator.class)
@interface PairRule {

	String message() default "Provider must be specified if model is specified";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<PairRule, ValidationTestController.StrictRequest> {

		@Override
		public boolean isValid(ValidationTestController.StrictRequest request, ConstraintValidatorContext context) {
			return request.model() == null || request.provider() != null;
		}

	}

}
