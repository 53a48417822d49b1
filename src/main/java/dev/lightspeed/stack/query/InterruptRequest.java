package dev.lightspeed.stack.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lightspeed.stack.errors.ForbidExtraFields;
import jakarta.validation.constraints.NotNull;

/**
 * The body of {@code POST /v1/streaming_query/interrupt} (LCS 0.4.2).
 *
 * @param requestId the {@code request_id} of the stream's {@code start} event
 */
@ForbidExtraFields
public record InterruptRequest(@JsonProperty("request_id") @NotNull @RequestIdFormat String requestId) {
}
