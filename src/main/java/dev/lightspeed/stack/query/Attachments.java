package dev.lightspeed.stack.query;

import java.util.List;
import java.util.Set;

import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.llamastack.TurnInput.Document;

import org.springframework.http.HttpStatus;

/**
 * Attachment rules of LCS 0.2.0: exact, case-sensitive types; the first bad attachment
 * wins.
 */
final class Attachments {

	static final Set<String> TYPES = Set.of("alert", "api object", "configuration", "error message", "event", "log",
			"stack trace");

	static final Set<String> CONTENT_TYPES = Set.of("text/plain", "application/json", "application/yaml",
			"application/xml");

	private Attachments() {
	}

	static List<Document> validate(List<Attachment> attachments) {
		for (Attachment attachment : attachments) {
			if (!TYPES.contains(attachment.attachmentType())) {
				throw unprocessable("Attachment with improper type " + attachment.attachmentType() + " detected");
			}
			if (!CONTENT_TYPES.contains(attachment.contentType())) {
				throw unprocessable("Attachment with improper content type " + attachment.contentType() + " detected");
			}
		}
		return attachments.stream().map((a) -> new Document(a.attachmentType(), a.content(), a.contentType())).toList();
	}

	private static ApiException unprocessable(String cause) {
		return ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "Unable to process this request", cause);
	}

}
