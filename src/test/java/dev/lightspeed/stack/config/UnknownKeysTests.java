package dev.lightspeed.stack.config;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys the schema does not know are accepted (as LCS 0.2.0 does) with one warning naming
 * them.
 */
class UnknownKeysTests {

	private final Logger logger = (Logger) LoggerFactory.getLogger(ConfigurationLoader.class);

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	@BeforeEach
	void captureLog() {
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	@AfterEach
	void releaseLog() {
		this.logger.detachAppender(this.appender);
	}

	@Test
	void unknownKeysShouldBeNamedInOneWarning() {
		LightspeedConfiguration configuration = Configs.load("""
				service: {port: 8081, foo: 1}
				foo: {bar: baz}
				mcp_servers: [{name: a, url: 'http://a', headers: [x]}]
				""");
		assertThat(configuration.service().port()).isEqualTo(8081);
		assertThat(warnings()).singleElement()
			.asString()
			.startsWith("Unknown configuration keys ignored: ")
			.contains("service.foo", "mcp_servers[0].headers")
			.matches(".*: (.*, )?foo(, .*)?$");
	}

	@Test
	void sectionsThatLcs020DoesNotKnowShouldBeWarnedAbout() {
		Configs.load("conversation_cache: {type: memory}\nauthentication: {skip_userid_check: true}\n");
		assertThat(warnings()).singleElement()
			.asString()
			.contains("conversation_cache", "authentication.skip_userid_check");
	}

	@Test
	void knownKeysShouldNotBeWarnedAbout() {
		Configs.load("service: {port: 8081}\nuser_data_collection: {data_collector: {connection_timeout: 3}}\n");
		assertThat(warnings()).isEmpty();
	}

	private List<String> warnings() {
		return this.appender.list.stream()
			.filter((event) -> event.getLevel() == Level.WARN)
			.map(ILoggingEvent::getFormattedMessage)
			.toList();
	}

}
