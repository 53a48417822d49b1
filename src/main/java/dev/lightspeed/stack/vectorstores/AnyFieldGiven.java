package dev.lightspeed.stack.vectorstores;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An update changes something: a body with none of its fields is refused (LCS 0.5.1's
 * model validator).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AnyFieldGiven.Validator.class)
@interface AnyFieldGiven {

	String message() default "At least one field must be provided: name, expires_at, or metadata";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Checks the update.
	 */
	class Validator implements ConstraintValidator<AnyFieldGiven, VectorStoreUpdateRequest> {

		public Validator() {
		}

		@Override
		public boolean isValid(VectorStoreUpdateRequest request, ConstraintValidatorContext context) {
			return !request.body().isEmpty();
		}

	}

}
