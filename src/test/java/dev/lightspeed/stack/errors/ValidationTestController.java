package dev.lightspeed.stack.errors;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lightspeed.stack.llamastack.LlamaStackApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints that exist only to exercise the error path.
 */
@RestController
class ValidationTestController {

	@PostMapping("/test/strict")
	StrictRequest strict(@Valid @RequestBody StrictRequest request) {
		return request;
	}

	@PostMapping("/test/lenient")
	LenientRequest lenient(@RequestBody LenientRequest request) {
		return request;
	}

	@GetMapping("/test/unexpected")
	String unexpected() {
		throw new IllegalStateException("secret internals");
	}

	@GetMapping("/test/api")
	String api() {
		throw ApiException.of(HttpStatus.NOT_FOUND, "Conversation not found", "Conversation x could not be retrieved.");
	}

	@GetMapping("/test/llama-stack")
	String llamaStack() {
		throw new LlamaStackApiException(400, "bad request");
	}

	/**
	 * A body with every kind of rule.
	 */
	@ForbidExtraFields
	@PairRule
	record StrictRequest(@NotNull String query, @JsonProperty("conversation_id") @HexId @Nullable String conversationId,
			@Nullable String provider, @Nullable String model, @Nullable Integer count, @Nullable Boolean flag,
			@Nullable List<String> tags, @Nullable Map<String, Object> options,
			@JsonProperty("user_feedback") @Size(max = 5) @Nullable String userFeedback,
			@Nullable List<@Valid Item> items, @Nullable Color color,
			@Pattern(regexp = "[a-z]+") @Nullable String slug) {
	}

	/**
	 * A nested record; unknown fields ignored.
	 */
	record Item(@NotNull String name, @Size(max = 3) @Nullable String code) {
	}

	enum Color {

		@JsonProperty("red")
		RED, @JsonProperty("green")
		GREEN, @JsonProperty("blue")
		BLUE

	}

	/**
	 * A body without {@code @ForbidExtraFields}, with a rule in its constructor.
	 */
	record LenientRequest(@NotNull String name) {

		LenientRequest {
			if ("-".equals(name)) {
				throw new IllegalArgumentException("name must not be a dash");
			}
		}

	}

}
