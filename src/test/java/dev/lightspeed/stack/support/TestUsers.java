package dev.lightspeed.stack.support;

import java.util.List;

import dev.lightspeed.stack.auth.AuthenticatedUser;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Callers for slice tests: our {@link AuthenticatedUser} principal in the security
 * context (and a CSRF token, which the slice's default security asks for).
 */
public final class TestUsers {

	private TestUsers() {
	}

	/**
	 * A request made by the given user.
	 * @param userId the user id
	 * @return the post processor
	 */
	public static RequestPostProcessor user(String userId) {
		AuthenticatedUser user = new AuthenticatedUser(userId, userId + "-name", false, "token-" + userId);
		RequestPostProcessor authentication = authentication(
				UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
		return (request) -> csrf().postProcessRequest(authentication.postProcessRequest(request));
	}

}
