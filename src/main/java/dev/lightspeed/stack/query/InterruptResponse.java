package dev.lightspeed.stack.query;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of {@code POST /v1/streaming_query/interrupt}.
 *
 * @param requestId the stream's request id
 * @param interrupted whether it was stopped
 * @param message what happened
 */
public record InterruptResponse(@JsonProperty("request_id") String requestId, boolean interrupted, String message) {
}
