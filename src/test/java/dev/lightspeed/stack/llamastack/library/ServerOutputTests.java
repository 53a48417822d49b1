package dev.lightspeed.stack.llamastack.library;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's output is logged line by line under {@code llama-stack}, at the level each
 * record names, its wrapped and indented lines at the level of their record.
 */
class ServerOutputTests {

	private final Logger logger = (Logger) ServerOutput.logger;

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	@BeforeEach
	void captureLog() {
		this.appender.start();
		this.logger.addAppender(this.appender);
		this.logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
	}

	@AfterEach
	void releaseLog() {
		this.logger.detachAppender(this.appender);
		this.logger.setLevel(null);
	}

	@Test
	void llamaStackRecordsShouldKeepTheirLevelsAndTheirWrappedLinesWithThem() {
		copy("""
				INFO     2026-12-07 09:54:25,324 llama_stack.cli.stack.run:147 cli: Using stack configuration:   \s
				         /var/lib/run.yaml
				WARNING  2026-12-07T09:54:46.267038Z  ogx.cli.stack.run:217 TLS is not enabled
				         Set tls_certfile and tls_keyfile in server config to enable HTTPS.
				ERROR    2026-12-07 09:54:30,001 core: provider failed
				DEBUG    2026-12-07 09:54:30,002 core: details
				INFO:     Uvicorn running on http://127.0.0.1:8321 (Press CTRL+C to quit)

				plain line
				""", Level.INFO);
		assertThat(logged()).containsExactly(
				"INFO INFO     2026-12-07 09:54:25,324 llama_stack.cli.stack.run:147 cli: Using stack configuration:",
				"INFO          /var/lib/run.yaml",
				"WARN WARNING  2026-12-07T09:54:46.267038Z  ogx.cli.stack.run:217 TLS is not enabled",
				"WARN          Set tls_certfile and tls_keyfile in server config to enable HTTPS.",
				"ERROR ERROR    2026-12-07 09:54:30,001 core: provider failed",
				"DEBUG DEBUG    2026-12-07 09:54:30,002 core: details",
				"INFO INFO:     Uvicorn running on http://127.0.0.1:8321 (Press CTRL+C to quit)", "INFO plain line");
	}

	@Test
	void stderrLinesWithoutALevelShouldBeWarningsWithTheirTraceback() {
		copy("""
				Traceback (most recent call last):
				  File "/opt/ls/lib/python3.13/site-packages/llama_stack/core/stack.py", line 1, in construct
				    raise ValueError(msg)
				ValueError: Failed to connect to vLLM
				""", Level.WARN);
		assertThat(logged()).allMatch((line) -> line.startsWith("WARN ")).hasSize(4);
	}

	@Test
	void terminalColoursShouldBeRemoved() {
		copy("\u001B[32mINFO\u001B[0m     started\n", Level.WARN);
		assertThat(logged()).containsExactly("INFO INFO     started");
	}

	private void copy(String output, Level unmarked) {
		ServerOutput.copy(new ByteArrayInputStream(output.getBytes(StandardCharsets.UTF_8)), unmarked);
	}

	private List<String> logged() {
		return this.appender.list.stream()
			.map((event) -> event.getLevel() + " " + event.getFormattedMessage())
			.toList();
	}

}
