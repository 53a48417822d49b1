package dev.lightspeed.stack.info;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code /v1/info}: LCS 0.2.0's name and version, then the Llama Stack this
 * service speaks to and through which API (absent while it cannot be reached).
 *
 * @param name the configured service name
 * @param version the service version
 * @param llamaStackVersion the version Llama Stack (or OGX) reported
 * @param llamaStackApi {@code Agents API} or {@code Responses API}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record InfoResponse(String name, String version,
		@JsonProperty("llama_stack_version") @Nullable String llamaStackVersion,
		@JsonProperty("llama_stack_api") @Nullable String llamaStackApi) {
}
