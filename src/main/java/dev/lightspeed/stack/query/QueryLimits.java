package dev.lightspeed.stack.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.lightspeed.stack.errors.RequestValidationException;
import dev.lightspeed.stack.errors.ValidationError;
import dev.lightspeed.stack.limits.RequestLimits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.stereotype.Component;

/**
 * The sizes of a question ({@code lightspeed.limits.*}), checked before any work is done
 * for it and answered as pydantic answers a {@code max_length}: a question or attachment
 * too long is {@code string_too_long}, too many attachments {@code too_long}. The input
 * is quoted only in part: the point is that it is too big to send back.
 */
@Component
class QueryLimits {

	private static final int QUOTED = 100;

	private final RequestLimits limits;

	QueryLimits(RequestLimits limits) {
		this.limits = limits;
	}

	void check(QueryRequest request) {
		List<ValidationError> errors = new ArrayList<>();
		tooLong(request.query(), this.limits.maxQueryLength(), List.of("body", "query"), errors);
		List<Attachment> attachments = request.attachmentList();
		if (attachments.size() > this.limits.maxAttachments()) {
			int max = this.limits.maxAttachments();
			errors.add(new ValidationError("too_long", List.of("body", "attachments"),
					"List should have at most " + max + " item" + ((max == 1) ? "" : "s") + " after validation, not "
							+ attachments.size(),
					JsonNodeFactory.instance.nullNode(),
					Map.of("field_type", "List", "max_length", max, "actual_length", attachments.size())));
		}
		for (int i = 0; i < attachments.size(); i++) {
			tooLong(attachments.get(i).content(), this.limits.maxAttachmentLength(),
					List.of("body", "attachments", i, "content"), errors);
		}
		if (!errors.isEmpty()) {
			throw new RequestValidationException(errors);
		}
	}

	private static void tooLong(String text, int max, List<Object> loc, List<ValidationError> errors) {
		if (text.length() > max) {
			JsonNode quoted = JsonNodeFactory.instance.stringNode(text.substring(0, QUOTED) + "...");
			errors.add(new ValidationError("string_too_long", loc,
					"String should have at most " + max + " character" + ((max == 1) ? "" : "s"), quoted,
					Map.of("max_length", max)));
		}
	}

}
