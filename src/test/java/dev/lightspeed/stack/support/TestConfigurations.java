package dev.lightspeed.stack.support;

import java.nio.file.Path;

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
	 * A minimal valid configuration (Llama Stack on localhost:8321) with more top-level
	 * sections.
	 * @param sections YAML sections, e.g. {@code authentication:}
	 * @return the configuration
	 */
	public static LightspeedConfiguration minimalWith(String sections) {
		return yaml("""
				name: test
				service: {}
				llama_stack:
				  url: http://localhost:8321
				user_data_collection: {}
				""" + sections);
	}

	/**
	 * A configuration for a whole-application test: the given Llama Stack, an SQLite
	 * database in the given directory, and more top-level sections.
	 * @param name the service name
	 * @param llamaStackUrl Llama Stack base URL
	 * @param directory where the database file goes
	 * @param sections YAML sections, {@code user_data_collection:} among them
	 * @return the configuration
	 */
	public static LightspeedConfiguration application(String name, String llamaStackUrl, Path directory,
			String sections) {
		return yaml("""
				name: %s
				service: {}
				llama_stack:
				  url: %s
				database:
				  sqlite:
				    db_path: %s/%s.db
				""".formatted(name, llamaStackUrl, directory, name.replaceAll("\\W", "-")) + sections);
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
