package dev.lightspeed.stack.auth;

import java.util.function.Function;

import dev.lightspeed.stack.errors.ApiException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The bearer token of a request, extracted exactly as LCS 0.2.0 does it.
 */
final class BearerToken {

	static final String NO_HEADER = "No Authorization header found";

	static final String NO_TOKEN = "No token found in Authorization header";

	/** The {@code response} of LCS 0.3's 401 answers. */
	static final String INVALID_CREDENTIALS = "Missing or invalid credentials provided by client";

	private BearerToken() {
	}

	/**
	 * The token of the {@code Authorization: Bearer <token>} header, for the modules of
	 * LCS 0.2.0.
	 * @param request the request
	 * @return the token
	 * @throws ApiException 400 when the header is missing or not a bearer token
	 */
	static String from(HttpServletRequest request) {
		return extract(request, (cause) -> ApiException.text(HttpStatus.BAD_REQUEST, cause));
	}

	/**
	 * The token, for the modules LCS 0.3 and later added: they answer a missing or
	 * malformed header with 401.
	 * @param request the request
	 * @return the token
	 * @throws ApiException 401 when the header is missing or not a bearer token
	 */
	static String orUnauthorized(HttpServletRequest request) {
		return extract(request, BearerToken::unauthorized);
	}

	/**
	 * LCS 0.3's 401 answer.
	 * @param cause why the credentials were refused
	 * @return the failure
	 */
	static ApiException unauthorized(String cause) {
		return ApiException.of(HttpStatus.UNAUTHORIZED, INVALID_CREDENTIALS, cause);
	}

	private static String extract(HttpServletRequest request, Function<String, ApiException> failure) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || header.isEmpty()) {
			throw failure.apply(NO_HEADER);
		}
		String[] parts = header.strip().split("\\s+");
		if (parts.length != 2 || !"bearer".equalsIgnoreCase(parts[0])) {
			throw failure.apply(NO_TOKEN);
		}
		return parts[1];
	}

}
