package dev.lightspeed.stack.llamastack;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The facade other features inject: catalogue caching and 503 while not connected.
 */
class LlamaStackBackendFacadeTests {

	private final AtomicLong now = new AtomicLong();

	private final LlamaStackBackend backend = mock();

	private final LlamaStackBackendFacade facade = new LlamaStackBackendFacade(() -> this.backend,
			Duration.ofSeconds(30), this.now::get);

	private final List<Model> models = List.of();

	@Test
	void catalogueShouldBeFetchedOnceWithinTheTtl() {
		given(this.backend.shields()).willReturn(List.of(new Shield("a")), List.of(new Shield("b")));

		assertThat(this.facade.shields()).containsExactly(new Shield("a"));
		this.now.addAndGet(Duration.ofSeconds(29).toNanos());
		assertThat(this.facade.shields()).containsExactly(new Shield("a"));
		verify(this.backend, times(1)).shields();

		this.now.addAndGet(Duration.ofSeconds(1).toNanos());
		assertThat(this.facade.shields()).containsExactly(new Shield("b"));
		verify(this.backend, times(2)).shields();
	}

	@Test
	void modelsAndVectorStoresShouldBeCachedSeparately() {
		given(this.backend.models()).willReturn(this.models);
		given(this.backend.vectorStoreIds()).willReturn(List.of("vs_1"));

		this.facade.models();
		this.facade.models();
		this.facade.vectorStoreIds();
		this.facade.vectorStoreIds();

		verify(this.backend, times(1)).models();
		verify(this.backend, times(1)).vectorStoreIds();
	}

	@Test
	void failuresShouldNotBeCached() {
		given(this.backend.vectorStoreIds())
			.willThrow(new LlamaStackUnavailableException(LlamaStackUnavailableException.CONNECTION_ERROR))
			.willReturn(List.of("vs_1"));

		assertThatExceptionOfType(LlamaStackUnavailableException.class).isThrownBy(this.facade::vectorStoreIds);
		assertThat(this.facade.vectorStoreIds()).containsExactly("vs_1");
	}

	@Test
	void providersShouldNeverBeCached() {
		given(this.backend.providers()).willReturn(List.of());

		this.facade.providers();
		this.facade.providers();

		verify(this.backend, times(2)).providers();
	}

	@Test
	void everyCallShouldBeUnavailableWhileNotConnected() {
		LlamaStackBackendFacade notConnected = new LlamaStackBackendFacade(() -> {
			throw new LlamaStackUnavailableException(LlamaStackUnavailableException.CONNECTION_ERROR);
		}, Duration.ofSeconds(30), this.now::get);

		assertThatExceptionOfType(LlamaStackUnavailableException.class).isThrownBy(notConnected::models);
		assertThatExceptionOfType(LlamaStackUnavailableException.class)
			.isThrownBy(() -> notConnected.findConversation(new Conversation("x", null)));
		assertThatExceptionOfType(LlamaStackUnavailableException.class).isThrownBy(() -> notConnected
			.createConversation(new ConversationSpec("m", "", TurnInputs.shields(List.of(), List.of()))));
	}

	@Test
	void conversationCallsShouldGoToTheBackend() {
		Conversation conversation = new Conversation("a", "s");
		given(this.backend.deleteConversation(new Conversation("a", null))).willReturn(true);

		assertThat(this.facade.deleteConversation(new Conversation("a", null))).isTrue();
		this.facade.streamTurn(conversation, TurnInputs.of("q"));

		verify(this.backend).streamTurn(conversation, TurnInputs.of("q"));
	}

}
