package dev.lightspeed.stack.authorization;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import dev.lightspeed.stack.config.Action;
import dev.lightspeed.stack.config.AuthorizationConfig;
import org.jspecify.annotations.Nullable;

/**
 * The actions a caller's roles grant. Everyone has the role {@code *}, and {@code admin}
 * grants every action (LCS's generic access resolver). Without rules every caller may
 * take every action but {@code admin} and those on other users' conversations: what this
 * service allowed before it had rules. (LCS's no-rules resolver also grants the actions
 * on other users' conversations.)
 */
public final class AccessRules {

	/** The role every caller has. */
	public static final String EVERYONE = "*";

	private static final Set<Action> WITHOUT_RULES = EnumSet
		.complementOf(EnumSet.of(Action.ADMIN, Action.LIST_OTHER_CONVERSATIONS, Action.READ_OTHER_CONVERSATIONS,
				Action.QUERY_OTHER_CONVERSATIONS, Action.DELETE_OTHER_CONVERSATIONS));

	private final @Nullable Map<String, Set<Action>> byRole;

	private AccessRules(@Nullable Map<String, Set<Action>> byRole) {
		this.byRole = byRole;
	}

	/**
	 * The rules of an {@code authorization} section.
	 * @param config the section, or null when there is none
	 * @return the rules
	 */
	public static AccessRules of(@Nullable AuthorizationConfig config) {
		if (config == null || config.accessRules().isEmpty()) {
			return new AccessRules(null);
		}
		Map<String, Set<Action>> byRole = new HashMap<>();
		for (AuthorizationConfig.AccessRule rule : config.accessRules()) {
			byRole.computeIfAbsent(rule.role(), (role) -> EnumSet.noneOf(Action.class)).addAll(rule.actions());
		}
		return new AccessRules(byRole);
	}

	/**
	 * Whether access rules are configured; then every endpoint that has an action
	 * authenticates its callers, as in LCS.
	 * @return true with rules
	 */
	public boolean configured() {
		return this.byRole != null;
	}

	/**
	 * The actions some roles grant.
	 * @param roles the caller's roles, {@code *} left out
	 * @return the actions
	 */
	public Set<Action> actions(Set<String> roles) {
		if (this.byRole == null) {
			return WITHOUT_RULES;
		}
		Set<String> all = new HashSet<>(roles);
		all.add(EVERYONE);
		Set<Action> actions = EnumSet.noneOf(Action.class);
		for (String role : all) {
			actions.addAll(this.byRole.getOrDefault(role, Set.of()));
		}
		return actions.contains(Action.ADMIN) ? EnumSet.allOf(Action.class) : actions;
	}

}
