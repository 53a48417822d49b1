package dev.lightspeed.stack.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What the e2e harness ({@code e2e/run-tests.sh}) started: a real Llama Stack, the LLM
 * stand-in, a real MCP server, and the service jar to run against them. Public for the
 * {@code *E2E} tests of other packages, which test a feature's internals against the real
 * server.
 */
public final class E2eEnvironment {

	private E2eEnvironment() {
	}

	/**
	 * The real Llama Stack's base URL.
	 * @return the URL
	 */
	public static String llamaStackUrl() {
		return required("LLAMA_STACK_URL");
	}

	/**
	 * The MCP server's URL, to register in Llama Stack.
	 * @return the URL
	 */
	public static String mcpServerUrl() {
		return required("MCP_SERVER_URL");
	}

	static String mcpHeadersUrl() {
		return required("MCP_HEADERS_URL");
	}

	static Path jar() {
		return Path.of(required("LCS_E2E_JAR"));
	}

	/**
	 * The file of JVM options the service runs with everywhere else
	 * ({@code scripts/jvm-options}), Spring AOT's generated bean definitions among them.
	 * @return the file, for the launcher's {@code @file} argument
	 */
	static Path jvmOptions() {
		return Path.of(required("LCS_E2E_JVM_OPTIONS"));
	}

	static Path workDir() throws IOException {
		return Files.createTempDirectory(Path.of(required("LCS_E2E_STATE")), "lcs-");
	}

	static String tag() {
		return required("LCS_E2E_TAG");
	}

	/**
	 * Stops or starts Llama Stack through the harness.
	 * @param command {@code ls-stop} or {@code ls-start}
	 */
	static void stack(String command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(List.of("bash", required("LCS_E2E_STACK_SCRIPT"), command))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		if (!process.waitFor(Duration.ofMinutes(3).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
				|| process.exitValue() != 0) {
			throw new IllegalStateException("e2e/stack.sh " + command + " failed");
		}
	}

	/**
	 * The command with which the service runs the harness's Llama Stack for library mode:
	 * its Python inside the harness's root, with the environment that the harness gives
	 * its own server and a fresh data directory.
	 * @param name the data directory's name
	 * @return the command, word by word
	 */
	static List<String> libraryModePython(String name) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(List.of("bash", required("LCS_E2E_STACK_SCRIPT"), "library-python", name))
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		List<String> words = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
			.toList();
		if (process.waitFor() != 0 || words.isEmpty()) {
			throw new IllegalStateException("e2e/stack.sh library-python failed");
		}
		return words;
	}

	/**
	 * The run configuration the harness runs its Llama Stack with.
	 * @return the file in {@code e2e/llama-stack/<generation>/}
	 */
	static Path runConfiguration() {
		return Path.of(required("LCS_E2E_STACK_SCRIPT"))
			.resolveSibling("llama-stack")
			.resolve(required("LCS_E2E_LS_VERSION"))
			.resolve("run.yaml");
	}

	/**
	 * What the harness's Llama Stack says its version is.
	 * @return the version, e.g. {@code 0.2.22}
	 */
	static String llamaStackVersion() {
		return required("LLAMA_STACK_VERSION");
	}

	private static String required(String name) {
		String value = System.getenv(name);
		if (value == null || value.isEmpty()) {
			throw new IllegalStateException(name + " is not set: run the e2e suite with make test-e2e");
		}
		return value;
	}

}
