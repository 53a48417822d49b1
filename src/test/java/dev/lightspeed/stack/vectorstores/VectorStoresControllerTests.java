package dev.lightspeed.stack.vectorstores;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.lightspeed.stack.llamastack.LlamaStackBackend;
import dev.lightspeed.stack.llamastack.LlamaStackKnowledge;
import dev.lightspeed.stack.support.ConnectedLlamaStack;
import dev.lightspeed.stack.llamastack.VectorStore;
import dev.lightspeed.stack.llamastack.VectorStoreFile;
import dev.lightspeed.stack.support.LlamaStackFailures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The vector-store endpoints and their ownership table: alice's own store, bob's, a
 * notebook the RHDH plugin created under its own identity naming alice in its metadata, a
 * shared store, a store nobody created here that is not shared, and one that does not
 * exist. (No roles exist yet, so there is no admin row.)
 */
@WebMvcTest({ VectorStoresController.class, VectorStoreFilesController.class, RagsController.class })
@Import({ KnowledgeSlice.class, ConnectedLlamaStack.class })
class VectorStoresControllerTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private InMemoryKnowledgeOwners owners;

	@MockitoBean
	private LlamaStackBackend llamaStack;

	@MockitoBean
	private LlamaStackKnowledge knowledge;

	// the noop module of the slice's configuration: the caller says who they are, in the
	// query string (where LCS reads it)
	private static RequestPostProcessor user(String userId) {
		return (request) -> {
			String query = "user_id=" + URLEncoder.encode(userId, StandardCharsets.UTF_8);
			request.setQueryString((request.getQueryString() != null) ? request.getQueryString() + "&" + query : query);
			request.addParameter("user_id", userId);
			return request;
		};
	}

	private static VectorStore store(String id, String metadata) {
		return new VectorStore(id, id + "-name", 1, 2L, null, "completed", 0, JSON.readTree(metadata));
	}

	private static final List<VectorStore> STORES = List.of(store("vs_alice", "{}"), store("vs_bob", "{}"),
			store("vs_nb", "{\"user_id\":\"alice\"}"), store("vs_shared", "{}"), store("vs_private", "{}"));

	@BeforeEach
	void stores() {
		this.owners.clear();
		this.owners.record(KnowledgeOwners.Kind.VECTOR_STORE, "vs_alice", "alice");
		this.owners.record(KnowledgeOwners.Kind.VECTOR_STORE, "vs_bob", "bob");
		this.owners.record(KnowledgeOwners.Kind.VECTOR_STORE, "vs_nb", "rhdh");
		this.owners.record(KnowledgeOwners.Kind.FILE, "file-alice", "alice");
		this.owners.record(KnowledgeOwners.Kind.FILE, "file-bob", "bob");
		given(this.llamaStack.vectorStores()).willReturn(STORES);
		given(this.llamaStack.vectorStoreIds()).willReturn(STORES.stream().map(VectorStore::id).toList());
		for (VectorStore store : STORES) {
			VectorStoreFile file = new VectorStoreFile("file-alice", "file-alice", store.id(), "completed", null, null,
					"vector_store.file");
			given(this.knowledge.vectorStore(store.id())).willReturn(Optional.of(store));
			given(this.knowledge.updateVectorStore(eq(store.id()), anyMap())).willReturn(Optional.of(store));
			given(this.knowledge.deleteVectorStore(store.id())).willReturn(true);
			given(this.knowledge.vectorStoreFiles(store.id())).willReturn(Optional.of(List.of(file)));
			given(this.knowledge.addVectorStoreFile(eq(store.id()), anyMap())).willReturn(Optional.of(file));
			given(this.knowledge.vectorStoreFile(store.id(), "file-alice")).willReturn(Optional.of(file));
			given(this.knowledge.removeVectorStoreFile(store.id(), "file-alice")).willReturn(true);
		}
	}

	@Test
	void aUserListsTheirOwnStoresThoseNamingThemAndTheSharedOnes() {
		assertThat(ids("alice")).containsExactly("vs_alice", "vs_nb", "vs_shared");
		assertThat(ids("bob")).containsExactly("vs_bob", "vs_shared");
		assertThat(ids("rhdh")).containsExactly("vs_nb", "vs_shared");
		assertThat(this.mvc.get().uri("/v1/rags").with(user("bob"))).bodyJson()
			.isStrictlyEqualTo("{\"rags\":[\"vs_bob\",\"vs_shared\"]}");
		assertThat(this.mvc.get().uri("/v1/rags/vs_bob").with(user("bob"))).bodyJson().isStrictlyEqualTo("""
				{"id": "vs_bob", "name": "vs_bob-name", "created_at": 1, "last_active_at": 2, "usage_bytes": 0,
				 "expires_at": null, "object": "vector_store", "status": "completed"}""");
	}

	private List<String> ids(String userId) {
		JsonNode listed = JSON.readTree(this.mvc.get()
			.uri("/v1/vector-stores")
			.with(user(userId))
			.exchange()
			.getResponse()
			.getContentAsByteArray());
		assertThat(listed.path("object").asString()).isEqualTo("list");
		return listed.path("data").valueStream().map((store) -> store.path("id").asString()).toList();
	}

	// what alice may do with each store: read (GET the store, list and GET its files), or
	// also write (PUT, DELETE, add and remove files)
	static Stream<Arguments> ownershipTable() {
		return Stream.of(Arguments.of("vs_alice", true, true), Arguments.of("vs_bob", false, false),
				Arguments.of("vs_nb", true, false), Arguments.of("vs_shared", true, false),
				Arguments.of("vs_private", false, false), Arguments.of("vs_unknown", false, false));
	}

	@ParameterizedTest(name = "{0}: read {1}, write {2}")
	@MethodSource("ownershipTable")
	void everyEndpointFollowsTheOwnershipTable(String store, boolean reads, boolean writes) {
		String path = "/v1/vector-stores/" + store;
		expect(HttpMethod.GET, path, null, reads ? 200 : 404, store);
		expect(HttpMethod.GET, "/v1/rags/" + store, null, reads ? 200 : 404, store);
		expect(HttpMethod.GET, path + "/files", null, reads ? 200 : 404, store);
		expect(HttpMethod.GET, path + "/files/file-alice", null, reads ? 200 : 404, store);
		expect(HttpMethod.PUT, path, "{\"name\":\"renamed\"}", writes ? 200 : 404, store);
		expect(HttpMethod.POST, path + "/files", "{\"file_id\":\"file-alice\"}", writes ? 200 : 404, store);
		expect(HttpMethod.DELETE, path + "/files/file-alice", null, writes ? 204 : 404, store);
		expect(HttpMethod.DELETE, path, null, writes ? 204 : 404, store);
	}

	private void expect(HttpMethod method, String path, String body, int status, String store) {
		var request = this.mvc.method(method).uri(path).with(user("alice"));
		if (body != null) {
			request = request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		var result = request.exchange();
		assertThat(result).as(method + " " + path).hasStatus(status);
		if (status == 404) {
			String what = path.startsWith("/v1/rags") ? "Rag" : "Vector Store";
			assertThat(result).bodyJson()
				.isStrictlyEqualTo("{\"detail\":{\"response\":\"" + what + " not found\",\"cause\":\"" + what
						+ " with ID " + store + " does not exist\"}}");
		}
	}

	@Test
	void aCreatedStoreBelongsToItsCreatorWithWhatTheyAskedForSentOn() {
		given(this.knowledge.createVectorStore(anyMap())).willReturn(store("vs_new", "{\"user_id\":\"carol\"}"));

		assertThat(this.mvc.post()
			.uri("/v1/vector-stores")
			.with(user("carol"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"nb\",\"provider_id\":\"notebooks\",\"metadata\":{\"user_id\":\"carol\"}}"))
			.hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("{\"id\":\"vs_new\",\"name\":\"vs_new-name\",\"created_at\":1,\"last_active_at\":2,"
					+ "\"expires_at\":null,\"status\":\"completed\",\"usage_bytes\":0,\"metadata\":{\"user_id\":\"carol\"}}");
		verify(this.knowledge).createVectorStore(
				Map.of("name", "nb", "provider_id", "notebooks", "metadata", Map.of("user_id", "carol")));
		assertThat(this.owners.owner(KnowledgeOwners.Kind.VECTOR_STORE, "vs_new")).contains("carol");
	}

	@Test
	void aDeletedStoreIsForgotten() {
		assertThat(this.mvc.delete().uri("/v1/vector-stores/vs_alice").with(user("alice"))).hasStatus(204);
		assertThat(this.owners.owner(KnowledgeOwners.Kind.VECTOR_STORE, "vs_alice")).isEmpty();
	}

	@Test
	void onlyTheCallersOwnUploadsCanBeAddedToTheirStore() {
		assertThat(this.mvc.post()
			.uri("/v1/vector-stores/vs_alice/files")
			.with(user("alice"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"file_id\":\"file-bob\",\"attributes\":{\"title\":\"x\"}}")).hasStatus(404)
			.bodyJson()
			.isStrictlyEqualTo(
					"{\"detail\":{\"response\":\"File not found\",\"cause\":\"File with ID file-bob does not exist\"}}");
		verify(this.knowledge, never()).addVectorStoreFile(anyString(), anyMap());
	}

	@Test
	void badBodiesAreLcsValidationErrors() {
		assertThat(this.mvc.put()
			.uri("/v1/vector-stores/vs_alice")
			.with(user("alice"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).hasStatus(422).bodyText().contains("At least one field must be provided");
		assertThat(this.mvc.post()
			.uri("/v1/vector-stores")
			.with(user("alice"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"\",\"bogus\":1}")).hasStatus(422)
			.bodyText()
			.contains("string_too_short")
			.contains("extra_forbidden");
		assertThat(this.mvc.post()
			.uri("/v1/vector-stores/vs_alice/files")
			.with(user("alice"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"file_id\":\"\"}")).hasStatus(422).bodyText().contains("string_too_short");
	}

	@Test
	void aStoreLlamaStackRefusesIsABadRequestNamingItsReason() {
		willThrow(new dev.lightspeed.stack.llamastack.LlamaStackApiException(400, "Unknown embedding model x"))
			.given(this.knowledge)
			.createVectorStore(anyMap());
		assertThat(this.mvc.post()
			.uri("/v1/vector-stores")
			.with(user("alice"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"nb\",\"embedding_model\":\"x\"}")).hasStatus(400)
			.bodyJson()
			.isStrictlyEqualTo("{\"detail\":{\"response\":\"Unable to create the vector store\","
					+ "\"cause\":\"Llama Stack refused it: Error code: 400 - Unknown embedding model x\"}}");
	}

	@Test
	void llamaStackFailuresAre503And500() {
		LlamaStackFailures.assertListingFailures(this.mvc, "/v1/vector-stores?user_id=a", "vector stores",
				(ex) -> willThrow(ex).given(this.llamaStack).vectorStores());
		willThrow(LlamaStackFailures.connectionError()).given(this.knowledge).vectorStore(any());
		assertThat(this.mvc.get().uri("/v1/vector-stores/vs_alice").with(user("alice"))).hasStatus(503)
			.bodyJson()
			.isStrictlyEqualTo(LlamaStackFailures.UNAVAILABLE);
	}

}
