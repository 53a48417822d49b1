package dev.lightspeed.stack.web;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code lightspeed.logging.format} (or the environment variable
 * {@code LIGHTSPEED_LOG_FORMAT}): {@code text} (default) or {@code json}, which is Boot's
 * structured console logging in the Elastic Common Schema; {@code ecs}, {@code logstash}
 * and {@code gelf} choose a structured format by name. Applied before the logging system
 * starts.
 */
class LogFormatEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY = "lightspeed.logging.format";

	static final String ENVIRONMENT_VARIABLE = "LIGHTSPEED_LOG_FORMAT";

	private static final Set<String> STRUCTURED = Set.of("ecs", "logstash", "gelf");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String format = environment.getProperty(PROPERTY, environment.getProperty(ENVIRONMENT_VARIABLE, "text"))
			.strip()
			.toLowerCase(Locale.ROOT);
		if (format.isEmpty() || format.equals("text")) {
			return;
		}
		String structured = format.equals("json") ? "ecs" : format;
		if (!STRUCTURED.contains(structured)) {
			throw new IllegalStateException(
					PROPERTY + " must be text, json, ecs, logstash or gelf, not '" + format + "'");
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource("lightspeedLogFormat",
					Map.of("logging.structured.format.console", structured)));
	}

	@Override
	public int getOrder() {
		// After application.properties is read, so the property may be set there too.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
