package dev.lightspeed.stack.mcp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.config.McpServerConfig;
import dev.lightspeed.stack.config.McpServersConfig;
import dev.lightspeed.stack.llamastack.TurnInput;
import dev.lightspeed.stack.support.TestConfigurations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which servers a turn offers and with which headers, for each way a credential comes:
 * the client's {@code MCP-HEADERS} in the RHDH 2.x form (bare token, or an empty header)
 * and the 0.2.0 form ({@code Bearer}), a secret file, the caller's own token
 * ({@code kubernetes}), forwarded request headers, and the 0.2.0 fallback to the caller's
 * token; and who gets a run-time server's caller credentials.
 */
class McpServersOfferTests {

	private static final String ALICE_TOKEN = "alice-k8s-token";

	private static final AuthenticatedUser ALICE = new AuthenticatedUser("alice", "alice", false, ALICE_TOKEN);

	private static final AuthenticatedUser BOB = new AuthenticatedUser("bob", "bob", false, "bob-k8s-token");

	private static final AuthenticatedUser ANONYMOUS = new AuthenticatedUser("anon", "anon", true, "");

	@TempDir
	Path directory;

	private Path secret;

	private final InMemoryMcpServerStore store = new InMemoryMcpServerStore();

	private McpServers servers;

	@BeforeEach
	void configure() throws IOException {
		this.secret = Files.writeString(this.directory.resolve("token"), "file-token\n");
		Files.writeString(this.directory.resolve("empty"), " \n");
		LightspeedConfiguration configuration = TestConfigurations.minimalWith("""
				authentication:
				  module: k8s
				mcp_servers:
				  - {name: plain, url: 'http://plain/mcp'}
				  - {name: rhdh, url: 'http://rhdh/mcp', authorization_headers: {Authorization: client}}
				  - {name: filed, url: 'http://filed/mcp', authorization_headers: {Authorization: '%s'}}
				  - {name: cluster, url: 'http://cluster/mcp', authorization_headers: {Authorization: kubernetes}}
				  - {name: identity, url: 'http://identity/mcp', headers: [x-rh-identity]}
				  - {name: empty-file, url: 'http://empty/mcp', authorization_headers: {X-Key: '%s'}}
				""".formatted(this.secret, this.directory.resolve("empty")));
		this.servers = new McpServers(new McpServersConfig(configuration.mcpServers()), this.store);
	}

	private McpServers.Offer offer(AuthenticatedUser user, Map<String, String> requestHeaders) {
		Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.putAll(requestHeaders);
		return this.servers.offer(user, headers::get, true);
	}

