package dev.lightspeed.stack.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The object form of an error's {@code detail}: what failed and, usually, why.
 *
 * @param response what failed
 * @param cause why, absent for the few 0.2.0 errors that have none
 */
public record ErrorDetail(String response, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String cause) {
}
