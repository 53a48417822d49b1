package dev.lightspeed.stack.query;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lightspeed.stack.llamastack.TokenUsage;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code /v1/query}: LCS 0.2.0's two fields, then those LCS 0.3+ added,
 * which a 0.2.0 client ignores.
 *
 * @param conversationId the conversation, new or continued
 * @param response the answer text
 * @param referencedDocuments the documents the answer drew on
 * @param truncated whether a token limit cut the answer
 * @param inputTokens tokens sent to the model, as its provider counted them (0 when Llama
 * Stack does not say)
 * @param outputTokens tokens of the answer, likewise
 * @param availableQuotas what the quotas that count the query have left (LCS 0.3.1), by
 * limiter; empty when none does
 */
public record QueryResponse(@JsonProperty("conversation_id") String conversationId,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String response,
		@JsonProperty("referenced_documents") List<Map<String, @Nullable String>> referencedDocuments,
		boolean truncated, @JsonProperty("input_tokens") int inputTokens,
		@JsonProperty("output_tokens") int outputTokens,
		@JsonProperty("available_quotas") Map<String, Long> availableQuotas) {

	static QueryResponse of(String conversationId, TurnAccumulator outcome) {
		TokenUsage usage = outcome.usage();
		return new QueryResponse(conversationId, outcome.answer(), outcome.referencedDocuments(), outcome.truncated(),
				(usage != null) ? usage.inputTokens() : 0, (usage != null) ? usage.outputTokens() : 0,
				outcome.availableQuotas());
	}

}
