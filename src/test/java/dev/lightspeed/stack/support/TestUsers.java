package dev.lightspeed.stack.support;

import java.util.List;
import java.util.Set;

import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.authorization.AccessRules;
import dev.lightspeed.stack.config.Action;

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
		// what the filter grants a caller when no access rules are configured
		return user(userId, AccessRules.of(null).actions(Set.of()));
	}

	/**
	 * A request made by a user whom the access rules grant exactly these actions.
	 * @param userId the user id
	 * @param actions the actions
	 * @return the post processor
	 */
	public static RequestPostProcessor user(String userId, Set<Action> actions) {
		AuthenticatedUser user = new AuthenticatedUser(userId, userId + "-name", false, "token-" + userId, Set.of(),
				null, actions);
		RequestPostProcessor authentication = authentication(
				UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
		return (request) -> csrf().postProcessRequest(authentication.postProcessRequest(request));
	}

}
