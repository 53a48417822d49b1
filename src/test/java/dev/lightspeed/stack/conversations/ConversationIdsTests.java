package dev.lightspeed.stack.conversations;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationIdsTests {

	@ParameterizedTest
	@ValueSource(strings = { "123e4567-e89b-12d3-a456-426614174000", "123E4567E89B12D3A456426614174000",
			"{123e4567-e89b-12d3-a456-426614174000}", "urn:uuid:123e4567-e89b-12d3-a456-426614174000" })
	void pythonAcceptedFormsAreCanonicalised(String id) {
		assertThat(ConversationIds.canonical(id)).hasValue("123e4567-e89b-12d3-a456-426614174000");
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "../../etc/passwd", "123e4567-e89b-12d3-a456-42661417400", "",
			"123e4567-e89b-12d3-a456-426614174000/..", "00000000-0000-0000-0000-000" })
	void anythingElseIsRejected(String id) {
		assertThat(ConversationIds.isValid(id)).isFalse();
	}

}
