package dev.lightspeed.stack.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.ssl.pem.PemSslStore;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file in {@code examples/} and LCS 0.2.0's test configuration load (Maven runs
 * tests in the project directory, where the examples' relative paths resolve).
 */
class ExamplesTests {

	private static final Path EXAMPLES = Path.of("examples");

	// What the examples say must come from the environment.
	private static final Map<String, String> ENVIRONMENT = Map.of("POSTGRES_PASSWORD", "pg-secret",
			"INGRESS_SERVER_AUTH_TOKEN", "ingress-secret");

	static Stream<Path> examples() throws IOException {
		try (Stream<Path> files = Files.list(EXAMPLES)) {
			return files.filter((file) -> file.toString().endsWith(".yaml")).sorted().toList().stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void exampleShouldLoad(Path example) {
		assertThat(load(example).name()).isEqualTo("Lightspeed Core Service (LCS)");
	}

	@Test
	void examplesShouldCoverTheDocumentedSetups() throws IOException {
		assertThat(examples().map((file) -> file.getFileName().toString())).contains(
				"lightspeed-stack-lls-external.yaml", "lightspeed-stack-lls-library.yaml",
				"lightspeed-stack-postgres.yaml", "lightspeed-stack-k8s-auth.yaml", "lightspeed-stack-jwk-token.yaml",
				"lightspeed-stack-mcp-customization.yaml", "lightspeed-stack-tls.yaml",
				"lightspeed-stack-data-collector.yaml");
	}

	@Test
	void libraryModeExampleShouldRunTheRunConfigurationItNames() {
		LlamaStackConfig llamaStack = load(EXAMPLES.resolve("lightspeed-stack-lls-library.yaml")).llamaStack();
		assertThat(llamaStack.libraryMode()).isTrue();
		assertThat(Path.of(llamaStack.libraryClientConfigPath())).isRegularFile();
	}

	@Test
	void lcsTestConfigurationShouldLoad() {
		LightspeedConfiguration configuration = load(Path.of("src/test/resources/configuration/lightspeed-stack.yaml"));
		assertThat(configuration.name()).isEqualTo("foo bar baz");
		assertThat(configuration.service().cors().allowMethods()).containsExactly("foo_method", "bar_method",
				"baz_method");
		assertThat(configuration.mcpServers()).extracting(McpServerConfig::providerId)
			.containsExactly("provider1", "provider2", "provider3");
	}

	@Test
	void repositoryConfigurationShouldLoad() {
		LightspeedConfiguration configuration = load(Path.of("lightspeed-stack.yaml"));
		assertThat(configuration.llamaStack().url()).isEqualTo("http://localhost:8321");
		assertThat(configuration.service().port()).isEqualTo(8080);
		// the local stack's MCP server only when make run started that stack
		assertThat(configuration.mcpServers()).isEmpty();
	}

	@Test
	void repositoryConfigurationShouldRegisterTheLocalStacksMcpServerWhenMakeRunStartedIt() {
		Map<String, String> environment = Map.of("DEV_MCP_PROVIDER", "model-context-protocol", "DEV_MCP_SERVER_URL",
				"http://127.0.0.1:40123/mcp", "LCS_PORT", "8081");
		LightspeedConfiguration configuration = new ConfigurationLoader(environment::get)
			.load(Path.of("lightspeed-stack.yaml"));
		assertThat(configuration.mcpServers()).singleElement()
			.isEqualTo(new McpServerConfig("dev-tools", "model-context-protocol", "http://127.0.0.1:40123/mcp"));
		assertThat(configuration.service().port()).isEqualTo(8081);
	}

	@Test
	void secretsFromTheEnvironmentShouldReachTheConfiguration() {
		assertThat(load(EXAMPLES.resolve("lightspeed-stack-postgres.yaml")).database().postgres().password())
			.isEqualTo("pg-secret");
		assertThat(load(EXAMPLES.resolve("lightspeed-stack-data-collector.yaml")).userDataCollection()
			.dataCollector()
			.ingressServerAuthToken()).isEqualTo("ingress-secret");
	}

	@Test
	void mcpExampleShouldReadTheSystemPromptFile() {
		CustomizationConfig customization = load(EXAMPLES.resolve("lightspeed-stack-mcp-customization.yaml"))
			.customization();
		assertThat(customization.systemPrompt()).startsWith("You are a helpful assistant for the XYZZY product.")
			.endsWith("only help with XYZZY.");
	}

	@Test
	void tlsExampleKeyShouldOpenWithThePasswordReadFromTheFile() {
		ServiceConfig.TlsConfig tls = load(EXAMPLES.resolve("lightspeed-stack-tls.yaml")).service().tlsConfig();
		assertThat(tls.enabled()).isTrue();
		assertThat(tls.readKeyPassword()).isEqualTo("changeit");
		PemSslStoreDetails details = PemSslStoreDetails.forCertificate("file:" + tls.tlsCertificatePath())
			.withPrivateKey("file:" + tls.tlsKeyPath())
			.withPrivateKeyPassword(tls.readKeyPassword());
		assertThat(PemSslStore.load(details).privateKey()).isNotNull();
	}

	private static LightspeedConfiguration load(Path file) {
		return new ConfigurationLoader(ENVIRONMENT::get).load(file);
	}

}
