package dev.lightspeed.stack.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.lightspeed.stack.json.PythonJson;

/**
 * Writes the effective configuration as LCS's {@code -d} does: Python
 * {@code json.dump(..., indent=4)} layout, secrets masked.
 */
public final class ConfigurationDump {

	/** The file name LCS writes, in the working directory. */
	public static final String FILE_NAME = "configuration.json";

	private ConfigurationDump() {
	}

	/**
	 * Renders {@code configuration} as indented JSON.
	 * @param configuration the configuration
	 * @return the JSON text
	 */
	public static String toJson(LightspeedConfiguration configuration) {
		return PythonJson.writeIndented(configuration);
	}

	/**
	 * Writes {@code configuration} to {@code target}.
	 * @param configuration the configuration
	 * @param target the file to write
	 * @throws IOException when the file cannot be written
	 */
	public static void write(LightspeedConfiguration configuration, Path target) throws IOException {
		Files.writeString(target, toJson(configuration));
	}

}
