package dev.lightspeed.stack.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.lightspeed.stack.auth.KubernetesStubs;
import dev.lightspeed.stack.auth.TestKeys;
import dev.lightspeed.stack.support.FakeLlamaStack;
import dev.lightspeed.stack.support.RawHttp;
import dev.lightspeed.stack.support.ReliabilityReport;
import dev.lightspeed.stack.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-input table against the packaged jar: sizes, depth, encodings, traversal in
 * every id and header, CR/LF in headers and in {@code MCP-HEADERS}, each sent as raw
 * bytes. Every answer has its expected status (never a 5xx) and, for errors, a JSON body;
 * afterwards nothing was written outside the data directories, on disk.
 */
class HostileInputReliability {

	private static final String CONVERSATION = "12345678-abcd-0000-0123-456789abcdef";

	private static final String RH_IDENTITY = """
			authentication:
			  module: rh-identity
			  rh_identity_config:
			    required_entitlements: []
			""";

	private static final String JWK_TOKEN = """
			authentication:
			  module: jwk-token
			  jwk_config:
			    url: %s/jwks
			    jwt_configuration:
			      user_id_claim: user_id
			      username_claim: username
			""";

	private static final String K8S = """
			authentication:
			  module: k8s
			  k8s_cluster_api: %s
			""";

	private static final ReliabilityReport report = new ReliabilityReport("hostile-input", "Input", "Request", "Status",
			"Expected");

	@TempDir
	Path directory;

	@Test
	void everyHostileInputHasItsAnswerAndNothingLandsOutsideTheDataDirectories() throws Exception {
		Path data = this.directory.resolve("data");
		exchange(ServiceProcess.userData(data), cases());
		// ids that come in a header the module believes (behind a gateway): the same
		// rules, the same confinement
		exchange(ServiceProcess.userData(data) + RH_IDENTITY, identityCases());
		// ids from the claims of a token the jwk-token module verifies with the key set
		// served here, and from what a Kubernetes API server says of a token
		WireMockServer issuer = new WireMockServer(options().dynamicPort());
		issuer.start();
		try {
			issuer.stubFor(get("/jwks").willReturn(okJson(TestKeys.jwkSet())));
			exchange(ServiceProcess.userData(data) + JWK_TOKEN.formatted(issuer.baseUrl()), tokenCases());
			KubernetesStubs.tokenReview(issuer, "traversal-name", "../../escape", "u-1");
			KubernetesStubs.tokenReview(issuer, "traversal-uid", "bob", "../../escape");
			KubernetesStubs.accessReview(issuer, "../../escape", true);
			KubernetesStubs.accessReview(issuer, "bob", true);
			exchange(ServiceProcess.userData(data) + K8S.formatted(issuer.baseUrl()), kubernetesCases());
		}
		finally {
			issuer.stop();
		}
		assertThat(writtenOutsideData()).isEmpty();
		try (Stream<Path> files = Files.walk(data)) {
			assertThat(files.map(Path::toString)).noneMatch((name) -> name.contains("..") || name.contains("escape"));
		}
	}

	// one service at a time in the directory: its configuration and database are
	// rewritten
	private void exchange(String sections, List<Case> cases) throws Exception {
		try (FakeLlamaStack llamaStack = FakeLlamaStack.start(0, FakeLlamaStack.Framing.CHUNKED, 3, 0);
				ServiceProcess service = ServiceProcess.start(this.directory, llamaStack.baseUrl(), sections)) {
			int port = Integer.parseInt(service.url("").replaceAll(".*:", ""));
			for (Case c : cases) {
				RawHttp.Response response = RawHttp.exchange(port, c.request());
				report.row(c.name(), c.summary(), response.status(), c.expected());
				assertThat(response.status()).as(c.name() + ": " + response.body()).isEqualTo(c.expected());
				if (response.status() >= 400) {
					assertThat(response.json()).as(c.name() + " answers JSON: " + response.headers()).isTrue();
				}
			}
		}
	}

	private static List<Case> identityCases() {
		String query = "{\"query\": \"hi\"}";
		return List.of(new Case("x-rh-identity user_id ../../escape", identified("../../escape", "o1"), 200),
				new Case("x-rh-identity user_id /../../escape/..", identified("/../../escape/..", "o1"), 200),
				new Case("x-rh-identity user_id with NUL", identified("a\u0000b", "o1"), 400),
				new Case("x-rh-identity user_id of 300 characters", identified("u".repeat(300), "o1"), 400),
				new Case("x-rh-identity org_id ../../escape", identified("alice", "../../escape"), 200),
				new Case("x-rh-identity not base64", post("/v1/query", "x-rh-identity: %%%\r\n", query), 400),
				new Case("x-rh-identity with CR LF inside its JSON",
						identifiedBy("{\"identity\": {\"type\": \"User\", \"org_id\": \"o1\", \"user\": "
								+ "{\"user_id\": \"a\\r\\nX-Injected: y\", \"username\": \"x\"}}}"),
						400));
	}

