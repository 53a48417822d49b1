package dev.lightspeed.stack.auth;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Establishes the caller of a request, or fails with the status and {@code detail} LCS
 * 0.2.0 uses.
 */
public interface AuthenticationModule {

	/**
	 * Authenticates a request.
	 * @param request the request
	 * @return the caller
	 * @throws dev.lightspeed.stack.errors.ApiException when the request is not
	 * authenticated
	 */
	AuthenticatedUser authenticate(HttpServletRequest request);

}
