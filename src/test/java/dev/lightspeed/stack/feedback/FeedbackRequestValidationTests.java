package dev.lightspeed.stack.feedback;

import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule of LCS 0.2.0's {@code FeedbackRequest} (§2.2): the violation (Java property
 * path, which the 422 body shows by its JSON name) and the message the 422 body shows.
 */
class FeedbackRequestValidationTests {

	private static final String ID = "12345678-abcd-0000-0123-456789abcdef";

	private static final String BASE = "\"conversation_id\": \"" + ID
			+ "\", \"user_question\": \"foo\", \"llm_response\": \"bar\"";

	private static final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

	private static final JsonMapper json = JsonMapper.builder().build();

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					{"user_question": "q", "llm_response": "r", "sentiment": 1}                  | conversationId | Field required
					{"conversation_id": "abc", "user_question": "q", "llm_response": "r", "sentiment": 1} | conversationId | Improper conversation ID abc
					{"conversation_id": "${x}", "user_question": "q", "llm_response": "r", "sentiment": 1} | conversationId | Improper conversation ID ${x}
					{"conversation_id": "12345678-abcd-0000-0123-456789abcdef", "llm_response": "r", "sentiment": 1} | userQuestion | Field required
					{"conversation_id": "12345678-abcd-0000-0123-456789abcdef", "user_question": "q", "sentiment": 1} | llmResponse | Field required
					""")
	void requiredFieldsAndConversationId(String body, String path, String message) {
		assertThat(violations(body)).containsExactly(Map.entry(path, message));
	}

	@ParameterizedTest
	@CsvSource({ "0", "2", "-2" })
	void sentimentIsMinusOneOrOne(int sentiment) {
		assertThat(violations("{" + BASE + ", \"sentiment\": " + sentiment + "}")).containsExactly(
				Map.entry("sentiment", "Improper sentiment value of " + sentiment + ", needs to be -1 or 1"));
	}

	@Test
	void userFeedbackHasAtMost4096Characters() {
		assertThat(violations("{" + BASE + ", \"user_feedback\": \"" + "x".repeat(4096) + "\"}")).isEmpty();
		assertThat(violations("{" + BASE + ", \"user_feedback\": \"" + "x".repeat(4097) + "\"}"))
			.containsExactly(Map.entry("userFeedback", "String should have at most 4096 characters"));
	}

	@Test
	void atLeastOneFormOfFeedbackIsNeeded() {
		String message = "At least one form of feedback must be provided: 'sentiment', 'user_feedback', or 'categories'";
		assertThat(violations("{" + BASE + "}")).containsExactly(Map.entry("", message));
		assertThat(violations("{" + BASE + ", \"sentiment\": null, \"categories\": []}"))
			.containsExactly(Map.entry("", message));
	}

	@Test
	void theModelRuleWaitsForValidFields() {
		assertThat(violations("{\"conversation_id\": \"abc\", \"user_question\": \"q\", \"llm_response\": \"r\"}"))
			.containsOnlyKeys("conversationId");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			"sentiment": -1
			"sentiment": 1
			"user_feedback": ""
			"categories": ["other"]
			"unknown_field": 42, "sentiment": 1
			""")
	void validRequests(String fields) {
		assertThat(violations("{" + BASE + ", " + fields + "}")).isEmpty();
	}

	@Test
	void pythonUuidFormsAreAccepted() {
		assertThat(violations("{\"conversation_id\": \"{12345678ABCD00000123456789ABCDEF}\", \"user_question\": "
				+ "\"q\", \"llm_response\": \"r\", \"sentiment\": 1}"))
			.isEmpty();
	}

	@Test
	void categoriesAreDeduplicatedKeepingTheFirstOccurrence() {
		FeedbackRequest request = json.readValue(
				"{" + BASE + ", \"categories\": [\"unsafe\", \"incorrect\", \"unsafe\", \"other\", \"incorrect\"]}",
				FeedbackRequest.class);
		assertThat(request.categories()).containsExactly(FeedbackCategory.UNSAFE, FeedbackCategory.INCORRECT,
				FeedbackCategory.OTHER);
	}

	@Test
	void anEmptyCategoryListIsNone() {
		FeedbackRequest request = json.readValue("{" + BASE + ", \"categories\": [], \"sentiment\": 1}",
				FeedbackRequest.class);
		assertThat(request.categories()).isNull();
	}

	private static Map<String, String> violations(String body) {
		FeedbackRequest request = json.readValue(body, FeedbackRequest.class);
		Map<String, String> violations = new TreeMap<>();
		validator.validate(request)
			.forEach((violation) -> violations.put(violation.getPropertyPath().toString(), violation.getMessage()));
		return violations;
	}

}
