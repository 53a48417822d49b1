package dev.lightspeed.stack.authorization;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.lightspeed.stack.config.Action;
import dev.lightspeed.stack.config.AuthorizationConfig;
import dev.lightspeed.stack.config.AuthorizationConfig.AccessRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What roles grant: LCS's generic resolver with rules, today's behaviour without.
 */
class AccessRulesTests {

	@Test
	void withoutRulesEverythingButAdminAndOtherUsersConversationsShouldBeGranted() {
		for (AuthorizationConfig none : new AuthorizationConfig[] { null, new AuthorizationConfig(List.of()) }) {
			AccessRules rules = AccessRules.of(none);
			assertThat(rules.configured()).isFalse();
			assertThat(rules.actions(Set.of("boss"))).contains(Action.QUERY, Action.MODEL_OVERRIDE, Action.GET_CONFIG)
				.doesNotContain(Action.ADMIN, Action.READ_OTHER_CONVERSATIONS, Action.LIST_OTHER_CONVERSATIONS,
						Action.QUERY_OTHER_CONVERSATIONS, Action.DELETE_OTHER_CONVERSATIONS);
		}
	}

	@Test
	void everyoneShouldHaveTheStarRoleAndRolesShouldAddUp() {
		AccessRules rules = AccessRules.of(new AuthorizationConfig(List.of(new AccessRule("*", List.of(Action.INFO)),
				new AccessRule("reader", List.of(Action.GET_CONVERSATION)),
				new AccessRule("reader", List.of(Action.LIST_CONVERSATIONS)),
				new AccessRule("writer", List.of(Action.QUERY)))));
		assertThat(rules.configured()).isTrue();
		assertThat(rules.actions(Set.of())).containsExactly(Action.INFO);
		assertThat(rules.actions(Set.of("reader", "writer"))).containsExactlyInAnyOrder(Action.INFO,
				Action.GET_CONVERSATION, Action.LIST_CONVERSATIONS, Action.QUERY);
		assertThat(rules.actions(Set.of("stranger"))).containsExactly(Action.INFO);
	}

	@Test
	void adminShouldGrantEveryAction() {
		AccessRules rules = AccessRules
			.of(new AuthorizationConfig(List.of(new AccessRule("boss", List.of(Action.ADMIN)))));
		assertThat(rules.actions(Set.of("boss"))).isEqualTo(EnumSet.allOf(Action.class));
		assertThat(rules.actions(Set.of())).isEmpty();
	}

}
