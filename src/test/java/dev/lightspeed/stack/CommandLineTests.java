package dev.lightspeed.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line of {@code lightspeed_stack.py}, run with captured output streams and a
 * temporary working directory.
 */
class CommandLineTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@TempDir
	Path directory;

	private String closedPortUrl;

	@BeforeEach
	void findClosedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			this.closedPortUrl = "http://127.0.0.1:" + socket.getLocalPort();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "-h", "--help", "--he" })
	void helpShouldPrintUsageAndExitZero(String flag) {
		assertThat(run(flag)).isZero();
		assertThat(stdout()).startsWith("usage: lightspeed-stack [-h] [-v] [-d] [-c CONFIG_FILE] [api-keys ...]\n")
			.contains("-d, --dump-configuration", "-c, --config CONFIG_FILE",
					"path to configuration file (default: lightspeed-stack.yaml)");
		assertThat(stderr()).isEmpty();
	}

	@Test
	void unknownFlagShouldPrintUsageErrorAndExitTwo() {
		assertThat(run("--foo")).isEqualTo(2);
		assertThat(stderr()).isEqualTo("usage: lightspeed-stack [-h] [-v] [-d] [-c CONFIG_FILE] [api-keys ...]\n"
				+ "lightspeed-stack: error: unrecognized arguments: --foo\n");
		assertThat(stdout()).isEmpty();
	}

	@Test
	void positionalArgumentShouldBeRejected() {
		assertThat(run("-d", "extra.yaml")).isEqualTo(2);
		assertThat(stderr()).endsWith("lightspeed-stack: error: unrecognized arguments: extra.yaml\n");
	}

	@Test
	void configFlagWithoutValueShouldBeRejected() {
		assertThat(run("-c")).isEqualTo(2);
		assertThat(stderr()).endsWith("lightspeed-stack: error: argument -c/--config: expected one argument\n");
	}

	@Test
	void dumpShouldWriteConfigurationJsonWithoutContactingLlamaStack() throws IOException {
		writeConfig("lightspeed-stack.yaml", "llama_stack: {url: '" + this.closedPortUrl + "', api_key: sk-1}\n");
		assertThat(run("-d")).isZero();
		JsonNode dump = JsonMapper.builder().build().readTree(Files.readString(dumpFile()));
		assertThat(dump.at("/llama_stack/url").asString()).isEqualTo(this.closedPortUrl);
		assertThat(dump.at("/llama_stack/api_key").asString()).isEqualTo("**********");
		assertThat(Files.readString(dumpFile())).startsWith("{\n    \"name\": \"cli\",\n    \"service\": {\n");
		assertThat(stderr()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "-d -c custom.yaml", "-dc custom.yaml", "-dccustom.yaml", "--config=custom.yaml -d",
			"--dump-configuration --config custom.yaml", "--dump --conf custom.yaml", "-v -d -c custom.yaml",
			"-vdc custom.yaml" })
	void flagsShouldBeParsedAsArgparseDoes(String args) throws IOException {
		writeConfig("custom.yaml", "llama_stack: {url: '" + this.closedPortUrl + "'}\n");
		assertThat(run(args.split(" "))).isZero();
		assertThat(dumpFile()).exists();
	}

	@Test
	void missingConfigurationFileShouldExitOneWithOneLine() {
		assertThat(run("-d")).isEqualTo(1);
		assertThat(stderr()).isEqualTo("lightspeed-stack: invalid configuration lightspeed-stack.yaml: configuration "
				+ "file '" + this.directory.resolve("lightspeed-stack.yaml") + "' does not exist\n");
		assertThat(dumpFile()).doesNotExist();
	}

	@Test
	void invalidConfigurationShouldExitOneWithOneLineNamingKeyAndRule() throws IOException {
		writeConfig("bad.yaml", "service: {port: 0}\nllama_stack: {url: '" + this.closedPortUrl + "'}\n");
		assertThat(run("-c", "bad.yaml")).isEqualTo(1);
		assertThat(stderr()).isEqualTo(
				"lightspeed-stack: invalid configuration bad.yaml: service.port: Input should be greater than 0\n");
		assertThat(stdout()).isEmpty();
	}

	@Test
	void missingEnvironmentVariableShouldExitOneWithUpstreamText() throws IOException {
		writeConfig("env.yaml", "llama_stack: {url: '${env.LCS_TEST_SURELY_UNSET_VARIABLE}'}\n");
		assertThat(run("-d", "-c", "env.yaml")).isEqualTo(1);
		assertThat(stderr()).hasLineCount(1)
			.contains("Environment variable 'LCS_TEST_SURELY_UNSET_VARIABLE' not set or empty at llama_stack.url.")
			.doesNotContain("Exception", "\tat ");
	}

	@Test
	void libraryModeWithoutItsRunConfigurationShouldExitOneWithClearMessage() throws IOException {
		writeConfig("library.yaml", "llama_stack: {use_as_library_client: true, library_client_config_path: r}\n");
		assertThat(run("-c", "library.yaml")).isEqualTo(1);
		assertThat(stderr()).hasLineCount(1)
			.contains("llama_stack.library_client_config_path: Llama Stack configuration file 'r' is not a file");
	}

	@Test
	void unwritableDumpShouldExitOne() throws IOException {
		writeConfig("lightspeed-stack.yaml", "llama_stack: {url: '" + this.closedPortUrl + "'}\n");
		Files.createDirectory(dumpFile());
		assertThat(run("-d")).isEqualTo(1);
		assertThat(stderr()).hasLineCount(1).startsWith("lightspeed-stack: cannot write ");
	}

	private int run(String... args) {
		PrintStream stdout = new PrintStream(this.out, true, StandardCharsets.UTF_8);
		PrintStream stderr = new PrintStream(this.err, true, StandardCharsets.UTF_8);
		return new CommandLine(stdout, stderr, this.directory).run(args);
	}

	private void writeConfig(String name, String sections) throws IOException {
		String service = sections.contains("service:") ? "" : "service: {}\n";
		Files.writeString(this.directory.resolve(name),
				"name: cli\n" + service + "user_data_collection: {}\n" + sections);
	}

	private Path dumpFile() {
		return this.directory.resolve("configuration.json");
	}

	private String stdout() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String stderr() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

}
