package dev.lightspeed.stack.errors;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a request record whose unknown JSON fields are rejected with
 * {@code extra_forbidden} (pydantic {@code extra="forbid"}). Records without it ignore
 * unknown fields. Applies to the record it is on, not to nested records.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ForbidExtraFields {

}
