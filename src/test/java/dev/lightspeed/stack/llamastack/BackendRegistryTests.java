package dev.lightspeed.stack.llamastack;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;

/**
 * Choosing the backend from the version Llama Stack reports, with LCS's refusal texts.
 */
class BackendRegistryTests {

	private final LlamaStackBackend agents = mock();

	private final BackendRegistry registry = new BackendRegistry(List.of(new BackendRegistry.Entry(
			SemanticVersion.of("0.2.17"), SemanticVersion.of("0.2.22"), "Agents API", () -> this.agents)));

	@ParameterizedTest
	@ValueSource(strings = { "0.2.17", "0.2.20", "0.2.22", "0.2.22+build.5", "0.2.22-rc1" })
	void versionsInRangeShouldGetTheAgentsBackend(String version) {
		BackendRegistry.Selected selected = this.registry.select(version);

		assertThat(selected.backend()).isSameAs(this.agents);
		assertThat(selected.name()).isEqualTo("Agents API");
		assertThat(selected.version().text()).isEqualTo(version);
	}

	@Test
	void olderVersionShouldBeRefusedNamingBothVersions() {
		assertThatExceptionOfType(LlamaStackStartupException.class).isThrownBy(() -> this.registry.select("0.2.16"))
			.withMessage("Llama Stack version >= 0.2.17 is required, but 0.2.16 is used");
		assertThatExceptionOfType(LlamaStackStartupException.class).isThrownBy(() -> this.registry.select("0.2.17-rc1"))
			.withMessage("Llama Stack version >= 0.2.17 is required, but 0.2.17-rc1 is used");
	}

	@Test
	void newerVersionShouldBeRefusedNamingBothVersions() {
		assertThatExceptionOfType(LlamaStackStartupException.class).isThrownBy(() -> this.registry.select("0.3.0"))
			.withMessage("Llama Stack version <= 0.2.22 is required, but 0.3.0 is used")
			.satisfies((ex) -> assertThat(ex.action()).contains("0.2.17 to 0.2.22"));
		assertThatExceptionOfType(LlamaStackStartupException.class).isThrownBy(() -> this.registry.select("0.2.23"))
			.withMessage("Llama Stack version <= 0.2.22 is required, but 0.2.23 is used");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.2", "v0.2.22", "0.2.22rc1", "0.02.22", "", "0.2.22.1", "latest" })
	void nonSemanticVersionsShouldBeRefused(String version) {
		assertThatExceptionOfType(LlamaStackStartupException.class).isThrownBy(() -> this.registry.select(version))
			.withMessage("Llama Stack version " + version + " is not a semantic version, but 0.2.17 to 0.2.22 is "
					+ "required");
	}

	@Test
	void versionInAGapBetweenBackendsShouldBeRefused() {
		BackendRegistry twoRanges = new BackendRegistry(List.of(
				new BackendRegistry.Entry(SemanticVersion.of("0.3.0"), SemanticVersion.of("0.7.0"), "Responses API",
						() -> this.agents),
				new BackendRegistry.Entry(SemanticVersion.of("0.2.17"), SemanticVersion.of("0.2.22"), "Agents API",
						() -> this.agents)));

		assertThat(twoRanges.select("0.5.2").name()).isEqualTo("Responses API");
		assertThatExceptionOfType(LlamaStackStartupException.class).isThrownBy(() -> twoRanges.select("0.2.30"))
			.withMessage("Llama Stack version 0.2.30 is not supported, but 0.2.17 to 0.2.22 or 0.3.0 to 0.7.0 is "
					+ "required");
	}

}
