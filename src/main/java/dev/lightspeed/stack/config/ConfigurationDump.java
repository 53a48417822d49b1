package dev.lightspeed.stack.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the effective configuration as JSON, secrets masked, indented by four spaces as
 * LCS's {@code -d} does.
 */
public final class ConfigurationDump {

	private ConfigurationDump() {
	}

	/**
	 * Writes {@code configuration} to {@code target}.
	 * @param configuration the configuration
	 * @param target the file to write
	 * @throws IOException when the file cannot be written
	 */
	public static void write(LightspeedConfiguration configuration, Path target) throws IOException {
		DefaultPrettyPrinter printer = new DefaultPrettyPrinter(
				Separators.createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER))
			.withObjectIndenter(new DefaultIndenter("    ", "\n"))
			.withArrayIndenter(new DefaultIndenter("    ", "\n"));
		String json = JsonMapper.builder().build().writer().with(printer).writeValueAsString(configuration);
		Files.writeString(target, json + "\n");
	}

}
