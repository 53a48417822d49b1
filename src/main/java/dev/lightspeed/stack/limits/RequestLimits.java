package dev.lightspeed.stack.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What one request may hold ({@code lightspeed.limits.*}). The defaults are far above
 * what a chat client sends (a question of a few thousand characters, a log or two
 * attached) and far below what would tie up the service or land whole in a transcript: a
 * bigger body is a 413, a longer question or attachment, more attachments or deeper JSON
 * a 422 in pydantic's shape. Headers are bounded by
 * {@code server.max-http-request-header-size} (431).
 *
 * @param maxRequestSize the largest request body, stopped as it arrives (413)
 * @param maxQueryLength the longest {@code query}, in characters
 * @param maxAttachments the most attachments of one query
 * @param maxAttachmentLength the longest attachment {@code content}, in characters
 * @param maxJsonDepth the deepest nesting of arrays and objects in a JSON body (at most
 * 500, the JSON reader's own limit)
 */
@ConfigurationProperties("lightspeed.limits")
public record RequestLimits(@DefaultValue("8MB") DataSize maxRequestSize, @DefaultValue("131072") int maxQueryLength,
		@DefaultValue("32") int maxAttachments, @DefaultValue("1048576") int maxAttachmentLength,
		@DefaultValue("32") int maxJsonDepth) {

	/**
	 * The defaults, for tests and code outside Spring.
	 * @return the limits of {@code application.properties}
	 */
	public static RequestLimits defaults() {
		return new RequestLimits(DataSize.ofMegabytes(8), 131072, 32, 1048576, 32);
	}

}