	private static List<String> names(McpServers.Offer offer) {
		return offer.servers().stream().map(TurnInput.McpServer::name).toList();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			RHDH 2.x bare token         | tok
			LCS 0.2.0 client            | Bearer tok
			""")
	void aClientTokenReachesItsServerAsTheClientSentIt(String form, String value) {
		McpServers.Offer offer = offer(ANONYMOUS,
				Map.of("MCP-HEADERS", "{\"rhdh\": {\"Authorization\": \"" + value + "\"}}"));
		assertThat(names(offer)).contains("rhdh");
		assertThat(offer.headers().get("http://rhdh/mcp")).isEqualTo(Map.of("Authorization", value));
	}

	@ParameterizedTest(name = "MCP-HEADERS ''{0}''")
	@ValueSource(strings = { "", "{}", "{\"rhdh\": {\"Authorization\": \"\"}}", "{not json", "[]", "null", "\"x\"" })
	void aServerTakingAClientTokenIsNotOfferedWithoutOne(String mcpHeaders) {
		McpServers.Offer offer = offer(ANONYMOUS, Map.of("MCP-HEADERS", mcpHeaders));
		assertThat(names(offer)).containsExactly("plain", "filed", "identity");
		assertThat(offer.headers()).containsOnlyKeys("http://filed/mcp");
	}

	@Test
	void aSecretFileGivesItsValueAndAnEmptyOneKeepsItsServerOut() {
		McpServers.Offer offer = offer(ANONYMOUS, Map.of());
		assertThat(offer.headers().get("http://filed/mcp")).isEqualTo(Map.of("Authorization", "file-token"));
		assertThat(names(offer)).doesNotContain("empty-file");
	}

	@Test
	void theClientsHeaderComesBeforeTheConfiguredOne() {
		McpServers.Offer offer = offer(ANONYMOUS,
				Map.of("MCP-HEADERS", "{\"filed\": {\"authorization\": \"client-token\"}}"));
		assertThat(offer.headers().get("http://filed/mcp")).isEqualTo(Map.of("authorization", "client-token"));
	}

	@Test
	void kubernetesGivesTheCallersOwnTokenAndNothingWithoutOne() {
		assertThat(offer(ALICE, Map.of()).headers().get("http://cluster/mcp"))
			.isEqualTo(Map.of("Authorization", "Bearer " + ALICE_TOKEN));
		assertThat(names(offer(ANONYMOUS, Map.of()))).doesNotContain("cluster");
	}

	@Test
	void allowListedRequestHeadersAreForwardedWhenPresent() {
		McpServers.Offer offer = offer(ANONYMOUS, Map.of("X-RH-Identity", "eyJpZGVudGl0eSI6e319", "Cookie", "c=1"));
		assertThat(offer.headers().get("http://identity/mcp"))
			.isEqualTo(Map.of("x-rh-identity", "eyJpZGVudGl0eSI6e319"));
		assertThat(offer.headers().values()).noneMatch((headers) -> headers.containsKey("Cookie"));
		assertThat(offer(ANONYMOUS, Map.of()).headers()).doesNotContainKey("http://identity/mcp");
	}

	@Test
	void withoutMcpHeadersTheCallersTokenGoesToConfiguredServersThatNameNoCredentials() {
		McpServers.Offer offer = offer(BOB, Map.of());
		assertThat(offer.headers().get("http://plain/mcp")).isEqualTo(Map.of("Authorization", "Bearer bob-k8s-token"));
		assertThat(offer.headers().get("http://filed/mcp")).isEqualTo(Map.of("Authorization", "file-token"));
		assertThat(this.servers.offer(BOB, (name) -> null, false).headers()).doesNotContainKey("http://plain/mcp");
		McpServers.Offer withHeaders = offer(BOB, Map.of("MCP-HEADERS", "{\"rhdh\": {\"Authorization\": \"t\"}}"));
		assertThat(withHeaders.headers()).doesNotContainKey("http://plain/mcp");
	}

	@Test
	void aRunTimeServerGetsCallerCredentialsOnlyInItsOwnersTurns() {
		register("alices", "http://alices/mcp", Map.of("Authorization", "kubernetes"), List.of());
		register("alices-gateway", "http://gateway/mcp", Map.of(), List.of("x-rh-identity"));
		Map<String, String> request = Map.of("x-rh-identity", "alice-identity");
		McpServers.Offer owners = offer(ALICE, request);
		assertThat(owners.headers().get("http://alices/mcp"))
			.isEqualTo(Map.of("Authorization", "Bearer " + ALICE_TOKEN));
		assertThat(owners.headers().get("http://gateway/mcp")).isEqualTo(Map.of("x-rh-identity", "alice-identity"));
		McpServers.Offer others = offer(BOB, Map.of("x-rh-identity", "bob-identity"));
		assertThat(names(others)).doesNotContain("alices").contains("alices-gateway");
		// nor does the 0.2.0 fallback send Bob's token to a server Alice chose
		assertThat(others.headers()).doesNotContainKey("http://gateway/mcp");
	}

	@Test
	void aRunTimeServerTakesClientTokensFromAnyone() {
		register("shared", "http://shared/mcp", Map.of("Authorization", "client"), List.of());
		McpServers.Offer offer = offer(BOB, Map.of("MCP-HEADERS", "{\"shared\": {\"Authorization\": \"bobs\"}}"));
		assertThat(names(offer)).endsWith("shared");
		assertThat(offer.headers().get("http://shared/mcp")).isEqualTo(Map.of("Authorization", "bobs"));
	}

	@Test
	void headersAreRekeyedByServerUrlAsInTheLcs020WorkedExample() {
		LightspeedConfiguration configuration = TestConfigurations.minimalWith("""
				mcp_servers:
				  - {name: filesystem-server, url: 'http://localhost:3000'}
				  - {name: git-server, url: 'https://git.example.com/mcp'}
				""");
		McpServers servers = new McpServers(new McpServersConfig(configuration.mcpServers()),
				new InMemoryMcpServerStore());
		String header = """
				{"filesystem-server":{"Authorization":"Bearer t1"},"git-server":{"Authorization":"Bearer t2"},
				"http://another-server-mcp-server:3000":{"Authorization":"Bearer t3"},
				"unknown-mcp-server":{"Authorization":"Bearer t4"}}""";
		assertThat(servers.offer(BOB, Map.of("MCP-HEADERS", header)::get, true).headers())
			.isEqualTo(Map.of("http://localhost:3000", Map.of("Authorization", "Bearer t1"),
					"https://git.example.com/mcp", Map.of("Authorization", "Bearer t2"),
					"http://another-server-mcp-server:3000", Map.of("Authorization", "Bearer t3")));
	}

	private void register(String name, String url, Map<String, String> authorization, List<String> forwarded) {
		this.store.insert(new RegisteredMcpServer(new McpServerConfig(name, null, url, authorization, forwarded, null),
				"alice", OffsetDateTime.parse("2026-12-01T10:00:00Z")));
	}

}
