package dev.lightspeed.stack.llamastack;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;

/**
 * Choosing the API generation from the version Llama Stack (or OGX) reports, with refusal
 * texts that name both versions.
 */
class BackendRegistryTests {

	private final BackendRegistry registry = LlamaStackConfiguration.registry(mock(LlamaStackHttp.class),
			Duration.ZERO);

	@ParameterizedTest
	@ValueSource(strings = { "0.2.17", "0.2.20", "0.2.22", "0.2.22+build.5", "0.2.23", "0.2.30" })
	void llamaStack02ShouldGetTheAgentsApi(String version) {
		BackendRegistry.Selected selected = this.registry.select(version);

		assertThat(selected.backend()).isInstanceOf(AgentsApiBackend.class);
		assertThat(selected.name()).isEqualTo("Agents API");
		assertThat(selected.version().text()).isEqualTo(version);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.3.0", "0.3.5", "0.4.3", "0.5.4", "0.6.1", "0.7.3", "0.8.0", "1.0.2", "1.2.5", "1.5.0",
			"1.9.0" })
	void llamaStack03AndLaterAndOgx1ShouldGetTheResponsesApi(String version) {
		BackendRegistry.Selected selected = this.registry.select(version);

		assertThat(selected.backend()).isInstanceOf(ResponsesApiBackend.class);
		assertThat(selected.name()).isEqualTo("Responses API");
	}

	@Test
	void olderVersionShouldBeRefusedNamingBothVersions() {
		assertThatExceptionOfType(LlamaStackStartupException.class).isThrownBy(() -> this.registry.select("0.2.16"))
			.withMessage("Llama Stack version >= 0.2.17 is required, but 0.2.16 is used")
			.satisfies((ex) -> assertThat(ex.action()).contains(">= 0.2.17 and < 2.0.0"));
		assertThatExceptionOfType(LlamaStackStartupException.class).isThrownBy(() -> this.registry.select("0.2.17-rc1"))
			.withMessage("Llama Stack version >= 0.2.17 is required, but 0.2.17-rc1 is used");
	}

	@Test
	void aMajorVersionNeverTestedShouldBeRefused() {
		assertThatExceptionOfType(LlamaStackStartupException.class).isThrownBy(() -> this.registry.select("2.0.0"))
			.withMessage("Llama Stack version < 2.0.0 is required, but 2.0.0 is used");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.2", "v0.2.22", "0.2.22rc1", "0.02.22", "", "0.2.22.1", "latest" })
	void nonSemanticVersionsShouldBeRefused(String version) {
		assertThatExceptionOfType(LlamaStackStartupException.class).isThrownBy(() -> this.registry.select(version))
			.withMessage("Llama Stack version " + version + " is not a semantic version, but >= 0.2.17 and < 2.0.0 "
					+ "is required");
	}

	@Test
	void onlyANewerMinorOrMajorThanTestedShouldBeWarnedAbout() {
		BackendRegistry.Entry responses = new BackendRegistry.Entry(SemanticVersion.of("0.3.0"),
				SemanticVersion.of("2.0.0"), SemanticVersion.of("1.5.0"), "Responses API", (version) -> mock());

		assertThat(responses.newerThanTested(SemanticVersion.of("1.5.0"))).isFalse();
		assertThat(responses.newerThanTested(SemanticVersion.of("1.5.3"))).isFalse();
		assertThat(responses.newerThanTested(SemanticVersion.of("0.7.3"))).isFalse();
		assertThat(responses.newerThanTested(SemanticVersion.of("1.6.0"))).isTrue();
	}

	@Test
	void versionInAGapBetweenBackendsShouldBeRefused() {
		BackendRegistry twoRanges = new BackendRegistry(List.of(
				new BackendRegistry.Entry(SemanticVersion.of("0.3.0"), SemanticVersion.of("0.8.0"),
						SemanticVersion.of("0.7.0"), "Responses API", (version) -> mock()),
				new BackendRegistry.Entry(SemanticVersion.of("0.2.17"), SemanticVersion.of("0.2.23"),
						SemanticVersion.of("0.2.22"), "Agents API", (version) -> mock())));

		assertThat(twoRanges.select("0.5.2").name()).isEqualTo("Responses API");
		assertThatExceptionOfType(LlamaStackStartupException.class).isThrownBy(() -> twoRanges.select("0.2.30"))
			.withMessage("Llama Stack version 0.2.30 is not supported, but >= 0.2.17 and < 0.2.23 or >= 0.3.0 and "
					+ "< 0.8.0 is required");
	}

}
