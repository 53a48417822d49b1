package dev.lightspeed.stack.llamastack.library;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.lightspeed.stack.LightspeedStackApplication;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.support.ApplicationClient;
import dev.lightspeed.stack.support.TestConfigurations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;
import static org.awaitility.Awaitility.await;

/**
 * The whole application in library mode, with the stand-in of a Python with Llama Stack
 * 0.2.22: it starts the server from the run configuration, becomes ready once the server
 * answers, starts it again after it was killed, and stops it when the application stops.
 */
@ExtendWith(OutputCaptureExtension.class)
class LibraryModeIT {

	@TempDir
	Path directory;

	@Test
	void serverShouldBeStartedRestartedAfterAKillAndStoppedWithTheApplication(CapturedOutput output) throws Exception {
		FakeLlamaStack fake = new FakeLlamaStack(this.directory);
		Path run = fake.runConfiguration(Map.of());
		long firstPid;
		long secondPid;
		try (ConfigurableApplicationContext context = start(run, FakeLlamaStack.python())) {
			ApplicationClient app = ApplicationClient.http(port(context));
			await().atMost(Duration.ofSeconds(30)).until(() -> app.send("GET", "/readiness").statusCode() == 200);
			JsonNode info = json(app.send("GET", "/v1/info"));
			assertThat(info.path("llama_stack_version").asString()).isEqualTo("0.2.22");
			assertThat(fake.starts()).singleElement()
				.satisfies((start) -> assertThat(start.path("server").path("host").asString()).isEqualTo("127.0.0.1"));
			firstPid = fake.starts().get(0).path("pid").asLong();

			ProcessHandle.of(firstPid).orElseThrow().destroyForcibly();
			await().atMost(Duration.ofSeconds(30)).until(() -> fake.starts().size() == 2);
			await().atMost(Duration.ofSeconds(30)).until(() -> app.send("GET", "/readiness").statusCode() == 200);
			secondPid = fake.starts().get(1).path("pid").asLong();
			assertThat(fake.starts().get(1).path("port").asInt()).as("the same port: the client keeps its address")
				.isEqualTo(fake.starts().get(0).path("port").asInt());
			assertThat(output).contains("Llama Stack 0.2.22 (pid " + firstPid + ") exited with status 137 after ")
				.contains("; starting it again in 1.0 s")
				.contains("Llama Stack 0.2.22 (pid " + secondPid + ") answers on http://127.0.0.1:");
			assertThat(json(app.send("GET", "/readiness")).path("ready").asBoolean()).isTrue();
		}
		assertThat(output).contains("Stopping Llama Stack 0.2.22 (pid " + secondPid + ")");
		assertThat(ProcessHandle.of(secondPid).map(ProcessHandle::isAlive)).isIn(Optional.empty(), Optional.of(false));
	}

	@Test
	void pythonWithoutLlamaStackShouldStopTheStartUpWithOneClearLine(CapturedOutput output) throws Exception {
		Path run = new FakeLlamaStack(this.directory).runConfiguration(Map.of());
		assertThatRuntimeException().isThrownBy(() -> start(run, List.of("python3", "-I", "-S")).close());
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Library mode found no Llama Stack for 'python3 -I -S' (exit status 3): neither ogx nor "
					+ "llama-stack is installed for ")
			.contains("Set lightspeed.llama-stack.library.python to a Python that has Llama Stack or OGX installed")
			.doesNotContain("\tat ");
	}

	private ConfigurableApplicationContext start(Path run, List<String> python) {
		LightspeedConfiguration configuration = TestConfigurations.yaml("""
				name: library-mode
				service: {}
				llama_stack: {use_as_library_client: true, library_client_config_path: '%s'}
				user_data_collection: {}
				database: {sqlite: {db_path: '%s/lightspeed.db'}}
				""".formatted(run, this.directory));
		List<String> properties = new ArrayList<>(List.of("server.port=0"));
		for (int i = 0; i < python.size(); i++) {
			properties.add("lightspeed.llama-stack.library.python[" + i + "]=" + python.get(i));
		}
		return new SpringApplicationBuilder(LightspeedStackApplication.class)
			.properties(properties.toArray(String[]::new))
			.initializers(
					(context) -> context.getBeanFactory().registerSingleton("lightspeedConfiguration", configuration))
			.run();
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JsonMapper.builder().build().readTree(response.body());
	}

}
