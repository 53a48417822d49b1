package dev.lightspeed.stack.llamastack;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.lightspeed.stack.config.McpServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The start-up handshake: version check, backend choice, MCP registration, and waiting
 * for a Llama Stack that is not there yet.
 */
class LlamaStackConnectorTests {

	@RegisterExtension
	static WireMockExtension llamaStack = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private final CompletableFuture<Integer> exitStatus = new CompletableFuture<>();

	private LlamaStackConnector connector;

	private LlamaStackConnector connector(List<McpServerConfig> mcpServers) {
		return connector(llamaStack.baseUrl(), mcpServers);
	}

	private LlamaStackConnector connector(String url, List<McpServerConfig> mcpServers) {
		LlamaStackHttp http = TestClients.http(url, null);
		BackendRegistry registry = LlamaStackConfiguration.registry(http, Duration.ZERO);
		this.connector = new LlamaStackConnector(http, registry, mcpServers, url, false, Duration.ofMillis(50),
				Duration.ofMillis(200), this.exitStatus::complete);
		return this.connector;
	}

	@AfterEach
	void stop() {
		if (this.connector != null) {
			this.connector.destroy();
		}
	}

	private static void version(String version) {
		llamaStack.stubFor(get("/v1/version").willReturn(okJson("{\"version\": \"" + version + "\"}")));
	}

	@Test
	void supportedVersionShouldConnectAndRegisterTheMcpServers() {
		version("0.2.22");
		llamaStack.stubFor(get("/v1/toolgroups").willReturn(okJson("{\"data\": []}")));
		llamaStack.stubFor(post("/v1/toolgroups").willReturn(okJson("{}")));
		LlamaStackConnector connector = connector(List.of(new McpServerConfig("mcp", null, "http://mcp:8080/mcp")));

		connector.afterSingletonsInstantiated();

		assertThat(connector.connected()).isTrue();
		assertThat(connector.version()).contains("0.2.22");
		assertThat(connector.backend()).isInstanceOf(AgentsApiBackend.class);
		llamaStack.verify(1, postRequestedFor(urlEqualTo("/v1/toolgroups")));
	}

	@Test
	void withoutMcpServersNoToolgroupsShouldBeListed() {
		version("0.2.17");
		LlamaStackConnector connector = connector(List.of());

		connector.afterSingletonsInstantiated();

		assertThat(connector.connected()).isTrue();
		llamaStack.verify(0, getRequestedFor(urlEqualTo("/v1/toolgroups")));
	}

	@Test
	void olderVersionShouldStopTheStartBeforeRegisteringAnything() {
		version("0.2.16");
		LlamaStackConnector connector = connector(List.of(new McpServerConfig("mcp", null, "http://mcp/mcp")));

		assertThatExceptionOfType(LlamaStackStartupException.class).isThrownBy(connector::afterSingletonsInstantiated)
			.withMessage("Llama Stack version >= 0.2.17 is required, but 0.2.16 is used");
		assertThat(connector.connected()).isFalse();
		llamaStack.verify(0, getRequestedFor(urlEqualTo("/v1/toolgroups")));
	}

	@Test
	void newerVersionShouldStopTheStart() {
		version("2.0.0");

		assertThatExceptionOfType(LlamaStackStartupException.class)
			.isThrownBy(connector(List.of())::afterSingletonsInstantiated)
			.withMessage("Llama Stack version < 2.0.0 is required, but 2.0.0 is used");
	}

	@Test
	void nonSemanticVersionShouldStopTheStart() {
		version("0.2.22rc1");

		assertThatExceptionOfType(LlamaStackStartupException.class)
			.isThrownBy(connector(List.of())::afterSingletonsInstantiated)
			.withMessageStartingWith("Llama Stack version 0.2.22rc1 is not a semantic version");
	}

	@Test
	void refusedVersionCallShouldStopTheStart() {
		llamaStack.stubFor(get("/v1/version")
			.willReturn(aResponse().withStatus(401).withBody("{\"error\":{\"message\":\"Invalid token\"}}")));

		assertThatExceptionOfType(LlamaStackStartupException.class)
			.isThrownBy(connector(List.of())::afterSingletonsInstantiated)
			.withMessage("Llama Stack at " + llamaStack.baseUrl()
					+ " refused GET /v1/version: Error code: 401 - Invalid token");
	}

