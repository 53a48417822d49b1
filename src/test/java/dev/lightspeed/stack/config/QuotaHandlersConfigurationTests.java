package dev.lightspeed.stack.config;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code quota_handlers} (LCS 0.3.1).
 */
class QuotaHandlersConfigurationTests {

	static Stream<Arguments> rules() {
		return Stream.of(
				Arguments.of("quota_handlers: {limiters: [{name: n}]}",
						List.of("quota_handlers.limiters[0].initial_quota: Field required",
								"quota_handlers.limiters[0].period: Field required",
								"quota_handlers.limiters[0].quota_increase: Field required",
								"quota_handlers.limiters[0].type: Field required")),
				Arguments.of(limiters(limiter("n", "team_limiter", 1, "1 day")), List
					.of("quota_handlers.limiters[0].type: Input should be 'user_limiter' or 'cluster_limiter'")),
				Arguments.of(limiters(limiter("n", "user_limiter", 1, "fortnightly")),
						List.of("quota_handlers.limiters[0].period: " + QuotaPeriod.RULE)),
				Arguments.of(limiters(limiter("n", "user_limiter", -1, "1 day")), List
					.of("quota_handlers.limiters[0].initial_quota: Input should be greater than or equal to 0")),
				Arguments.of(limiters(limiter("api_key", "user_limiter", 1, "1 day")),
						List.of("quota_handlers.limiters[0].name: The name api_key is the quota of API keys; choose "
								+ "another")),
				Arguments.of(
						limiters(limiter("a", "user_limiter", 1, "1 day"), limiter("a", "cluster_limiter", 1, "1 h")),
						List.of("quota_handlers.limiters: Limiter names must be unique: they name the quotas in "
								+ "available_quotas")),
				Arguments.of("quota_handlers: {sqlite: {db_path: /tmp/q.db}, postgres: {db: d, user: u, password: p}}",
						List.of("quota_handlers: Only one database configuration can be provided")),
				Arguments.of("quota_handlers: {scheduler: {period: 0}}",
						List.of("quota_handlers.scheduler.period: Input should be greater than 0")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rules")
	void ruleWhenBrokenShouldNameKeyPathAndRule(String sections, List<String> problems) {
		assertThat(Configs.problems(sections)).containsExactlyElementsOf(problems);
	}

	@Test
	void lcsExampleShouldBeReadWithItsDatabase() {
		QuotaHandlersConfig quotas = Configs
			.load("""
					quota_handlers:
					  sqlite: {db_path: quota.sqlite}
					  limiters:
					    - {name: user_monthly_limits, type: user_limiter, initial_quota: 50, quota_increase: 50, period: "30 seconds"}
					    - {name: cluster_monthly_limits, type: cluster_limiter, initial_quota: 100, quota_increase: 100, period: "30 seconds"}
					  scheduler: {period: 10}
					  enable_token_history: true
					""")
			.quotaHandlers();
		assertThat(quotas.database().sqlite().dbPath()).isEqualTo("quota.sqlite");
		assertThat(quotas.limiters()).extracting(QuotaHandlersConfig.Limiter::perUser).containsExactly(true, false);
		assertThat(quotas.scheduler().period()).isEqualTo(10);
		assertThat(quotas.enableTokenHistory()).isTrue();
		assertThat(Configs.load("quota_handlers: {}").quotaHandlers().database()).isNull();
	}

	private static String limiters(String... limiters) {
		return "quota_handlers: {limiters: [" + String.join(", ", limiters) + "]}";
	}

	private static String limiter(String name, String type, int initialQuota, String period) {
		return "{name: " + name + ", type: " + type + ", initial_quota: " + initialQuota + ", quota_increase: 0, "
				+ "period: '" + period + "'}";
	}

}
