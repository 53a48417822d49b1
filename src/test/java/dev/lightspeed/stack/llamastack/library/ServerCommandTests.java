package dev.lightspeed.stack.llamastack.library;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each generation is started the way it starts as a server (the e2e harness starts them
 * the same way): 0.2.x by its server module, 0.3+ by its CLI, OGX by its own CLI over
 * plain HTTP.
 */
class ServerCommandTests {

	@ParameterizedTest
	@ValueSource(strings = { "0.2.17", "0.2.22", "0.2.23rc1" })
	void llamaStack02ShouldRunItsServerModule(String version) {
		assertThat(ServerCommand.of(new InstalledServer("llama_stack", version), 8321)).isEqualTo(
				new ServerCommand("llama_stack.core.server.server", List.of(ServerCommand.CONFIG, "--port", "8321")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.3.0", "0.5.4", "0.7.0", "1.0" })
	void llamaStack03AndLaterShouldRunTheStackRunCommand(String version) {
		assertThat(ServerCommand.of(new InstalledServer("llama_stack", version), 40001)).isEqualTo(new ServerCommand(
				"llama_stack.cli.llama", List.of("stack", "run", ServerCommand.CONFIG, "--port", "40001")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.0.2", "1.5.0", "2.0.0" })
	void ogxShouldRunItsCliOverPlainHttp(String version) {
		assertThat(ServerCommand.of(new InstalledServer("ogx", version), 8321)).isEqualTo(
				new ServerCommand("ogx.cli.ogx", List.of("run", ServerCommand.CONFIG, "--port", "8321", "--insecure")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.2.16", "0.2.12", "0.1.9" })
	void llamaStackOlderThanThisServiceSpeaksToShouldBeRefused(String version) {
		assertThatExceptionOfType(LibraryModeException.class)
			.isThrownBy(() -> ServerCommand.of(new InstalledServer("llama_stack", version), 8321))
			.withMessage(
					"Library mode runs Llama Stack 0.2.17 or later, or OGX; the Python has Llama Stack " + version);
	}

	@Test
	void versionThatIsNotANumberShouldBeRefused() {
		assertThatExceptionOfType(LibraryModeException.class)
			.isThrownBy(() -> ServerCommand.of(new InstalledServer("llama_stack", "main"), 8321))
			.withMessage("Library mode cannot read the version of the Python's Llama Stack main");
	}

}
