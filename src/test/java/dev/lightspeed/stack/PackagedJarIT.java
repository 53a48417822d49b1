package dev.lightspeed.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.lightspeed.stack.support.PackagedJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The executable jar as operators start it ({@code java -jar ... -c <config>}), with
 * {@code LIGHTSPEED_LOG_FORMAT=json}: everything it prints up to "Started" is one JSON
 * object per line, including while sqlite-jdbc loads its native library, which without
 * the jar's {@code Enable-Native-Access} manifest attribute prints plain-text JVM
 * warnings.
 */
class PackagedJarIT {

	private static final long START_TIMEOUT_SECONDS = 120;

	@TempDir
	Path directory;

	@Test
	void jsonLogFormatPrintsOnlyJsonObjectsWithLevelAndMessage() throws Exception {
		List<String> lines = startUntilStarted(Map.of("LIGHTSPEED_LOG_FORMAT", "json"));
		JsonMapper json = JsonMapper.builder().build();
		for (String line : lines) {
			assertThat(line).doesNotContain("restricted method");
			JsonNode event = json.readTree(line);
			assertThat(event.isObject()).as(line).isTrue();
			assertThat(event.path("log").path("level").asString()).as(line).isNotEmpty();
			assertThat(event.path("message").isString()).as(line).isTrue();
		}
		assertThat(lines).anySatisfy((line) -> assertThat(json.readTree(line).path("message").asString())
			.startsWith("Started LightspeedStackApplication"));
	}

	private List<String> startUntilStarted(Map<String, String> environment) throws Exception {
		Path config = PackagedJar.writeConfiguration(this.directory, "packaged", "user_data_collection: {}\n");
		ProcessBuilder builder = PackagedJar.command(config).redirectErrorStream(true);
		builder.environment().putAll(environment);
		Process process = builder.start();
		List<String> lines = new CopyOnWriteArrayList<>();
		CompletableFuture<Void> started = CompletableFuture.runAsync(() -> readUntilStarted(process, lines));
		try {
			started.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		finally {
			process.destroy();
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		return lines;
	}

	private static void readUntilStarted(Process process, List<String> lines) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				lines.add(line);
				if (line.contains("Started LightspeedStackApplication")) {
					return;
				}
			}
			throw new AssertionError("the jar stopped before it started:\n" + String.join("\n", lines));
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

}
