package dev.lightspeed.stack.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path.Node;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads {@code lightspeed-stack.yaml}: YAML, then environment substitution, then binding
 * into records (unknown keys are warned about by path), then Bean Validation, then the
 * system prompt file.
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
		List<String> unknownKeys = new ArrayList<>();
		YAMLMapper mapper = YAMLMapper.builder().addHandler(new UnknownKeyCollector(unknownKeys)).build();
		JsonNode tree;
		try {
			tree = mapper.readTree(text);
		}
		catch (JacksonException ex) {
			throw new ConfigurationException("not valid YAML: " + ex.getOriginalMessage());
		}
		if (tree == null || !tree.isObject()) {
			throw new ConfigurationException("the configuration must be a YAML mapping");
		}
		JsonNode substituted = new EnvSubstitution(this.environment).apply(tree);
		LightspeedConfiguration configuration;
		try {
			configuration = mapper.treeToValue(substituted, LightspeedConfiguration.class);
		}
		catch (DatabindException ex) {
			throw new ConfigurationException(pathOf(ex) + ": " + ex.getOriginalMessage());
		}
		if (!unknownKeys.isEmpty()) {
			logger.warn("Unknown configuration keys ignored: {}", String.join(", ", unknownKeys));
		}
		validate(configuration);
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

	private static void validate(LightspeedConfiguration configuration) {
		try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
			Validator validator = factory.getValidator();
			List<String> problems = validator.validate(configuration)
				.stream()
				.sorted(Comparator.comparing((ConstraintViolation<?> v) -> v.getPropertyPath().toString()))
				.map((violation) -> keyPath(violation.getPropertyPath()) + ": " + violation.getMessage())
				.toList();
			if (!problems.isEmpty()) {
				throw new ConfigurationException(problems);
			}
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
			throw new ConfigurationException(
					"customization.system_prompt_path: system prompt '" + path + "' is not readable");
		}
	}

	static String keyPath(jakarta.validation.Path path) {
		StringBuilder result = new StringBuilder();
		for (Node node : path) {
			if (node.getIndex() != null) {
				result.append('[').append(node.getIndex()).append(']');
			}
			if (node.getName() != null) {
				if (!result.isEmpty()) {
					result.append('.');
				}
				result.append(snakeCase(node.getName()));
			}
		}
		return result.toString();
	}

	private static String pathOf(DatabindException ex) {
		StringBuilder result = new StringBuilder();
		for (var reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!result.isEmpty()) {
					result.append('.');
				}
				result.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				result.append('[').append(reference.getIndex()).append(']');
			}
		}
		return result.isEmpty() ? "(root)" : result.toString();
	}

	static String snakeCase(String name) {
		return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * Records unknown keys by path and skips them.
	 */
	private static final class UnknownKeyCollector extends DeserializationProblemHandler {

		private final List<String> keys;

		UnknownKeyCollector(List<String> keys) {
			this.keys = keys;
		}

		@Override
		public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
				ValueDeserializer<?> deserializer, Object beanOrClass, String propertyName) {
			this.keys.add(pointerToPath(p.streamReadContext().pathAsPointer().toString()));
			p.skipChildren();
			return true;
		}

		private static String pointerToPath(String pointer) {
			StringBuilder result = new StringBuilder();
			for (String segment : pointer.substring(1).split("/")) {
				if (segment.matches("\\d+")) {
					result.append('[').append(segment).append(']');
				}
				else {
					if (!result.isEmpty()) {
						result.append('.');
					}
					result.append(segment.replace("~1", "/").replace("~0", "~"));
				}
			}
			return result.toString();
		}

	}

}
