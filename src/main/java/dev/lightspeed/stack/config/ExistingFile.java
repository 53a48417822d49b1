package dev.lightspeed.stack.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A path that must name an existing regular file when it is given.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ExistingFileValidator.class)
@interface ExistingFile {

	String message() default "Path does not point to a file";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