	private static List<Case> tokenCases() {
		return List.of(new Case("JWT user_id ../../escape", bearer(Map.of("user_id", "../../escape")), 200),
				new Case("JWT user_id /../../escape/..", bearer(Map.of("user_id", "/../../escape/..")), 200),
				new Case("JWT user_id with NUL", bearer(Map.of("user_id", "a\u0000b")), 400),
				new Case("JWT user_id with CR LF", bearer(Map.of("user_id", "a\r\nX-Injected: y")), 400),
				new Case("JWT user_id of 300 characters", bearer(Map.of("user_id", "u".repeat(300))), 400),
				new Case("JWT user_id an object", bearer(Map.of("user_id", Map.of("a", "../../escape"))), 401),
				new Case("JWT user_id an array", bearer(Map.of("user_id", List.of("../../escape"))), 401),
				new Case("JWT user_id a number", bearer(Map.of("user_id", 42)), 401),
				new Case("JWT username ../../escape", bearer(Map.of("username", "../../escape")), 200),
				new Case("JWT username with CR LF", bearer(Map.of("username", "a\r\nX-Injected: y")), 200));
	}

	private static byte[] bearer(Map<String, Object> changes) {
		Map<String, Object> claims = new HashMap<>(TestKeys.claims());
		claims.putAll(changes);
		return post("/v1/query", "Authorization: Bearer " + TestKeys.rs256(claims) + "\r\n", "{\"query\": \"hi\"}");
	}

	private static List<Case> kubernetesCases() {
		return List.of(
				new Case("k8s username ../../escape",
						post("/v1/query", "Authorization: Bearer traversal-name\r\n", "{\"query\": \"hi\"}"), 200),
				new Case("k8s uid ../../escape",
						post("/v1/query", "Authorization: Bearer traversal-uid\r\n", "{\"query\": \"hi\"}"), 200));
	}

	private static byte[] identified(String userId, String orgId) {
		return identifiedBy("{\"identity\": {\"type\": \"User\", \"org_id\": " + quoted(orgId)
				+ ", \"user\": {\"user_id\": " + quoted(userId) + ", \"username\": \"x\"}}}");
	}

	private static byte[] identifiedBy(String identity) {
		return post(
				"/v1/query", "x-rh-identity: "
						+ Base64.getEncoder().encodeToString(identity.getBytes(StandardCharsets.UTF_8)) + "\r\n",
				"{\"query\": \"hi\"}");
	}

	private static String quoted(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\u0000", "\\u0000") + "\"";
	}

	// what the service may write next to its data: its configuration, database and log
	private List<Path> writtenOutsideData() throws IOException {
		try (Stream<Path> files = Files.walk(this.directory)) {
			return files.filter(Files::isRegularFile)
				.map(this.directory::relativize)
				.filter((file) -> !file.startsWith("data"))
				.filter((file) -> !file.toString().matches("lightspeed-stack\\.yaml|reliability\\.db.*|service\\.log"))
				.toList();
		}
	}

