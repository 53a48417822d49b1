package dev.lightspeed.stack.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import dev.lightspeed.stack.errors.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * {@code noop}: everyone is the default user, or whoever {@code ?user_id=} names. For
 * development only.
 */
class NoopAuthenticationModule implements AuthenticationModule {

	static final String DEFAULT_USER_ID = "00000000-0000-0000-0000-000";

	static final String DEFAULT_USERNAME = "lightspeed-user";

	@Override
	public AuthenticatedUser authenticate(HttpServletRequest request) {
		return new AuthenticatedUser(userId(request), DEFAULT_USERNAME, true, "");
	}

	// From the query string only, as LCS reads it: the servlet's parameters would also
	// parse a form or multipart body, and fail on it with an error of their own.
	static String userId(HttpServletRequest request) {
		String userId = queryParameter(request.getQueryString(), "user_id");
		return (userId != null) ? userId : DEFAULT_USER_ID;
	}

	private static @Nullable String queryParameter(@Nullable String query, String name) {
		if (query == null) {
			return null;
		}
		for (String pair : query.split("&")) {
			if (pair.equals(name)) {
				return "";
			}
			if (pair.startsWith(name + "=")) {
				return decode(pair.substring(name.length() + 1));
			}
		}
		return null;
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.of(HttpStatus.BAD_REQUEST, "Invalid user ID",
					"The query string is not valid percent-encoding");
		}
	}

}
