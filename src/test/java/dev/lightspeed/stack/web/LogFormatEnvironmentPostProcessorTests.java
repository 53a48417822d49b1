package dev.lightspeed.stack.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class LogFormatEnvironmentPostProcessorTests {

	@Test
	void jsonMeansElasticCommonSchemaOnTheConsole() {
		assertThat(structuredFormat(Map.of("lightspeed.logging.format", "json"))).isEqualTo("ecs");
	}

	@Test
	void environmentVariableChoosesAFormatByName() {
		assertThat(structuredFormat(Map.of("LIGHTSPEED_LOG_FORMAT", "logstash"))).isEqualTo("logstash");
	}

	@Test
	void textAndNothingKeepThePlainConsoleLog() {
		assertThat(structuredFormat(Map.of("lightspeed.logging.format", "text"))).isNull();
		assertThat(structuredFormat(Map.of())).isNull();
	}

	@Test
	void unknownFormatStopsTheStart() {
		assertThatIllegalStateException().isThrownBy(() -> structuredFormat(Map.of("LIGHTSPEED_LOG_FORMAT", "xml")))
			.withMessage("lightspeed.logging.format must be text, json, ecs, logstash or gelf, not 'xml'");
	}

	private static String structuredFormat(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		new LogFormatEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		return environment.getProperty("logging.structured.format.console");
	}

}
