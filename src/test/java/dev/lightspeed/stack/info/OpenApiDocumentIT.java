package dev.lightspeed.stack.info;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.support.ApplicationClient;
import dev.lightspeed.stack.support.LlamaStackStub;
import dev.lightspeed.stack.support.TestConfigurations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The OpenAPI document: springdoc generates it from the whole application, the committed
 * {@code docs/openapi.json} is that document (run with
 * {@code -Dlightspeed.openapi.update=true}, as {@code scripts/openapi.sh json} does, to
 * rewrite it), the application serves that file at {@code /openapi.json}, and it covers
 * every operation (with its summary and every response status and description), schema
 * and field of LCS 0.2.0's document.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "springdoc.api-docs.enabled=true", "springdoc.api-docs.path=" + OpenApiDocumentIT.GENERATED,
				"springdoc.default-produces-media-type=application/json",
				"springdoc.paths-to-exclude=/error,/test/**" })
@Import(OpenApiConfiguration.class)
class OpenApiDocumentIT {

	static final String GENERATED = "/test/springdoc/openapi.json";

	static final Path COMMITTED = Path.of("docs/openapi.json");

	@RegisterExtension
	static final LlamaStackStub llamaStack = LlamaStackStub.versionOnly();

	@TempDir
	static Path directory;

	private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private ApplicationClient app;

	private JsonNode served;

	@BeforeEach
	void fetchDocument(@LocalServerPort int port) {
		this.app = ApplicationClient.http(port);
		this.served = fetch("/openapi.json");
	}

	@Test
	void committedDocumentIsWhatSpringdocGeneratesFromTheApplication() throws Exception {
		JsonNode generated = fetch(GENERATED);
		if (Boolean.getBoolean("lightspeed.openapi.update")) {
			Files.writeString(COMMITTED, this.json.writeValueAsString(generated) + "\n");
		}
		assertThat(this.json.readTree(Files.readString(COMMITTED)))
			.as("docs/openapi.json is out of date: run make schema openapi-doc")
			.isEqualTo(generated);
	}

	@Test
	void servedDocumentIsTheCommittedOne() throws Exception {
		// the build packaged docs/openapi.json as it was before this run rewrote it
		assumeFalse(Boolean.getBoolean("lightspeed.openapi.update"));
		assertThat(this.served).isEqualTo(this.json.readTree(Files.readString(COMMITTED)));
	}

	@Test
	void documentHasEveryOperationSummaryResponseSchemaAndFieldOfLcs020() throws Exception {
		JsonNode upstream;
		try (InputStream in = getClass().getResourceAsStream("/openapi/upstream-openapi-0.2.0.json")) {
			upstream = this.json.readTree(in);
		}
		List<String> missing = new ArrayList<>();
		upstream.get("paths").properties().forEach((path) -> path.getValue().properties().forEach((method) -> {
			String name = method.getKey().toUpperCase() + " " + path.getKey();
			JsonNode operation = this.served.path("paths").path(path.getKey()).path(method.getKey());
			if (operation.isMissingNode()) {
				missing.add("operation " + name);
				return;
			}
			if (!operation.path("summary").equals(method.getValue().path("summary"))) {
				missing.add("summary of " + name);
			}
			method.getValue().path("responses").properties().forEach((response) -> {
				if (!operation.path("responses")
					.path(response.getKey())
					.path("description")
					.equals(response.getValue().path("description"))) {
					missing.add("response " + response.getKey() + " of " + name);
				}
			});
		}));
		JsonNode schemas = this.served.path("components").path("schemas");
		upstream.get("components").get("schemas").properties().forEach((schema) -> {
			if (schemas.path(schema.getKey()).isMissingNode()) {
				missing.add("schema " + schema.getKey());
				return;
			}
			schema.getValue().path("properties").propertyNames().forEach((field) -> {
				if (schemas.path(schema.getKey()).path("properties").path(field).isMissingNode()) {
					missing.add("field " + schema.getKey() + "." + field);
				}
			});
		});
		assertThat(missing).isEmpty();
	}

	@Test
	void infoIsLcsInfoWithTheConfiguredName() {
		assertThat(this.served.get("info")).isEqualTo(this.json.readTree("""
				{"title": "Lightspeed Core Service (LCS) service - OpenAPI",
				 "summary": "Lightspeed Core Service (LCS) service API specification.",
				 "description": "Lightspeed Core Service (LCS) service API specification.",
				 "contact": {"name": "Pavel Tisnovsky", "url": "https://github.com/tisnik/",
				             "email": "ptisnovs@redhat.com"},
				 "license": {"name": "Apache 2.0", "url": "https://www.apache.org/licenses/LICENSE-2.0.html"},
				 "version": "0.2.0"}"""));
		assertThat(this.served.get("servers")).isEqualTo(this.json
			.readTree("[{\"url\": \"http://localhost:8080/\", \"description\": \"Locally running service\"}]"));
	}

	@Test
	void streamingQueryAnswersWithAnEventStream() {
		JsonNode responses = this.served.at("/paths/~1v1~1streaming_query/post/responses");
		assertThat(responses.at("/200/content").propertyNames()).containsExactly("text/event-stream");
		assertThat(responses.at("/422/content/application~1json/schema/$ref").asString())
			.isEqualTo("#/components/schemas/HTTPValidationError");
	}

	@Test
	void schemasKeepLcsShapes() {
		JsonNode schemas = this.served.path("components").path("schemas");
		assertThat(schemas.at("/QueryResponse/required").toString()).isEqualTo("[\"response\"]");
		// a list or null, as LCS 0.2.0's document has it
		assertThat(schemas.at("/FeedbackRequest/properties/categories/anyOf/0/items/$ref").asString())
			.isEqualTo("#/components/schemas/FeedbackCategory");
		assertThat(schemas.at("/FeedbackRequest/properties/categories/anyOf/1/type").asString()).isEqualTo("null");
		assertThat(schemas.at("/Configuration/properties/service/$ref").asString())
			.isEqualTo("#/components/schemas/ServiceConfiguration");
		assertThat(this.served.at("/paths/~1v1~1conversations~1{conversation_id}/get/parameters/0/name").asString())
			.isEqualTo("conversation_id");
		assertThat(this.served.at("/paths/~1metrics/get/responses/200/content").propertyNames())
			.containsExactly("text/plain");
	}

	private JsonNode fetch(String path) {
		HttpResponse<String> response = this.app.send("GET", path);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		return this.json.readTree(response.body());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class LlamaStack {

		@Bean
		LightspeedConfiguration lightspeedConfiguration() {
			return TestConfigurations.application("Lightspeed Core Service (LCS)", llamaStack.baseUrl(), directory,
					"user_data_collection: {}");
		}

	}

}
