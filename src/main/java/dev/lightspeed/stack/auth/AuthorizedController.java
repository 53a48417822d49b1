package dev.lightspeed.stack.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /authorized}: runs the authentication module and says who the caller is.
 * Failures are answered by the module, through {@link AuthenticationFilter}.
 */
@RestController
class AuthorizedController {

	@PostMapping("/authorized")
	AuthorizedResponse authorized(@AuthenticationPrincipal AuthenticatedUser user) {
		return new AuthorizedResponse(user.userId(), user.username());
	}

	/**
	 * The 0.2.0 body: the token is never returned, and {@code skip_userid_check} (0.3.x)
	 * is left out so that clients comparing the whole body keep working.
	 *
	 * @param userId the user id
	 * @param username the user name
	 */
	record AuthorizedResponse(@JsonProperty("user_id") String userId, String username) {
	}

}
