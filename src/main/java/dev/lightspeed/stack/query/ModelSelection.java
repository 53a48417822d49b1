package dev.lightspeed.stack.query;

import java.util.List;

import dev.lightspeed.stack.config.InferenceConfig;
import dev.lightspeed.stack.conversations.ConversationRecord;
import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.llamastack.Model;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * Chooses the model of a turn (LCS 0.2.0): request, then the conversation's last model,
 * then the configured default, then the first LLM Llama Stack lists. The fallback records
 * the model without its provider prefix (the 0.3.0 fix), so a follow-up query can name it
 * again.
 *
 * @param llamaStackModelId the Llama Stack identifier the conversation runs with
 * @param modelId model id for bookkeeping (metrics, transcripts, database)
 * @param providerId provider id
 */
record ModelSelection(String llamaStackModelId, String modelId, String providerId) {

	private static final String CANNOT_PROCESS = "Unable to process this request";

	static ModelSelection select(@Nullable String requestModel, @Nullable String requestProvider,
			@Nullable ConversationRecord conversation, InferenceConfig inference, List<Model> models) {
		String model = requestModel;
		String provider = requestProvider;
		if (conversation != null) {
			model = (model != null) ? model : conversation.lastUsedModel();
			provider = (provider != null) ? provider : conversation.lastUsedProvider();
		}
		if (isEmpty(model) || isEmpty(provider)) {
			model = inference.defaultModel();
			provider = inference.defaultProvider();
		}
		if (isEmpty(model) || isEmpty(provider)) {
			return firstLlm(models);
		}
		String identifier = provider + "/" + model;
		for (Model candidate : models) {
			if (candidate.identifier().equals(identifier) && candidate.providerId().equals(provider)) {
				return new ModelSelection(identifier, model, provider);
			}
		}
		throw ApiException.of(HttpStatus.BAD_REQUEST, CANNOT_PROCESS,
				"Model " + model + " from provider " + provider + " not found in available models");
	}

	private static ModelSelection firstLlm(List<Model> models) {
		for (Model candidate : models) {
			if (candidate.isLlm()) {
				String identifier = candidate.identifier();
				String model = identifier.substring(identifier.indexOf('/') + 1);
				return new ModelSelection(identifier, model, candidate.providerId());
			}
		}
		throw ApiException.of(HttpStatus.BAD_REQUEST, CANNOT_PROCESS, "No LLM model found in available models");
	}

	private static boolean isEmpty(@Nullable String value) {
		return value == null || value.isEmpty();
	}

}
