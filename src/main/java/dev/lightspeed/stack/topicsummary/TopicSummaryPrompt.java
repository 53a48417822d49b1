package dev.lightspeed.stack.topicsummary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The system prompt of the topic-summary agent: LCS 0.3.1's default, unchanged (including
 * its literal {@code {query}} line: LCS sends the question as the user message and leaves
 * the placeholder as it is).
 */
final class TopicSummaryPrompt {

	static final String DEFAULT = load("/prompts/topic-summary.txt");

	private TopicSummaryPrompt() {
	}

	private static String load(String resource) {
		try (InputStream in = Objects.requireNonNull(TopicSummaryPrompt.class.getResourceAsStream(resource),
				resource)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
