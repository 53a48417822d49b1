package dev.lightspeed.stack.clients;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a client shows its user after reading a streamed answer; what a client does not
 * derive stays empty.
 *
 * @param conversationId the conversation the client continues with, empty when it read
 * none
 * @param text the answer text it shows
 * @param tools the tool cards it shows, in order
 * @param sources the referenced documents it lists
 * @param error the error it shows, null when none ({@code ""}: an error without text)
 * @param finished whether it saw its end-of-answer signal (the spinner stops, the answer
 * is returned)
 * @param stopped whether it knows the user stopped the answer
 * @param requestId the id its Stop button sends, empty when it read none
 */
record ClientView(String conversationId, String text, List<ToolCard> tools, List<Source> sources,
		@Nullable String error, boolean finished, boolean stopped, String requestId) {

	ClientView {
		tools = List.copyOf(tools);
		sources = List.copyOf(sources);
	}

	/**
	 * A tool card.
	 *
	 * @param id the id the client keeps it by, empty when it keeps none
	 * @param name the tool's name, empty when the client has none
	 * @param arguments the arguments as compact JSON, null when the card shows none
	 * @param response what the card says the tool answered, null when nothing
	 */
	record ToolCard(String id, String name, @Nullable String arguments, @Nullable String response) {
	}

	/**
	 * A referenced document.
	 *
	 * @param title its title
	 * @param url its link
	 */
	record Source(String title, String url) {
	}

}
