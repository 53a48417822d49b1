package dev.lightspeed.stack.auth;

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
 */
public record AuthenticatedUser(String userId, String username, boolean skipUserIdCheck, String token) {

	@Override
	public String toString() {
		return "AuthenticatedUser[userId=" + this.userId + ", username=" + this.username + "]";
	}

}