	@Test
	void refusedMcpRegistrationShouldStopTheStart() {
		version("0.2.22");
		llamaStack.stubFor(get("/v1/toolgroups").willReturn(okJson("{\"data\": []}")));
		llamaStack.stubFor(post("/v1/toolgroups").willReturn(
				aResponse().withStatus(400).withBody("{\"detail\":\"Invalid value: Provider nope not found\"}")));

		assertThatExceptionOfType(LlamaStackStartupException.class)
			.isThrownBy(
					connector(List.of(new McpServerConfig("m", "nope", "http://m/mcp")))::afterSingletonsInstantiated)
			.withMessage("Registering the MCP servers in Llama Stack failed: Error code: 400 - Invalid value: "
					+ "Provider nope not found");
	}

	@Test
	void unreachableLlamaStackShouldBeRetriedInTheBackgroundUntilItAnswers() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		LlamaStackConnector connector = connector("http://localhost:" + port,
				List.of(new McpServerConfig("mcp", null, "http://mcp/mcp")));

		connector.afterSingletonsInstantiated();

		assertThat(connector.connected()).isFalse();
		assertThat(connector.version()).isEmpty();
		assertThatExceptionOfType(LlamaStackUnavailableException.class).isThrownBy(connector::backend)
			.withMessage("Unable to connect to Llama Stack: Connection error.");
		WireMockServer late = new WireMockServer(wireMockConfig().port(port));
		late.start();
		try {
			late.stubFor(get("/v1/version").willReturn(okJson("{\"version\": \"0.2.22\"}")));
			late.stubFor(get("/v1/toolgroups").willReturn(okJson("{\"data\": []}")));
			late.stubFor(post("/v1/toolgroups").willReturn(okJson("{}")));
			awaitConnected(connector);
			assertThat(connector.version()).contains("0.2.22");
			late.verify(1, postRequestedFor(urlEqualTo("/v1/toolgroups")));
			assertThat(this.exitStatus).isNotDone();
		}
		finally {
			late.stop();
		}
	}

	@Test
	void serverErrorsShouldBeRetriedLikeConnectionFailures() throws Exception {
		llamaStack.stubFor(get("/v1/version").inScenario("proxy")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503).withBody("upstream connect error"))
			.willSetStateTo("up"));
		llamaStack.stubFor(get("/v1/version").inScenario("proxy")
			.whenScenarioStateIs("up")
			.willReturn(okJson("{\"version\": \"0.2.22\"}")));
		LlamaStackConnector connector = connector(List.of());

		connector.afterSingletonsInstantiated();

		assertThat(connector.connected()).isFalse();
		awaitConnected(connector);
		llamaStack.verify(2, getRequestedFor(urlEqualTo("/v1/version")));
	}

	@Test
	void unsupportedVersionFoundInTheBackgroundShouldExitWithStatusOne() throws Exception {
		llamaStack.stubFor(get("/v1/version").inScenario("late")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(502))
			.willSetStateTo("up"));
		llamaStack.stubFor(get("/v1/version").inScenario("late")
			.whenScenarioStateIs("up")
			.willReturn(okJson("{\"version\": \"2.0.0\"}")));
		LlamaStackConnector connector = connector(List.of());

		connector.afterSingletonsInstantiated();

		assertThat(this.exitStatus.get(5, TimeUnit.SECONDS)).isEqualTo(1);
		assertThat(connector.connected()).isFalse();
	}

	@Test
	void destroyShouldStopRetrying() throws Exception {
		llamaStack.stubFor(get("/v1/version").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		LlamaStackConnector connector = connector(List.of());
		connector.afterSingletonsInstantiated();
		Thread.sleep(150);

		connector.destroy();
		Thread.sleep(100);
		int attempts = llamaStack.findAll(getRequestedFor(urlEqualTo("/v1/version"))).size();
		Thread.sleep(500);

		assertThat(llamaStack.findAll(getRequestedFor(urlEqualTo("/v1/version")))).hasSize(attempts);
	}

	private static void awaitConnected(LlamaStackConnector connector) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (!connector.connected() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(connector.connected()).isTrue();
	}

}
