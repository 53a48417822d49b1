package dev.lightspeed.stack.auth;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code noop-with-token}: like {@code noop}, but a bearer token is required and passed
 * on (to MCP servers). The token itself is not checked. For development only.
 */
class NoopWithTokenAuthenticationModule implements AuthenticationModule {

	@Override
	public AuthenticatedUser authenticate(HttpServletRequest request) {
		String token = BearerToken.from(request);
		return new AuthenticatedUser(NoopAuthenticationModule.userId(request),
				NoopAuthenticationModule.DEFAULT_USERNAME, true, token);
	}

}
