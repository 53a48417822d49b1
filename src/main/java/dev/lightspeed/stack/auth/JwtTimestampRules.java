package dev.lightspeed.stack.auth;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * {@code exp} and {@code nbf} with zero leeway, compared in whole seconds as LCS 0.2.0
 * (authlib) does. Tokens without {@code exp} are accepted; issuer and audience are not
 * checked. Each failure carries its own error code so that the module can tell an expired
 * token from any other claim failure.
 */
final class JwtTimestampRules implements OAuth2TokenValidator<Jwt> {

	static final String EXPIRED = "token_expired";

	static final String NOT_YET_VALID = "token_not_yet_valid";

	private final Clock clock;

	JwtTimestampRules(Clock clock) {
		this.clock = clock;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt jwt) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Instant expiresAt = jwt.getExpiresAt();
		if (expiresAt != null && expiresAt.isBefore(now)) {
			return OAuth2TokenValidatorResult.failure(new OAuth2Error(EXPIRED, "expired", null));
		}
		Instant notBefore = jwt.getNotBefore();
		if (notBefore != null && notBefore.isAfter(now)) {
			return OAuth2TokenValidatorResult.failure(new OAuth2Error(NOT_YET_VALID, "not yet valid", null));
		}
		return OAuth2TokenValidatorResult.success();
	}

}
