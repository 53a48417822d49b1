package dev.lightspeed.stack.query;

import dev.lightspeed.stack.config.CustomizationConfig;
import dev.lightspeed.stack.errors.ApiException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * The system prompt of a new conversation (LCS 0.2.0): the request's, then the API key's
 * (ORBIT's prompt per key), then the configured one (the file when
 * {@code system_prompt_path} is set), then a default. With
 * {@code disable_query_system_prompt} a request may not bring its own; the key's still
 * applies.
 */
final class SystemPrompts {

	static final String DEFAULT = "You are a helpful assistant";

	private SystemPrompts() {
	}

	static String resolve(@Nullable String requested, @Nullable String keys,
			@Nullable CustomizationConfig customization) {
		boolean requestedGiven = requested != null && !requested.isEmpty();
		if (requestedGiven && customization != null && customization.disableQuerySystemPrompt()) {
			throw ApiException.responseOnly(HttpStatus.UNPROCESSABLE_CONTENT,
					"This instance does not support customizing the system prompt in the query request "
							+ "(disable_query_system_prompt is set). Please remove the system_prompt field from "
							+ "your request.");
		}
		if (requestedGiven) {
			return requested;
		}
		if (keys != null) {
			return keys;
		}
		if (customization != null && customization.systemPrompt() != null) {
			return customization.systemPrompt();
		}
		return DEFAULT;
	}

}
