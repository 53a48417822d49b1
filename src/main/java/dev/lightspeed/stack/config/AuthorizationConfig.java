package dev.lightspeed.stack.config;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The {@code authorization} section (LCS 0.3.0): which actions each role may take. Every
 * caller has the role {@code *}; {@code admin} grants every action. Without rules, every
 * caller may take every action but {@code admin} and those on other users' conversations.
 *
 * @param accessRules the rules
 */
public record AuthorizationConfig(@JsonProperty("access_rules") List<AccessRule> accessRules) {

	public AuthorizationConfig {
		accessRules = (accessRules != null) ? List.copyOf(accessRules) : List.of();
	}

	/**
	 * One entry of {@code access_rules}.
	 *
	 * @param role the role
	 * @param actions what it may do
	 */
	public record AccessRule(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String role,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Action> actions) implements CrossChecked {

		public AccessRule {
			actions = (actions != null) ? List.copyOf(actions) : List.of();
		}

		// LCS refuses this at start-up: it is likely a mistake
		@Override
		public void crossCheck(SectionCheck section) {
			section.check(!this.actions.contains(Action.ADMIN) || this.actions.size() == 1, "actions",
					"Access rule with 'admin' action cannot have other actions");
		}

	}

}