	private static List<Case> cases() {
		String query = "{\"query\": \"hi\"}";
		String attachment = "{\"attachment_type\": \"log\", \"content_type\": \"text/plain\", \"content\": \"%s\"}";
		String feedback = "{\"conversation_id\": \"%s\", \"user_question\": \"q\", \"llm_response\": \"a\", "
				+ "\"sentiment\": %s}";
		return List.of(
				new Case("body of 10 MB, declared length", post("/v1/query", "", json("x".repeat(10 << 20))), 413),
				new Case("body of 10 MB, chunked", chunked("/v1/query", json("x".repeat(10 << 20))), 413),
				new Case("query of 200,000 characters", post("/v1/query", "", json("x".repeat(200_000))), 422),
				new Case("33 attachments",
						post("/v1/query", "",
								IntStream.range(0, 33)
									.mapToObj((i) -> attachment.formatted("x"))
									.collect(Collectors.joining(",", "{\"query\": \"q\", \"attachments\": [", "]}"))),
						422),
				new Case("attachment of 2 MB",
						post("/v1/query", "",
								"{\"query\": \"q\", \"attachments\": [" + attachment.formatted("x".repeat(2 << 20))
										+ "]}"),
						422),
				new Case("JSON nested 100,000 deep",
						post("/v1/query", "", "{\"query\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}"), 422),
				new Case("sentiment beyond the int range",
						post("/v1/feedback", "", feedback.formatted(CONVERSATION, "99999999999")), 422),
				new Case("multipart without boundary, GET /liveness",
						raw("GET /liveness", "Content-Type: multipart/form-data\r\n", ""), 200),
				new Case("multipart without boundary, POST /v1/feedback",
						raw("POST /v1/feedback", "Content-Type: multipart/form-data\r\n", "x"), 422),
				new Case("invalid UTF-8 in a JSON string", post("/v1/query", "", "{\"query\": \"a\u00c0b\"}"), 200),
				new Case("NUL in user_id", post("/v1/query?user_id=a%00b", "", query), 400),
				new Case("CR LF in user_id", post("/v1/query?user_id=a%0D%0AX-Injected:%20y", "", query), 400),
				new Case("user_id of 256 characters", post("/v1/query?user_id=" + "u".repeat(256), "", query), 400),
				new Case("malformed escape in user_id", post("/v1/query?user_id=%zz", "", query), 400),
				new Case("user_id ../../escape", post("/v1/query?user_id=..%2F..%2Fescape", "", query), 200),
				new Case("user_id /../../escape/..", post("/v1/query?user_id=%2F..%2F..%2Fescape%2F..", "", query),
						200),
				new Case("conversation_id ../../escape in a query body",
						post("/v1/query", "", "{\"query\": \"q\", \"conversation_id\": \"../../escape\"}"), 422),
				new Case("conversation_id ..%2F..%2Fescape in a path",
						raw("GET /v1/conversations/..%2F..%2Fescape", "", ""), 400),
				new Case("conversation_id ../../escape in a path", raw("DELETE /v2/conversations/../../escape", "", ""),
						400),
				new Case("NUL in a path id", raw("GET /v1/conversations/a%00b", "", ""), 400),
				new Case("feedback conversation_id ../../escape",
						post("/v1/feedback", "", feedback.formatted("../../escape", "1")), 422),
				new Case("interrupt request_id ../../escape",
						post("/v1/streaming_query/interrupt", "", "{\"request_id\": \"../../escape\"}"), 422),
				new Case("topic_summary of 10 MB",
						raw("PUT /v2/conversations/" + CONVERSATION, "Content-Type: application/json\r\n",
								"{\"topic_summary\": \"" + "x".repeat(10 << 20) + "\"}"),
						413),
				new Case("CR inside a header value", raw("GET /liveness", "X-Test: a\rb\r\n", ""), 400),
				new Case("CR inside MCP-HEADERS",
						post("/v1/query", "MCP-HEADERS: {\"s\": {\"a\": \"x\ry\"}}\r\n", query), 400),
				new Case("header of 40 KB", raw("GET /liveness", "X-Big: " + "a".repeat(40 << 10) + "\r\n", ""), 431),
				new Case("MCP-HEADERS with CR LF inside its JSON",
						post("/v1/query", "MCP-HEADERS: {\"s\": {\"Authorization\": \"a\\r\\nX-Injected: y\"}}\r\n",
								query),
						200),
				new Case("MCP-HEADERS that is not JSON", post("/v1/query", "MCP-HEADERS: {not json\r\n", query), 200),
				new Case(
						"MCP-HEADERS with traversal", post("/v1/query",
								"MCP-HEADERS: {\"../../escape\": {\"Authorization\": \"../../escape\"}}\r\n", query),
						200));
	}

	private static String json(String query) {
		return "{\"query\": \"" + query + "\"}";
	}

	private static byte[] post(String path, String headers, String body) {
		return raw("POST " + path, "Content-Type: application/json\r\n" + headers, body);
	}

	private static byte[] raw(String requestLine, String headers, String body) {
		byte[] content = body.getBytes(StandardCharsets.UTF_8);
		String head = requestLine + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + headers
				+ (content.length > 0 ? "Content-Length: " + content.length + "\r\n" : "") + "\r\n";
		return concat(head.getBytes(StandardCharsets.ISO_8859_1), content);
	}

	private static byte[] chunked(String path, String body) {
		byte[] content = body.getBytes(StandardCharsets.UTF_8);
		String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
				+ "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
				+ Integer.toHexString(content.length) + "\r\n";
		return concat(head.getBytes(StandardCharsets.ISO_8859_1), content,
				"\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
	}

	private static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		byte[] all = new byte[length];
		int at = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, all, at, part.length);
			at += part.length;
		}
		return all;
	}

	private record Case(String name, byte[] request, int expected) {

		String summary() {
			String text = new String(this.request, 0, Math.min(this.request.length, 400), StandardCharsets.ISO_8859_1);
			String line = text.substring(0, text.indexOf(" HTTP/1.1"));
			return "`" + ((line.length() > 60) ? line.substring(0, 57) + "..." : line).replace("|", "\\|") + "`";
		}

	}

}
