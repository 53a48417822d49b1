package dev.lightspeed.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lightspeed-stack [-c FILE] api-keys ...} against the configuration's SQLite
 * database, without starting the service.
 */
class ApiKeysCommandLineTests {

	private ByteArrayOutputStream out = new ByteArrayOutputStream();

	private ByteArrayOutputStream err = new ByteArrayOutputStream();

	@TempDir
	Path directory;

	@BeforeEach
	void writeConfiguration() throws IOException {
		Files.writeString(this.directory.resolve("lightspeed-stack.yaml"), """
				name: cli
				service: {}
				llama_stack: {url: 'http://127.0.0.1:9'}
				user_data_collection: {}
				database: {sqlite: {db_path: '%s'}}
				authentication: {module: api-key-token, api_key_config: {}}
				""".formatted(this.directory.resolve("keys.db")));
	}

	// the command sends the log to standard error; the next tests get Logback's defaults
	@AfterEach
	void restoreLogging() throws Exception {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		context.reset();
		new ContextInitializer(context).autoConfig();
	}

	@Test
	void createListRotateAndRevokeShouldAnswerJsonAndAuditEachAction() {
		assertThat(run("api-keys", "create", "--user-id", "alice", "--role", "reader", "--role=writer", "--token-quota",
				"5000", "--quota-period", "1 day", "--requests-per-minute", "10"))
			.isZero();
		JsonNode issued = json();
		String key = issued.at("/api_key").asString();
		String id = issued.at("/key/id").asString();
		assertThat(key).startsWith("lsk_");
		assertThat(issued.at("/key/roles").toString()).isEqualTo("[\"reader\",\"writer\"]");
		assertThat(issued.at("/key/token_quota").asLong()).isEqualTo(5000);
		assertThat(stderr())
			.contains("Admin action by command line (" + System.getProperty("user.name") + ")",
					"issued API key " + id + " for user alice")
			.doesNotContain(key);

		assertThat(run("api-keys", "list")).isZero();
		assertThat(json().at("/api_keys/0/id").asString()).isEqualTo(id);
		assertThat(stdout()).doesNotContain(key);

		assertThat(run("api-keys", "rotate", id)).isZero();
		assertThat(json().at("/api_key").asString()).startsWith("lsk_").isNotEqualTo(key);

		assertThat(run("api-keys", "revoke", id)).isZero();
		assertThat(json().at("/status").asString()).isEqualTo("revoked");
	}

	@Test
	void wrongArgumentsShouldPrintUsageAndExitTwo() {
		assertThat(run("api-keys", "create", "--role", "reader")).isEqualTo(2);
		assertThat(stderr()).contains("usage: lightspeed-stack [-c CONFIG_FILE] api-keys COMMAND",
				"lightspeed-stack: error: --user-id is required");
		assertThat(run("api-keys", "create", "--user-id", "a", "--token-quota", "lots")).isEqualTo(2);
		assertThat(stderr()).contains("--token-quota must be a whole number");
		assertThat(run("api-keys", "create", "--user-id", "a", "--roles", "x")).isEqualTo(2);
		assertThat(run("api-keys", "frobnicate")).isEqualTo(2);
		assertThat(stderr()).contains("unknown command 'frobnicate'");
		assertThat(stdout()).isEmpty();
	}

	@Test
	void anUnknownKeyShouldExitOne() {
		assertThat(run("api-keys", "revoke", "0123456789abcdef")).isEqualTo(1);
		assertThat(stderr()).endsWith("lightspeed-stack: API key not found: API key 0123456789abcdef does not exist\n");
	}

	@Test
	void helpShouldListTheCommands() {
		assertThat(run("api-keys", "-h")).isZero();
		assertThat(stdout()).contains("create --user-id ID", "rotate KEY_ID", "revoke KEY_ID");
	}

	private int run(String... args) {
		this.out = new ByteArrayOutputStream();
		this.err = new ByteArrayOutputStream();
		PrintStream stdout = new PrintStream(this.out, true, StandardCharsets.UTF_8);
		PrintStream stderr = new PrintStream(this.err, true, StandardCharsets.UTF_8);
		return new CommandLine(stdout, stderr, this.directory).run(args);
	}

	private JsonNode json() {
		return JsonMapper.shared().readTree(stdout());
	}

	private String stdout() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String stderr() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

}
