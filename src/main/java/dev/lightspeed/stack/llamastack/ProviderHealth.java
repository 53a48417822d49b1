package dev.lightspeed.stack.llamastack;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A provider's health as Llama Stack reports it ({@code ProviderHealthStatus} in LCS's
 * OpenAPI document).
 *
 * @param providerId provider id
 * @param status {@code OK}, {@code Error}, {@code Not Implemented}, or {@code unknown}
 * when absent
 * @param message detail, {@code ""} when absent
 */
public record ProviderHealth(@JsonProperty("provider_id") String providerId, String status, String message) {

	/**
	 * Whether this provider makes the service unready: only {@code Error} does.
	 * @return true for {@code status == "Error"}
	 */
	public boolean unhealthy() {
		return "Error".equals(this.status);
	}

}
