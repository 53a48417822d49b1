package dev.lightspeed.stack.config;

import java.util.ArrayList;
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

	static AuthorizationConfig read(Section section) {
		return new AuthorizationConfig(section.sections("access_rules", AccessRule::read));
	}

	/**
	 * One entry of {@code access_rules}.
	 *
	 * @param role the role
	 * @param actions what it may do
	 */
	public record AccessRule(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String role,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Action> actions) {

		public AccessRule {
			actions = (actions != null) ? List.copyOf(actions) : List.of();
		}

		static AccessRule read(Section section) {
			String role = section.requiredString("role");
			List<String> names = section.required("actions", section.strings("actions"));
			List<Action> actions = new ArrayList<>();
			for (int i = 0; names != null && i < names.size(); i++) {
				Action action = Action.named(names.get(i)).orElse(null);
				section.check(action != null, "actions[" + i + "]", Action.rule());
				if (action != null) {
					actions.add(action);
				}
			}
			// LCS refuses this at start-up: it is likely a mistake
			section.check(!actions.contains(Action.ADMIN) || actions.size() == 1, "actions",
					"Access rule with 'admin' action cannot have other actions");
			return new AccessRule(role, actions);
		}

	}

}
