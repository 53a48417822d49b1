package dev.lightspeed.stack.auth;

import dev.lightspeed.stack.errors.ApiException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The bearer token of a request, extracted exactly as LCS 0.2.0 does it (§3.1).
 */
final class BearerToken {

	private BearerToken() {
	}

	/**
	 * The token of the {@code Authorization: Bearer <token>} header.
	 * @param request the request
	 * @return the token
	 * @throws ApiException 400 when the header is missing or not a bearer token
	 */
	static String from(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || header.isEmpty()) {
			throw ApiException.text(HttpStatus.BAD_REQUEST, "No Authorization header found");
		}
		String[] parts = header.strip().split("\\s+");
		if (parts.length != 2 || !"bearer".equalsIgnoreCase(parts[0])) {
			throw ApiException.text(HttpStatus.BAD_REQUEST, "No token found in Authorization header");
		}
		return parts[1];
	}

}
