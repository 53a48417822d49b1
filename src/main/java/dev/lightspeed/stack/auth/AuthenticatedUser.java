package dev.lightspeed.stack.auth;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The caller, as the authentication module established it. Controllers receive it with
 * {@code @AuthenticationPrincipal}.
 *
 * @param userId user id, used for ownership and file paths
 * @param username user name
 * @param skipUserIdCheck whether the module vouches for no real identity (noop modules);
 * unread on purpose: 0.2.0 has no such flag (lcs-behavior §3) and 0.3.x uses it only to
 * exempt noop's non-UUID default id from a UUID check we never make, so it stays as the
 * module contract's record of identity strength, not as a switch
 * @param token the caller's bearer token, forwarded to MCP servers; never logged
 * @param roles the roles the credential carries (JWT role rules, an API key's roles)
 * @param apiKey the managed API key the caller presented, or null
 */
public record AuthenticatedUser(String userId, String username, boolean skipUserIdCheck, String token,
		Set<String> roles, @Nullable ApiKeyGrant apiKey) {

	public AuthenticatedUser {
		roles = Set.copyOf(roles);
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

	@Override
	public String toString() {
		return "AuthenticatedUser[userId=" + this.userId + ", username=" + this.username + "]";
	}

}
