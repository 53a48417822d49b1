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

}
