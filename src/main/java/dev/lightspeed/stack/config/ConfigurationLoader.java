package dev.lightspeed.stack.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads {@code lightspeed-stack.yaml}: YAML, then environment substitution, then the
 * records, each read by its components and checked by their rules ({@link ConfigReader};
 * unknown keys are warned about by path, keys of later LCS releases apart from typos),
 * then the system prompt file.
 */
public final class ConfigurationLoader {

	private static final Logger logger = LoggerFactory.getLogger(ConfigurationLoader.class);

	private final UnaryOperator<String> environment;

	/**
	 * Creates a loader that reads the process environment.
	 */
	public ConfigurationLoader() {
		this(System::getenv);
	}

	ConfigurationLoader(UnaryOperator<String> environment) {
		this.environment = environment;
	}

	/**
	 * Loads and validates a configuration file.
	 * @param file the YAML file
	 * @return the configuration
	 * @throws ConfigurationException when the file cannot be read or breaks a rule
	 */
	public LightspeedConfiguration load(Path file) {
		return parse(read(file));
	}

	/**
	 * Loads and validates configuration text.
	 * @param text the YAML text
	 * @return the configuration
	 * @throws ConfigurationException when the text breaks a rule
	 */
	public LightspeedConfiguration parse(String text) {
		JsonNode tree;
		try {
			tree = YAMLMapper.builder().build().readTree(text);
		}
		catch (JacksonException ex) {
			throw notYaml(ex);
		}
		if (!tree.isObject()) {
			throw new ConfigurationException("configuration: the file must hold a YAML mapping of keys to values");
		}
		Problems problems = new Problems();
		LightspeedConfiguration configuration = new ConfigReader(problems)
			.record(new EnvSubstitution(this.environment).apply(tree), "", LightspeedConfiguration.class);
		warnAbout(problems.unknownKeys());
		if (!problems.problems().isEmpty()) {
			throw new ConfigurationException(problems.problems());
		}
		return withSystemPrompt(Objects.requireNonNull(configuration).withUsableMcpServers());
	}

	// keys of later LCS releases in one line, keys nobody knows (typos) in another
	private static void warnAbout(List<String> unreadKeys) {
		Map<Boolean, List<String>> later = unreadKeys.stream()
			.collect(Collectors.partitioningBy(UnimplementedKeys::contains));
		if (!later.get(true).isEmpty()) {
			logger.warn("Configuration keys of LCS 0.3-0.7.1 that this service does not implement yet, ignored: {}",
					String.join(", ", later.get(true)));
		}
		if (!later.get(false).isEmpty()) {
			logger.warn("Unknown configuration keys ignored: {}", String.join(", ", later.get(false)));
		}
	}

	private static ConfigurationException notYaml(JacksonException ex) {
		TokenStreamLocation location = ex.getLocation();
		String where = (location != null && location.getLineNr() > 0)
				? " at line " + location.getLineNr() + ", column " + location.getColumnNr() : "";
		// SnakeYAML explains over several lines, with an excerpt; keep the explanation.
		String reason = String.valueOf(ex.getOriginalMessage())
			.lines()
			.filter((line) -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
			.collect(Collectors.joining("; "));
		return new ConfigurationException("configuration is not valid YAML" + where + ": " + reason);
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (NoSuchFileException ex) {
			throw new ConfigurationException("configuration file '" + file + "' does not exist");
		}
		catch (IOException ex) {
			throw new ConfigurationException("configuration file '" + file + "' cannot be read: " + ex.getMessage());
		}
	}

	private static LightspeedConfiguration withSystemPrompt(LightspeedConfiguration configuration) {
		CustomizationConfig customization = configuration.customization();
		if (customization == null || customization.systemPromptPath() == null) {
			return configuration;
		}
		Path path = Path.of(customization.systemPromptPath());
		try {
			String prompt = Files.readString(path).stripTrailing();
			return configuration.withCustomization(customization.withSystemPrompt(prompt));
		}
		catch (IOException ex) {
			// no read permission, or bytes that are not UTF-8 text: either way there is
			// no prompt to use
			throw new ConfigurationException(
					"customization.system_prompt_path: system prompt '" + path + "' is not readable");
		}
	}

}
