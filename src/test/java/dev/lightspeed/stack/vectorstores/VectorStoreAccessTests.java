package dev.lightspeed.stack.vectorstores;

import java.util.List;
import java.util.Optional;

import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.llamastack.LlamaStackBackend;
import dev.lightspeed.stack.llamastack.LlamaStackKnowledge;
import dev.lightspeed.stack.llamastack.VectorStore;
import dev.lightspeed.stack.support.ConnectedLlamaStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The stores a turn searches: every store the user may read when the request names none,
 * and a 404 for a named store they may not read.
 */
class VectorStoreAccessTests {

	private final InMemoryKnowledgeOwners owners = new InMemoryKnowledgeOwners();

	private final LlamaStackBackend llamaStack = mock();

	private final LlamaStackKnowledge knowledge = mock();

	private final AuthenticatedUser alice = new AuthenticatedUser("alice", "alice", false, "");

	private VectorStoreAccess access(String... shared) {
		return new VectorStoreAccess(this.owners, ConnectedLlamaStack.to(this.llamaStack), this.knowledge,
				new KnowledgeProperties(List.of(shared), DataSize.ofMegabytes(1)));
	}

	@BeforeEach
	void stores() {
		VectorStore notebook = new VectorStore("vs_nb", "nb", 1, null, null, "completed", 0,
				JsonMapper.shared().readTree("{\"user_id\":\"alice\"}"));
		this.owners.record(KnowledgeOwners.Kind.VECTOR_STORE, "vs_alice", "alice");
		this.owners.record(KnowledgeOwners.Kind.VECTOR_STORE, "vs_bob", "bob");
		this.owners.record(KnowledgeOwners.Kind.VECTOR_STORE, "vs_nb", "rhdh");
		given(this.llamaStack.vectorStoreIds()).willReturn(List.of("vs_alice", "vs_bob", "vs_nb", "vs_docs"));
		given(this.llamaStack.vectorStores()).willReturn(List.of(notebook));
		given(this.knowledge.vectorStore("vs_nb")).willReturn(Optional.of(notebook));
	}

	@Test
	void withoutANamedStoreATurnSearchesEveryStoreTheUserMayRead() {
		assertThat(access("*").searchable(this.alice, null)).containsExactly("vs_alice", "vs_nb", "vs_docs");
		assertThat(access().searchable(this.alice, null)).containsExactly("vs_alice", "vs_nb");
	}

	@Test
	void namedStoresMustBeReadable() {
		assertThat(access("vs_docs").searchable(this.alice, List.of("vs_nb", "vs_docs", "vs_alice")))
			.containsExactly("vs_nb", "vs_docs", "vs_alice");
		assertThat(access("*").searchable(this.alice, List.of())).isEmpty();
		for (String refused : List.of("vs_bob", "vs_unknown", "bad\nid")) {
			assertThatExceptionOfType(ApiException.class)
				.isThrownBy(() -> access("*").searchable(this.alice, List.of(refused)))
				.satisfies((ex) -> assertThat(ex.status().value()).isEqualTo(404));
		}
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> access("vs_other").searchable(this.alice, List.of("vs_docs")));
	}

}
