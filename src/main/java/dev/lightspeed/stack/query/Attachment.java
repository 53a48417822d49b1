package dev.lightspeed.stack.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;

/**
 * An attachment of a query; its types are checked by the handler, not the schema, as in
 * LCS 0.2.0.
 *
 * @param attachmentType one of {@link Attachments#TYPES}
 * @param contentType one of {@link Attachments#CONTENT_TYPES}
 * @param content the text
 */
public record Attachment(@JsonProperty("attachment_type") @NotNull String attachmentType,
		@JsonProperty("content_type") @NotNull String contentType, @NotNull String content) {
}
