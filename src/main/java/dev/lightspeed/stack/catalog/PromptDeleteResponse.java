package dev.lightspeed.stack.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of {@code DELETE /v1/prompts/{id}} (LCS 0.6.0's
 * {@code PromptDeleteResponse}): 200 whether or not the prompt existed.
 *
 * @param promptId the id given
 * @param deleted whether a prompt was deleted
 * @param response what happened
 */
record PromptDeleteResponse(@JsonProperty("prompt_id") String promptId, boolean deleted, String response) {

	static PromptDeleteResponse of(String promptId, boolean deleted) {
		return new PromptDeleteResponse(promptId, deleted,
				deleted ? "Prompt deleted successfully" : "Prompt not found");
	}

}
