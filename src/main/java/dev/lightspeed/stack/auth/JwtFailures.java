package dev.lightspeed.stack.auth;

import java.text.ParseException;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import dev.lightspeed.stack.errors.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Turns a {@link JwtException} of the decoder into the status and {@code detail} of LCS
 * 0.2.0. The texts never contain the token.
 */
final class JwtFailures {

	static final String UNKNOWN_KEY = "Invalid token: signed by unknown key or algorithm mismatch";

	static final String DECODE_ERROR = "Invalid token: decode error";

	private JwtFailures() {
	}

	static ApiException classify(JwtException ex) {
		if (ex instanceof JwtValidationException validation) {
			boolean expired = validation.getErrors()
				.stream()
				.anyMatch((error) -> JwtTimestampRules.EXPIRED.equals(error.getErrorCode()));
			return ApiException.text(HttpStatus.UNAUTHORIZED, expired ? "Token has expired" : "Error validating token");
		}
		// Spring raises a plain JwtException (not a BadJwtException) when the key source
		// failed: that is our problem, not the caller's.
		if (!(ex instanceof BadJwtException) && causedBy(ex, KeySourceException.class)) {
			return jwkSetUnavailable(ex);
		}
		if (causedBy(ex, BadJWSException.class)) {
			return ApiException.text(HttpStatus.UNAUTHORIZED, "Invalid token: bad signature");
		}
		if (causedBy(ex, BadJOSEException.class)) {
			return ApiException.text(HttpStatus.UNAUTHORIZED, UNKNOWN_KEY);
		}
		if (causedBy(ex, ParseException.class)) {
			return ApiException.text(HttpStatus.BAD_REQUEST, DECODE_ERROR);
		}
		// claims Spring refuses while reading them (iat after exp, a date that is not a
		// number) are claim errors, as authlib's are
		if (causedBy(ex, IllegalArgumentException.class)) {
			return ApiException.text(HttpStatus.UNAUTHORIZED, "Error validating token");
		}
		return ApiException.text(HttpStatus.BAD_REQUEST, "Invalid token: unknown error");
	}

	private static ApiException jwkSetUnavailable(JwtException ex) {
		// 0.2.0 answered 500 in plain text here; the JWK set is a dependency that is down
		// or misbehaving, so we say so in the usual shape.
		String cause = causedBy(ex, ParseException.class) ? "The JWK set endpoint did not return a valid JWK set"
				: "The JWK set could not be fetched";
		return ApiException.of(HttpStatus.SERVICE_UNAVAILABLE, "Unable to verify token", cause);
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return true;
			}
			if (current.getCause() == current) {
				return false;
			}
		}
		return false;
	}

}
