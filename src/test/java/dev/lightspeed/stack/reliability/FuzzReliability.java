package dev.lightspeed.stack.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.lightspeed.stack.support.FakeLlamaStack;
import dev.lightspeed.stack.support.GoFakeLlamaStack;
import dev.lightspeed.stack.support.ReliabilityReport;
import dev.lightspeed.stack.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based tests of every operation of the service's own OpenAPI document
 * ({@code /openapi.json}) by schemathesis ({@code scripts/schemathesis.sh}), against the
 * packaged jar: valid and invalid requests generated from the document, then sequences of
 * calls following its links. Checks: no 5xx, every status and content type the document
 * lists for the operation, every body valid against the document's schema, and 405 for a
 * method no operation has. Two passes: the jar in front of {@link FakeLlamaStack} (Llama
 * Stack 0.2.22, Agents API) for every operation but those that need a
 * Responses-generation Llama Stack, then in front of the Go fake as OGX 1.5.0 for those.
 * Together they cover every operation of the document.
 */
class FuzzReliability {

	static final String CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,"
			+ "response_schema_conformance,unsupported_method";

	// Operations that need what the 0.2.22 stand-in does not have: the Responses API (501
	// on 0.2.x by design), the prompts API, vector-store and file writes, MCP toolgroup
	// registration. The second pass runs them in front of OGX 1.5.0.
	static final String NEEDS_NEWER_LLAMA_STACK = "^(responses_endpoint_handler|register_mcp_server_handler"
			+ "|create_vector_store|update_vector_store|add_file_to_vector_store|create_file|[a-z_]*prompt)";

	// examples per operation and phase: more than 5,000 cases over the first pass's
	// operations
	private static final int EXAMPLES = 1000;

	// the second pass's 11 operations, bounded to about two minutes
	private static final int RESPONSES_EXAMPLES = 300;

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

	private static final Pattern GENERATED = Pattern.compile("(\\d+) generated");

	private static final Pattern TESTED = Pattern.compile("Tested: (\\d+)");

	private static final ReliabilityReport report = new ReliabilityReport("fuzzing", "Llama Stack", "Operations",
			"Cases", "Failures", "Checks");

	@TempDir
	Path directory;

	@Test
	void everyOperationAnswersAsItsDocumentSays() throws Exception {
		int tested;
		List<String> operations;
		Path agents = Files.createDirectories(this.directory.resolve("agents"));
		try (FakeLlamaStack llamaStack = FakeLlamaStack.start(0, FakeLlamaStack.Framing.CHUNKED, 3, 0);
				ServiceProcess service = ServiceProcess.start(agents, llamaStack.baseUrl(),
						ServiceProcess.userData(agents.resolve("data")))) {
			operations = operationIds(service);
			tested = fuzz(service, "0.2.22 (Agents API)", 5000, "--exclude-operation-id-regex", NEEDS_NEWER_LLAMA_STACK,
					"--max-examples", String.valueOf(EXAMPLES));
		}
		Path responses = Files.createDirectories(this.directory.resolve("responses"));
		try (GoFakeLlamaStack llamaStack = GoFakeLlamaStack.start(responses.resolve("fake-llama-stack.log"), "-api",
				"responses", "-tokens", "3");
				ServiceProcess service = ServiceProcess.start(responses, llamaStack.baseUrl(),
						ServiceProcess.userData(responses.resolve("data")))) {
			tested += fuzz(service, "OGX 1.5.0 (Responses API)", 1000, "--include-operation-id-regex",
					NEEDS_NEWER_LLAMA_STACK, "--max-examples", String.valueOf(RESPONSES_EXAMPLES));
		}
		Pattern newer = Pattern.compile(NEEDS_NEWER_LLAMA_STACK);
		assertThat(operations).as("operations of the second pass").anyMatch((id) -> newer.matcher(id).find());
		assertThat(tested).as("operations tested by the two passes, of " + operations).isEqualTo(operations.size());
	}

	// one schemathesis run; the number of operations it tested
	private int fuzz(ServiceProcess service, String llamaStack, int minimumCases, String... options) throws Exception {
		Path log = Files.createDirectories(this.directory.resolve("logs")).resolve(llamaStack.split(" ")[0] + ".log");
		List<String> command = new ArrayList<>(
				List.of("scripts/schemathesis.sh", service.url("/openapi.json"), "--url", service.url(""), "--checks",
						CHECKS, "--workers", "2", "--seed", "32", "--request-timeout", "30", "--no-color"));
		command.addAll(List.of(options));
		Process schemathesis = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		assertThat(schemathesis.waitFor(20, TimeUnit.MINUTES)).as("schemathesis finished in time").isTrue();
		String output = Files.readString(log);
		Matcher generated = GENERATED.matcher(output);
		int cases = generated.find() ? Integer.parseInt(generated.group(1)) : 0;
		Matcher tested = TESTED.matcher(output);
		int operations = tested.find() ? Integer.parseInt(tested.group(1)) : 0;
		report.row(llamaStack, operations, cases, failures(output), CHECKS.replace(",", ", "));
		assertThat(schemathesis.exitValue()).as(output).isZero();
		assertThat(cases).isGreaterThanOrEqualTo(minimumCases);
		return operations;
	}

	private static List<String> operationIds(ServiceProcess service) throws Exception {
		try (HttpClient http = HttpClient.newHttpClient()) {
			String document = http
				.send(HttpRequest.newBuilder(URI.create(service.url("/openapi.json"))).build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
			List<String> ids = new ArrayList<>();
			for (JsonNode path : JsonMapper.builder().build().readTree(document).path("paths")) {
				path.properties()
					.stream()
					.filter((operation) -> METHODS.contains(operation.getKey()))
					.forEach((operation) -> ids.add(operation.getValue().path("operationId").asString()));
			}
			return ids;
		}
	}

	private static int failures(String output) {
		Matcher found = Pattern.compile("found (\\d+) unique failures").matcher(output);
		return found.find() ? Integer.parseInt(found.group(1)) : 0;
	}

}
