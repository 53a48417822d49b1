package dev.lightspeed.stack.llamastack.library;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The configured Python is asked which Llama Stack it has; one that has none, or that
 * cannot be run, stops the start-up with one line saying so.
 */
class PythonProbeTests {

	private final PythonProbe probe = new PythonProbe(Duration.ofSeconds(30));

	@Test
	void pythonWithLlamaStackShouldNameItsVersion() {
		assertThat(this.probe.probe(FakeLlamaStack.python())).isEqualTo(new InstalledServer("llama_stack", "0.2.22"));
	}

	@Test
	void ogxShouldBePreferredToAnOldLlamaStackBesideIt(@TempDir Path packages) throws Exception {
		Files.createDirectories(packages.resolve("ogx-1.5.0.dist-info"));
		Files.writeString(packages.resolve("ogx-1.5.0.dist-info/METADATA"),
				"Metadata-Version: 2.1\nName: ogx\nVersion: 1.5.0\n");
		Path fake = Path.of(FakeLlamaStack.python().get(1).substring("PYTHONPATH=".length()));
		List<String> python = List.of("env", "PYTHONPATH=" + packages + ":" + fake, "python3");
		assertThat(this.probe.probe(python)).isEqualTo(new InstalledServer("ogx", "1.5.0"));
	}

	@Test
	void pythonWithoutLlamaStackShouldStopTheStartUp() {
		// -I -S: the standard library only
		assertThatExceptionOfType(LibraryModeException.class)
			.isThrownBy(() -> this.probe.probe(List.of("python3", "-I", "-S")))
			.withMessageStartingWith("Library mode found no Llama Stack for 'python3 -I -S' (exit status 3): "
					+ "neither ogx nor llama-stack is installed for ")
			.satisfies((ex) -> assertThat(ex.action()).contains("lightspeed.llama-stack.library.python"));
	}

	@Test
	void pythonThatCannotBeRunShouldStopTheStartUp() {
		assertThatExceptionOfType(LibraryModeException.class)
			.isThrownBy(() -> this.probe.probe(List.of("/no/such/python3")))
			.withMessageStartingWith("Library mode cannot run '/no/such/python3': ")
			.withMessageContaining("No such file or directory");
	}

	@Test
	void valuesOfEnvironmentVariablesShouldNotBeShown() {
		assertThatExceptionOfType(LibraryModeException.class)
			.isThrownBy(() -> this.probe.probe(List.of("env", "OPENAI_API_KEY=sk-secret", "/no/such/python3")))
			.withMessageStartingWith("Library mode found no Llama Stack for 'env OPENAI_API_KEY=... /no/such/python3' ")
			.withMessageNotContaining("sk-secret");
	}

	@Test
	void commandThatIsNoPythonShouldStopTheStartUp() {
		assertThatExceptionOfType(LibraryModeException.class)
			.isThrownBy(() -> this.probe.probe(List.of("sh", "-c", "echo not a python >&2; exit 2", "sh")))
			.withMessage("Library mode found no Llama Stack for 'sh -c echo not a python >&2; exit 2 sh' "
					+ "(exit status 2): not a python");
	}

}
