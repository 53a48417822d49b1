package dev.lightspeed.stack.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads {@code lightspeed-stack.yaml}: YAML, then environment substitution, then binding
 * into records (unknown keys are warned about by path), then Bean Validation, then the
 * system prompt file.
 */
public final class ConfigurationLoader {

	private static final Logger logger = LoggerFactory.getLogger(ConfigurationLoader.class);

	// Required sections that a user may leave empty ("service:" is YAML null).
	private static final List<String> SECTIONS = List.of("service", "llama_stack", "user_data_collection");

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
		BindingProblems problems = new BindingProblems();
		YAMLMapper mapper = YAMLMapper.builder()
			.addHandler(problems)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.build();
		JsonNode tree;
		try {
			tree = mapper.readTree(text);
		}
		catch (JacksonException ex) {
			throw ConfigurationErrors.notYaml(ex);
		}
		if (!(tree instanceof ObjectNode)) {
			throw new ConfigurationException("configuration: the file must hold a YAML mapping of keys to values");
		}
		ObjectNode substituted = (ObjectNode) new EnvSubstitution(this.environment).apply(tree);
		SECTIONS.stream()
			.filter((section) -> substituted.has(section) && substituted.get(section).isNull())
			.forEach(substituted::putObject);
		LightspeedConfiguration configuration;
		try {
			configuration = mapper.treeToValue(substituted, LightspeedConfiguration.class);
		}
		catch (JacksonException ex) {
			throw ConfigurationErrors.binding(ex);
		}
		if (!problems.unknownKeys().isEmpty()) {
			logger.warn("Unknown configuration keys ignored: {}", String.join(", ", problems.unknownKeys()));
		}
		Set<ConstraintViolation<LightspeedConfiguration>> violations = Validators.INSTANCE.validate(configuration);
		if (!violations.isEmpty()) {
			throw ConfigurationErrors.violations(violations);
		}
		return withSystemPrompt(configuration);
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

	// Built once: a validator factory is expensive and logs its version when created.
	private static final class Validators {

		static final Validator INSTANCE = Validation.buildDefaultValidatorFactory().getValidator();

	}

}
