package dev.lightspeed.stack.auth;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.lightspeed.stack.config.RhIdentityConfig;
import dev.lightspeed.stack.errors.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;

/**
 * {@code rh-identity} (LCS 0.3.1, hardened as in 0.5–0.7): the caller is who the
 * base64-encoded JSON of the {@code x-rh-identity} header says, as Red Hat's API gateway
 * sets it. Only a gateway that removes the header from what clients send may stand in
 * front of this module.
 */
class RhIdentityAuthenticationModule implements AuthenticationModule {

	private static final Logger logger = LoggerFactory.getLogger(RhIdentityAuthenticationModule.class);

	static final String HEADER = "x-rh-identity";

	private final RhIdentityConfig config;

	RhIdentityAuthenticationModule(RhIdentityConfig config) {
		this.config = config;
	}

	@Override
	public AuthenticatedUser authenticate(HttpServletRequest request) {
		String header = request.getHeader(HEADER);
		if (header == null || header.isEmpty()) {
			throw ApiException.text(HttpStatus.UNAUTHORIZED, "Missing x-rh-identity header");
		}
		// before decoding: a huge header costs nothing more than its length check
		if (header.length() > this.config.maxHeaderSize()) {
			logger.warn("x-rh-identity header of {} bytes refused (max_header_size {})", header.length(),
					this.config.maxHeaderSize());
			throw badRequest("x-rh-identity header exceeds maximum allowed size");
		}
		RhIdentity identity = RhIdentity.of(parse(decode(header)));
		for (String entitlement : this.config.requiredEntitlements()) {
			if (!identity.entitledTo(entitlement)) {
				logger.warn("rh-identity refused: entitlement {} missing", entitlement);
				throw ApiException.text(HttpStatus.FORBIDDEN, "Insufficient entitlements");
			}
		}
		return new AuthenticatedUser(identity.userId(), identity.username(), false, "");
	}

	private static String decode(String header) {
		try {
			byte[] bytes = Base64.getDecoder().decode(header.strip());
			return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
		}
		catch (IllegalArgumentException | CharacterCodingException ex) {
			throw badRequest("Invalid base64 encoding in x-rh-identity header");
		}
	}

	private static JsonNode parse(String json) {
		try {
			return JsonMapper.shared().readTree(json);
		}
		catch (JacksonException ex) {
			throw badRequest("Invalid JSON in x-rh-identity header");
		}
	}

	static ApiException badRequest(String detail) {
		return ApiException.text(HttpStatus.BAD_REQUEST, detail);
	}

}
