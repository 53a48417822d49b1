package dev.lightspeed.stack.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IdentifiersTests {

	@ParameterizedTest
	@ValueSource(strings = { "00000000-0000-0000-0000-000", "123e4567-e89b-12d3-a456-426614174000", "alice",
			"alice@example.com", "system:serviceaccount:ns:sa", "conv_0123abcd" })
	void ordinaryIdsAreSafePathSegments(String id) {
		assertThat(Identifiers.isSafePathSegment(id)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "../../etc", "..", ".", "a/b", "/etc", "a\\b", "a\u0000b", "", "line\nbreak" })
	void idsThatCouldLeaveTheRootAreNotSafePathSegments(String id) {
		assertThat(Identifiers.isSafePathSegment(id)).isFalse();
	}

	@Test
	void storableIdsAreLimitedInLengthAndFreeOfControlCharacters() {
		assertThat(Identifiers.isStorable("x".repeat(255))).isTrue();
		assertThat(Identifiers.isStorable("x".repeat(256))).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> Identifiers.requireStorable("user id", "a\u0000b"))
			.withMessage("Invalid user id: a\\u0000b");
	}

}
