package dev.lightspeed.stack.config;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Library mode with an existing run configuration is accepted (the server is started by
 * {@code llamastack.library}); a {@code url} beside it is ignored, as by LCS, with a
 * warning. The rules that reject it are in {@link ConfigurationValidationTests}.
 */
@ExtendWith(OutputCaptureExtension.class)
class LibraryModeConfigTests {

	private static final String URL_IGNORED = "llama_stack.url is ignored: library mode (use_as_library_client: "
			+ "true) starts a Llama Stack server of its own";

	@TempDir
	Path directory;

	@Test
	void libraryModeWithAnExistingRunConfigurationShouldBeAccepted(CapturedOutput output) throws Exception {
		Path run = Files.writeString(this.directory.resolve("run.yaml"), "version: 2\n");
		LlamaStackConfig llamaStack = Configs
			.load("llama_stack: {use_as_library_client: true, library_client_config_path: '" + run + "'}\n")
			.llamaStack();
		assertThat(llamaStack.libraryMode()).isTrue();
		assertThat(llamaStack.libraryClientConfigPath()).isEqualTo(run.toString());
		assertThat(output).doesNotContain(URL_IGNORED);
	}

	@Test
	void urlBesideLibraryModeShouldBeIgnoredWithAWarning(CapturedOutput output) throws Exception {
		Path run = Files.writeString(this.directory.resolve("run.yaml"), "version: 2\n");
		LlamaStackConfig llamaStack = Configs
			.load("llama_stack: {url: 'http://llama:8321', use_as_library_client: "
					+ "'yes', library_client_config_path: '" + run + "'}\n")
			.llamaStack();
		assertThat(llamaStack.libraryMode()).isTrue();
		assertThat(output).containsOnlyOnce(URL_IGNORED).contains("WARN");
	}

	@Test
	void serverModeShouldNotBeLibraryMode() {
		assertThat(Configs.load("llama_stack: {url: 'http://llama:8321'}\n").llamaStack().libraryMode()).isFalse();
		assertThat(Configs
			.load("llama_stack: {url: 'http://llama:8321', use_as_library_client: false, "
					+ "library_client_config_path: /no/such/run.yaml}\n")
			.llamaStack()
			.libraryMode()).isFalse();
	}

}
