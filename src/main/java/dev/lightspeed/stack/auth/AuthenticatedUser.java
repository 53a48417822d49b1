package dev.lightspeed.stack.auth;

import java.util.Set;

import dev.lightspeed.stack.config.Action;
import org.jspecify.annotations.Nullable;

/**
 * The caller, as the authentication module established it. Controllers receive it with
 * {@code @AuthenticationPrincipal}.
 *
 * @param userId user id, used for ownership and file paths
 * @param username user name
 * @param skipUserIdCheck whether the module vouches for no real identity (noop modules);
 * unread on purpose: 0.2.0 has no such flag and 0.3.x uses it only to exempt noop's
 * non-UUID default id from a UUID check we never make, so it stays as the module
 * contract's record of identity strength, not as a switch
 * @param token the caller's bearer token, forwarded to MCP servers; never logged
 * @param roles the roles the credential carries (JWT role rules, an API key's roles)
 * @param apiKey the managed API key the caller presented, or null
 * @param actions what the caller may do, as the access rules grant it to the roles
 */
public record AuthenticatedUser(String userId, String username, boolean skipUserIdCheck, String token,
		Set<String> roles, @Nullable ApiKeyGrant apiKey, Set<Action> actions) {

	public AuthenticatedUser {
		roles = Set.copyOf(roles);
		actions = Set.copyOf(actions);
	}

	/**
	 * A caller whose actions are not known yet.
	 * @param userId user id
	 * @param username user name
	 * @param skipUserIdCheck whether the module vouches for no real identity
	 * @param token the bearer token
	 * @param roles the roles the credential carries
	 * @param apiKey the managed API key, or null
	 */
	public AuthenticatedUser(String userId, String username, boolean skipUserIdCheck, String token, Set<String> roles,
			@Nullable ApiKeyGrant apiKey) {
		this(userId, username, skipUserIdCheck, token, roles, apiKey, Set.of());
	}

	/**
	 * A caller without roles or API key.
	 * @param userId user id
	 * @param username user name
	 * @param skipUserIdCheck whether the module vouches for no real identity
	 * @param token the bearer token
	 */
	public AuthenticatedUser(String userId, String username, boolean skipUserIdCheck, String token) {
		this(userId, username, skipUserIdCheck, token, Set.of(), null);
	}

	/**
	 * Whether the caller may take an action.
	 * @param action the action
	 * @return true when granted
	 */
	public boolean may(Action action) {
		return this.actions.contains(action);
	}

	AuthenticatedUser withActions(Set<Action> granted) {
		return new AuthenticatedUser(this.userId, this.username, this.skipUserIdCheck, this.token, this.roles,
				this.apiKey, granted);
	}

	@Override
	public String toString() {
		return "AuthenticatedUser[userId=" + this.userId + ", username=" + this.username + "]";
	}

}
