package dev.lightspeed.stack.llamastack.library;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stand-in of a Python with Llama Stack 0.2.22 (test resource {@code fake-python},
 * see its README) and a run configuration for it in a directory of the test's: each start
 * of the server is recorded there, and the configuration's {@code fake} section says what
 * the server does.
 */
final class FakeLlamaStack {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Path directory;

	FakeLlamaStack(Path directory) {
		this.directory = directory;
	}

	/**
	 * The host's Python with the stand-in on its path, given as library mode takes it.
	 * @return the command
	 */
	static List<String> python() {
		try {
			Path packages = Path.of(FakeLlamaStack.class.getResource("fake-python").toURI());
			return List.of("env", "PYTHONPATH=" + packages, "python3");
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Writes the run configuration: a {@code server} section of its own (which library
	 * mode replaces) and the given {@code fake} settings.
	 * @param fake what the server does
	 * @return the file
	 */
	Path runConfiguration(Map<String, Object> fake) throws IOException {
		Map<String, Object> settings = new LinkedHashMap<>(fake);
		settings.put("record", startsFile().toString());
		return Files.writeString(this.directory.resolve("run.yaml"),
				json.writeValueAsString(Map.of("version", 2, "server",
						Map.of("host", "0.0.0.0", "port", 8321, "auth", Map.of("provider_config", Map.of())), "fake",
						settings)));
	}

	/**
	 * The starts of the server so far, each with its pid, port, configuration path and
	 * {@code server} section.
	 * @return them, oldest first
	 */
	List<JsonNode> starts() {
		return startsFile().toFile().exists() ? readStarts() : List.of();
	}

	private List<JsonNode> readStarts() {
		try {
			return Files.readAllLines(startsFile()).stream().map(json::readTree).toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Path startsFile() {
		return this.directory.resolve("starts.jsonl");
	}

}
