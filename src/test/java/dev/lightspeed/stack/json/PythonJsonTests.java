package dev.lightspeed.stack.json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PythonJsonTests {

	@Test
	void writesLikePythonJsonDumps() {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("id", 1);
		data.put("token", "caf\u00e9 \"q\"");
		data.put("empty", List.of());
		data.put("nested", Map.of());
		data.put("list", List.of(1, 2));
		data.put("none", null);
		assertThat(PythonJson.write(data)).isEqualTo(
				"{\"id\": 1, \"token\": \"caf\\u00e9 \\\"q\\\"\", \"empty\": [], \"nested\": {}, \"list\": [1, 2], \"none\": null}");
	}

	@Test
	void writesIndentedLikePythonJsonDumpsWithIndentFour() {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("a", List.of(1, Map.of("b", List.of())));
		data.put("c", Map.of());
		data.put("d", "\u00e9");
		// python3 -c 'import json; print(json.dumps({"a": [1, {"b": []}], "c": {}, "d":
		// "é"}, indent=4))'
		assertThat(PythonJson.writeIndented(data)).isEqualTo("""
				{
				    "a": [
				        1,
				        {
				            "b": []
				        }
				    ],
				    "c": {},
				    "d": "\\u00e9"
				}""");
	}

}
