package dev.lightspeed.stack.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A configuration key whose value is an {@code http} or {@code https} URL with a host
 * (pydantic's {@code AnyHttpUrl}; {@link Urls#isHttpUrl}).
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@interface HttpUrl {

}
