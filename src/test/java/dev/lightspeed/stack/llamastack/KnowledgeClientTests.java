package dev.lightspeed.stack.llamastack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lightspeed.stack.support.Captures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Vector Stores and Files APIs against WireMock answering with what real servers sent
 * ({@code e2e/captures/<generation>/knowledge/}): where each generation serves them, what
 * goes out, how their answers are read, and "not found" as empty.
 */
class KnowledgeClientTests {

	@RegisterExtension
	static WireMockExtension llamaStack = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private final AtomicInteger changes = new AtomicInteger();

	private KnowledgeClient client(String version) {
		return new KnowledgeClient(TestClients.http(llamaStack.baseUrl(), null), () -> SemanticVersion.of(version),
				this.changes::incrementAndGet);
	}

	private static String capture(String generation, String name) {
		return new String(Captures.of(generation, "knowledge/" + name), StandardCharsets.UTF_8);
	}

	@Test
	void anUploadIsStreamedAsMultipartWithPurposeAssistants() {
		llamaStack.stubFor(post("/v1/files").willReturn(okJson(capture("ogx-1.5.0", "file_upload.json"))));

		StoredFile file = client("1.5.0").uploadFile(new FileUpload("notes.txt", "text/plain",
				new ByteArrayInputStream("Scaling: oc scale".getBytes(StandardCharsets.UTF_8))));

		assertThat(file.id()).startsWith("file-");
		assertThat(file.filename()).isEqualTo("notes.txt");
		assertThat(file.purpose()).isEqualTo("assistants");
		llamaStack.verify(postRequestedFor(urlEqualTo("/v1/files")).withHeader("Transfer-Encoding", equalTo("chunked"))
			.withRequestBodyPart(aMultipart("purpose").withBody(equalTo("assistants")).build())
			.withRequestBodyPart(aMultipart("file").withHeader("Content-Type", containing("text/plain"))
				.withHeader("Content-Disposition", containing("filename=\"notes.txt\""))
				.withBody(equalTo("Scaling: oc scale"))
				.build()));
	}

	@Test
	void aFailingUploadStreamIsTheUploadersNotLlamaStacks() {
		llamaStack.stubFor(post("/v1/files").willReturn(okJson(capture("0.5.4", "file_upload.json"))));
		IOException tooLarge = new IOException("too large");
		InputStream failing = new InputStream() {
			@Override
			public int read() throws IOException {
				throw tooLarge;
			}
		};

		assertThatExceptionOfType(UploadAbortedException.class)
			.isThrownBy(() -> client("0.5.4").uploadFile(new FileUpload("a.txt", "text/plain", failing)))
			.satisfies((ex) -> assertThat(ex.getCause()).isSameAs(tooLarge));
	}

	@Test
	void agentsGenerationServesTheOpenAiRoutesUnderTheirPrefix() {
		llamaStack.stubFor(
				post("/v1/openai/v1/vector_stores").willReturn(okJson(capture("0.2.22", "vector_store_create.json"))));
		llamaStack.stubFor(delete(urlPathEqualTo("/v1/openai/v1/files/file-1"))
			.willReturn(okJson(capture("0.2.22", "file_delete.json"))));

		VectorStore store = client("0.2.22").createVectorStore(Map.of("name", "notebook"));

		assertThat(store.metadata().path("user_id").asString()).isEqualTo("user:default/guest");
		assertThat(this.changes).hasValue(1);
		assertThat(client("0.2.22").deleteFile("file-1")).isTrue();
	}

	@Test
	void storeFilesAreReadPageByPageInLcsShape() {
		String page = capture("0.5.4", "vector_store_files.json");
		llamaStack.stubFor(get(urlEqualTo("/v1/vector_stores/vs_1/files?limit=100"))
			.willReturn(okJson(page.replace("\"has_more\":false", "\"has_more\":true"))));
		String lastId = Captures.json("0.5.4", "knowledge/vector_store_files.json").path("last_id").asString();
		llamaStack.stubFor(get(urlEqualTo("/v1/vector_stores/vs_1/files?limit=100&after=" + lastId))
			.willReturn(okJson("{\"object\":\"list\",\"data\":[],\"has_more\":false}")));

		var files = client("0.5.4").vectorStoreFiles("vs_1").orElseThrow();

		assertThat(files).singleElement().satisfies((file) -> {
			assertThat(file.id()).isEqualTo(lastId).isEqualTo(file.fileId());
			assertThat(file.status()).isEqualTo("completed");
			assertThat(file.attributes().toString()).isEqualTo("{\"title\":\"notes\"}");
			assertThat(file.lastError()).isNull();
			assertThat(file.object()).isEqualTo("vector_store.file");
		});
	}

	@Test
	void storesLlamaStackDoesNotKnowAreEmptyWhateverTheGeneration() {
		for (String generation : new String[] { "0.2.22", "0.5.4", "ogx-1.5.0" }) {
			String version = generation.replace("ogx-", "");
			String prefix = generation.equals("0.2.22") ? "/v1/openai/v1" : "/v1";
			llamaStack.stubFor(get(prefix + "/vector_stores/vs_nope")
				.willReturn(jsonResponse(capture(generation, "vector_store_unknown.json"), 400)));
			assertThat(client(version).vectorStore("vs_nope")).as(generation).isEmpty();
		}
	}

	@Test
	void anUpdateIsAPostThatReplacesTheMetadata() {
		llamaStack.stubFor(
				post("/v1/vector_stores/vs_1").willReturn(okJson(capture("ogx-1.5.0", "vector_store_update.json"))));

		VectorStore updated = client("1.5.0").updateVectorStore("vs_1", Map.of("name", "renamed")).orElseThrow();

		assertThat(updated.name()).isEqualTo("renamed");
		llamaStack.verify(postRequestedFor(urlEqualTo("/v1/vector_stores/vs_1"))
			.withRequestBody(equalToJson("{\"name\":\"renamed\"}")));
	}

}
