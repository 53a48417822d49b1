package dev.lightspeed.stack.config;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader of configuration records: key names, aliases and rules taken from the
 * components themselves.
 */
class ConfigReaderTests {

	@Test
	void aLaterAliasShouldWinAndBeNamedInProblems() {
		assertThat(read("{timeout_seconds: 4, timeout: 5}").timeoutSeconds()).isEqualTo(5);
		assertThat(read("{timeout: 5, timeout_seconds: 4}").timeoutSeconds()).isEqualTo(4);
		Problems problems = new Problems();
		Timeouts timeouts = reader("{timeout_seconds: 4, timeout: 0, wait: 2}", problems);
		assertThat(timeouts.timeoutSeconds()).isZero();
		assertThat(problems.problems()).containsExactly("timeout: Input should be greater than 0");
		assertThat(problems.unknownKeys()).containsExactly("wait");
	}

	@Test
	void aRequiredKeyShouldBeReportedOnceWhenItsValueIsWrong() {
		Problems wrong = new Problems();
		reader("{timeout_seconds: {}}", wrong);
		assertThat(wrong.problems()).containsExactly("timeout_seconds: Input should be a valid integer");
		Problems absent = new Problems();
		reader("{names: [a, {}]}", absent);
		assertThat(absent.problems()).containsExactly("names[1]: Input should be a valid string",
				"timeout_seconds: Field required");
	}

	@Test
	void aRuleOfAListItemShouldBeReportedAtTheItemsPath() {
		assertThat(Configs.problems("""
				mcp_servers:
				  - {name: a, url: 'http://a'}
				  - {name: b, url: 'http://b', timeout: 0}
				""")).containsExactly("mcp_servers[1].timeout: Input should be greater than 0");
	}

	@Test
	void keysOfTheSameTypeShouldBeReadByName() {
		ServiceConfig service = Configs.load("service: {access_log: false, color_log: true, auth_enabled: true}")
			.service();
		assertThat(service.colorLog()).isTrue();
		assertThat(service.accessLog()).isFalse();
		ServiceConfig swapped = Configs.load("service: {color_log: false, access_log: true}").service();
		assertThat(swapped.colorLog()).isFalse();
		assertThat(swapped.accessLog()).isTrue();
		assertThat(swapped.authEnabled()).isFalse();
	}

	@Test
	void aLongKeyShouldTakeWhatABigintColumnHolds() {
		QuotaHandlersConfig quotas = Configs
			.load("""
					quota_handlers:
					  limiters:
					    - {name: monthly, type: cluster_limiter, initial_quota: 5000000000, quota_increase: 0, period: 1 month}
					""")
			.quotaHandlers();
		assertThat(quotas).isNotNull();
		assertThat(quotas.limiters().getFirst().initialQuota()).isEqualTo(5_000_000_000L);
		assertThat(Configs.problems(
				"""
						quota_handlers:
						  limiters:
						    - {name: m, type: cluster_limiter, initial_quota: 1e30, quota_increase: 99999999999999999999, period: 1 day}
						"""))
			.containsExactly("quota_handlers.limiters[0].initial_quota: Input should be a valid integer",
					"quota_handlers.limiters[0].quota_increase: Input should be a valid integer, number out of range");
	}

	@Test
	void theLlamaStackSectionShouldBeGivenUnderOneNameOnly() {
		assertThat(Configs.problems("ogx: {url: 'http://b'}"))
			.containsExactly("ogx: Give the Llama Stack section once, as llama_stack or as ogx, not both");
	}

	private static Timeouts read(String yaml) {
		Problems problems = new Problems();
		Timeouts timeouts = reader(yaml, problems);
		assertThat(problems.problems()).isEmpty();
		return timeouts;
	}

	private static Timeouts reader(String yaml, Problems problems) {
		return new ConfigReader(problems).record(YAMLMapper.builder().build().readTree(yaml), "", Timeouts.class);
	}

	record Timeouts(@JsonProperty("timeout_seconds") @JsonAlias("timeout") @Schema(
			requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1") Integer timeoutSeconds, List<String> names) {

	}

}
