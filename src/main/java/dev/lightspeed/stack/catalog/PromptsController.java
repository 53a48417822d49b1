package dev.lightspeed.stack.catalog;

import java.util.regex.Pattern;

import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.llamastack.LlamaStackCatalog;
import dev.lightspeed.stack.llamastack.Refusals;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/prompts} (LCS 0.6.0): Llama Stack's stored prompt templates, shared by the
 * deployment. An id that is not {@code pmpt_} and 48 hex digits is a 400, one Llama Stack
 * does not know a 404; a template Llama Stack refuses (an undeclared variable, a version
 * that is not the latest) a 400 naming its reason. Authorization hooks (LCS actions):
 * GETs are {@code READ_PROMPTS}, the rest {@code MANAGE_PROMPTS}.
 */
@RestController
@RequestMapping("/v1/prompts")
class PromptsController {

	private static final Pattern PROMPT_ID = Pattern.compile("pmpt_[0-9a-fA-F]{48}");

	private final LlamaStackCatalog catalog;

	PromptsController(LlamaStackCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping
	PromptsListResponse list() {
		return new PromptsListResponse(this.catalog.prompts().stream().map(PromptResourceResponse::of).toList());
	}

	@PostMapping
	PromptResourceResponse create(@RequestBody PromptCreateRequest request) {
		return PromptResourceResponse
			.of(Refusals.asBadRequest("Invalid prompt", () -> this.catalog.createPrompt(request.body())));
	}

	@GetMapping("/{prompt_id}")
	PromptResourceResponse get(@PathVariable("prompt_id") String promptId,
			@RequestParam(name = "version", required = false) @Nullable Integer version) {
		return PromptResourceResponse
			.of(this.catalog.prompt(checked(promptId), version).orElseThrow(() -> notFound(promptId)));
	}

	@PutMapping("/{prompt_id}")
	PromptResourceResponse update(@PathVariable("prompt_id") String promptId,
			@RequestBody PromptUpdateRequest request) {
		return PromptResourceResponse.of(Refusals.asBadRequest("Invalid prompt",
				() -> this.catalog.updatePrompt(checked(promptId), request.body())
					.orElseThrow(() -> notFound(promptId))));
	}

	@DeleteMapping("/{prompt_id}")
	PromptDeleteResponse delete(@PathVariable("prompt_id") String promptId) {
		return PromptDeleteResponse.of(promptId, this.catalog.deletePrompt(checked(promptId)));
	}

	private static String checked(String promptId) {
		if (!PROMPT_ID.matcher(promptId).matches()) {
			throw ApiException.of(HttpStatus.BAD_REQUEST, "Invalid prompt ID format",
					"The prompt ID " + promptId + " has invalid format.");
		}
		return promptId;
	}

	private static ApiException notFound(String promptId) {
		return ApiException.of(HttpStatus.NOT_FOUND, "Prompt not found",
				"Prompt with ID " + promptId + " does not exist");
	}

}
