package dev.lightspeed.stack.json;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PythonLiteralTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void parsesTheLiteralsLlamaStackPrints() {
		assertThat(PythonLiteral
			.parse("{'a': None, \"b\": True, 'c': False, 'd': [1, 2.5, (3,)], 'e': 'it\\'s', 'f': {'g': -4}}"))
			.isEqualTo(JSON
				.readTree("{\"a\":null,\"b\":true,\"c\":false,\"d\":[1,2.5,[3]],\"e\":\"it's\",\"f\":{\"g\":-4}}"));
	}

	@Test
	void rejectsWhatIsNotALiteral() {
		assertThatIllegalArgumentException().isThrownBy(() -> PythonLiteral.parse("{'a': foo()}"));
		assertThatIllegalArgumentException().isThrownBy(() -> PythonLiteral.parse("{'a': 1"));
		assertThatIllegalArgumentException().isThrownBy(() -> PythonLiteral.parse("{1: 2}"));
	}

	@Test
	void reprRoundTripsWhatPythonWouldPrint() {
		assertThat(PythonRepr
			.of(JSON.readTree("{\"violation_type\":\"S1\",\"n\":null,\"ok\":true,\"list\":[1,2.5],\"q\":\"it's\"}")))
			.isEqualTo("{'violation_type': 'S1', 'n': None, 'ok': True, 'list': [1, 2.5], 'q': \"it's\"}");
	}

}
