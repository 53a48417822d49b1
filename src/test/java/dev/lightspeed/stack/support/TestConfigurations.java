package dev.lightspeed.stack.support;

import dev.lightspeed.stack.config.ConfigurationLoader;
import dev.lightspeed.stack.config.LightspeedConfiguration;

/**
 * Configurations for tests, written as the YAML a user would write.
 */
public final class TestConfigurations {

	private TestConfigurations() {
	}

	/**
	 * A minimal valid configuration pointing at the given Llama Stack.
	 * @param llamaStackUrl Llama Stack base URL
	 * @return the configuration
	 */
	public static LightspeedConfiguration minimal(String llamaStackUrl) {
		return yaml("""
				name: test
				service: {}
				llama_stack:
				  url: %s
				user_data_collection: {}
				""".formatted(llamaStackUrl));
	}

	/**
	 * Parses and validates configuration text.
	 * @param yaml the YAML text
	 * @return the configuration
	 */
	public static LightspeedConfiguration yaml(String yaml) {
		return new ConfigurationLoader().parse(yaml);
	}

}
