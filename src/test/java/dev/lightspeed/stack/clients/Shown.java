package dev.lightspeed.stack.clients;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * What a client has shown so far, as its parser builds it up.
 */
final class Shown {

	String conversationId = "";

	final StringBuilder text = new StringBuilder();

	final List<Card> cards = new ArrayList<>();

	final List<ClientView.Source> sources = new ArrayList<>();

	@Nullable String error;

	boolean finished;

	boolean stopped;

	String requestId = "";

	/**
	 * A tool card, kept by the id the client gave it (compared as JavaScript's
	 * {@code ===} compares).
	 */
	static final class Card {

		final JsonNode id;

		String name;

		@Nullable String arguments;

		@Nullable String response;

		Card(JsonNode id, String name, @Nullable String arguments) {
			this.id = id;
			this.name = name;
			this.arguments = arguments;
		}

	}

	Card card(JsonNode id, String name, @Nullable String arguments) {
		Card card = new Card(id, name, arguments);
		this.cards.add(card);
		return card;
	}

	Optional<Card> cardWithId(JsonNode id) {
		return this.cards.stream().filter((card) -> card.id.equals(id)).findFirst();
	}

	Card cardWithIdOrNew(JsonNode id) {
		return cardWithId(id).orElseGet(() -> card(id, "", null));
	}

	/**
	 * The sources of an {@code end} event's {@code referenced_documents}.
	 * @param documents the list (anything else lists nothing)
	 */
	void sources(JsonNode documents) {
		if (!documents.isArray()) {
			return;
		}
		for (JsonNode document : documents.values()) {
			this.sources
				.add(new ClientView.Source(Js.string(document.path("doc_title")), Js.string(document.path("doc_url"))));
		}
	}

	ClientView view() {
		List<ClientView.ToolCard> tools = this.cards.stream()
			.map((card) -> new ClientView.ToolCard(card.id.isMissingNode() ? "" : Js.string(card.id), card.name,
					card.arguments, card.response))
			.toList();
		return new ClientView(this.conversationId, this.text.toString(), tools, this.sources, this.error, this.finished,
				this.stopped, this.requestId);
	}

	static JsonNode undefined() {
		return MissingNode.getInstance();
	}

}
