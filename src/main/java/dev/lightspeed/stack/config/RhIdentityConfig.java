package dev.lightspeed.stack.config;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The {@code authentication.rh_identity_config} section of the {@code rh-identity} module
 * (LCS 0.3.1; {@code max_header_size} from 0.5.0).
 *
 * @param requiredEntitlements services the identity must be entitled to, all of them
 * @param maxHeaderSize the longest {@code x-rh-identity} value accepted, in bytes of its
 * base64 form
 */
public record RhIdentityConfig(@JsonProperty("required_entitlements") List<String> requiredEntitlements,
		@JsonProperty("max_header_size") @Schema(minimum = "1") Integer maxHeaderSize) {

	/** LCS's default limit. */
	static final int DEFAULT_MAX_HEADER_SIZE = 8192;

	public RhIdentityConfig {
		requiredEntitlements = (requiredEntitlements != null) ? List.copyOf(requiredEntitlements) : List.of();
		maxHeaderSize = (maxHeaderSize != null) ? maxHeaderSize : DEFAULT_MAX_HEADER_SIZE;
	}

}
