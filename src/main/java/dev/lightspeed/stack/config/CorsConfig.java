package dev.lightspeed.stack.config;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code service.cors} section, with Starlette's semantics and LCS 0.2.0's defaults.
 *
 * @param allowOrigins allowed origins, {@code *} for any
 * @param allowCredentials whether credentials may be sent
 * @param allowMethods allowed methods, {@code *} for any
 * @param allowHeaders allowed request headers, {@code *} for any
 */
public record CorsConfig(@JsonProperty("allow_origins") List<String> allowOrigins,
		@JsonProperty("allow_credentials") Boolean allowCredentials,
		@JsonProperty("allow_methods") List<String> allowMethods,
		@JsonProperty("allow_headers") List<String> allowHeaders) implements CrossChecked {

	private static final List<String> ANY = List.of("*");

	public CorsConfig {
		allowOrigins = (allowOrigins != null) ? List.copyOf(allowOrigins) : ANY;
		allowCredentials = (allowCredentials != null) ? allowCredentials : false;
		allowMethods = (allowMethods != null) ? List.copyOf(allowMethods) : ANY;
		allowHeaders = (allowHeaders != null) ? List.copyOf(allowHeaders) : ANY;
	}

	@Override
	public void crossCheck(SectionCheck section) {
		section.check(!this.allowCredentials || !this.allowOrigins.contains("*"), "allow_credentials",
				"Invalid CORS configuration: allow_credentials can not be set to true when allow origins contains "
						+ "'*' wildcard.Use explicit origins or disable credential.");
	}

}
