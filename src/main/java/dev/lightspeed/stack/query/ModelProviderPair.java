package dev.lightspeed.stack.query;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Model and provider come together or not at all (an empty string counts as absent, as in
 * LCS 0.2.0).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ModelProviderPair.Validator.class)
@interface ModelProviderPair {

	String message() default "Provider and model must be specified together";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Checks the pair rule and states which half is missing.
	 */
	class Validator implements ConstraintValidator<ModelProviderPair, QueryRequest> {

		public Validator() {
		}

		@Override
		public boolean isValid(QueryRequest request, ConstraintValidatorContext context) {
			boolean model = request.model() != null && !request.model().isEmpty();
			boolean provider = request.provider() != null && !request.provider().isEmpty();
			if (model == provider) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context
				.buildConstraintViolationWithTemplate(model ? "Provider must be specified if model is specified"
						: "Model must be specified if provider is specified")
				.addConstraintViolation();
			return false;
		}

	}

}
