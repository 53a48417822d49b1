package dev.lightspeed.stack.config;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Configuration texts for tests: the given sections plus whichever required sections they
 * leave out, filled in minimally.
 */
final class Configs {

	private static final Map<String, String> REQUIRED = Map.of("name", "name: test\n", "service", "service: {}\n",
			"llama_stack", "llama_stack:\n  url: http://localhost:8321\n", "user_data_collection",
			"user_data_collection: {}\n");

	private Configs() {
	}

	static String yaml(String sections) {
		StringBuilder result = new StringBuilder();
		for (String key : List.of("name", "service", "llama_stack", "user_data_collection")) {
			if (!Pattern.compile("(?m)^" + key + ":").matcher(sections).find()) {
				result.append(REQUIRED.get(key));
			}
		}
		return result.append(sections).toString();
	}

	static LightspeedConfiguration load(String sections) {
		return new ConfigurationLoader((name) -> null).parse(yaml(sections));
	}

	static List<String> problems(String sections) {
		return problems(sections, Map.of());
	}

	static List<String> problems(String sections, Map<String, String> environment) {
		try {
			new ConfigurationLoader(environment::get).parse(yaml(sections));
		}
		catch (ConfigurationException ex) {
			return ex.problems();
		}
		throw new AssertionError("expected the configuration to be rejected:\n" + yaml(sections));
	}

}
