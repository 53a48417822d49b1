package dev.lightspeed.stack.llamastack.library;

import java.nio.file.Path;
import java.util.Map;

import dev.lightspeed.stack.config.ConfigurationSections;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.support.TestConfigurations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Library mode's server exists only in library mode, listens where the settings say, and
 * a bad setting stops the start-up naming the property.
 */
class LibraryModeConfigurationTests {

	@TempDir
	Path directory;

	@Test
	void serverModeShouldStartNothingAndAskNoPython() {
		runner(TestConfigurations.minimal("http://llama:8321"))
			.withPropertyValues("lightspeed.llama-stack.library.python=/no/such/python3")
			.run((context) -> assertThat(context.getBean(LibraryModeServer.class).url()).isEmpty());
	}

	@Test
	void libraryModeShouldListenOnLoopbackAtTheConfiguredPort() throws Exception {
		runner(libraryMode()).withPropertyValues("lightspeed.llama-stack.library.port=18321")
			.run((context) -> assertThat(context.getBean(LibraryModeServer.class).url())
				.contains("http://127.0.0.1:18321"));
	}

	@Test
	void libraryModeShouldChooseAFreeLoopbackPortByDefault() throws Exception {
		runner(libraryMode()).run((context) -> assertThat(context.getBean(LibraryModeServer.class).url())
			.hasValueSatisfying((url) -> assertThat(url).matches("http://127\\.0\\.0\\.1:[1-9][0-9]*")));
	}

	@Test
	void badSettingShouldStopTheStartUpNamingTheProperty() throws Exception {
		runner(libraryMode()).withPropertyValues("lightspeed.llama-stack.library.stop-timeout=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(LibraryModeException.class)
				.hasMessage("lightspeed.llama-stack.library.stop-timeout: must be positive"));
	}

	private LightspeedConfiguration libraryMode() throws Exception {
		Path run = new FakeLlamaStack(this.directory).runConfiguration(Map.of());
		return TestConfigurations.yaml("""
				name: test
				service: {}
				llama_stack: {use_as_library_client: true, library_client_config_path: '%s'}
				user_data_collection: {}
				""".formatted(run));
	}

	private static ApplicationContextRunner runner(LightspeedConfiguration configuration) {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withUserConfiguration(ConfigurationSections.class, LibraryModeConfiguration.class)
			.withBean("lightspeedConfiguration", LightspeedConfiguration.class, () -> configuration);
		for (int i = 0; i < FakeLlamaStack.python().size(); i++) {
			runner = runner.withPropertyValues(
					"lightspeed.llama-stack.library.python[" + i + "]=" + FakeLlamaStack.python().get(i));
		}
		return runner;
	}

}
