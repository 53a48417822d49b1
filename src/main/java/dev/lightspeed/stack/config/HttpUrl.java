package dev.lightspeed.stack.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * An absolute http or https URL with a host, when given.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = HttpUrlValidator.class)
@interface HttpUrl {

	String message() default "Input should be a valid URL with scheme http or https";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
