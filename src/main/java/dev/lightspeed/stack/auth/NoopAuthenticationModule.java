package dev.lightspeed.stack.auth;

import jakarta.servlet.http.HttpServletRequest;

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

	static String userId(HttpServletRequest request) {
		String userId = request.getParameter("user_id");
		return (userId != null) ? userId : DEFAULT_USER_ID;
	}

}
