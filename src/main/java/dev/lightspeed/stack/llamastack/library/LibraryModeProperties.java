package dev.lightspeed.stack.llamastack.library;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How library mode runs Llama Stack ({@code application.properties}, or environment
 * variables such as {@code LIGHTSPEED_LLAMASTACK_LIBRARY_PYTHON}); what it runs comes
 * from {@code llama_stack.library_client_config_path}.
 *
 * @param python the Python that has Llama Stack or OGX installed: an interpreter, or a
 * command that runs one followed by its arguments ({@code chroot}, {@code env}, ...)
 * @param port the loopback port of the server, 0 for a free one
 * @param startTimeout how long a started server may take to answer {@code /v1/health}
 * before it is stopped and started again
 * @param stopTimeout how long a server may take to stop after SIGTERM before it is killed
 */
@ConfigurationProperties("lightspeed.llama-stack.library")
record LibraryModeProperties(@DefaultValue("python3") List<String> python, @DefaultValue("0") int port,
		@DefaultValue("5m") Duration startTimeout, @DefaultValue("10s") Duration stopTimeout) {

	private static final String PREFIX = "lightspeed.llama-stack.library.";

	LibraryModeProperties {
		python = List.copyOf(python);
		require(!python.isEmpty() && python.stream().noneMatch(String::isBlank), "python",
				"must name a Python interpreter, or a command and its arguments, without empty words");
		require(port >= 0 && port < 65536, "port", "must be 0 (a free port) or a port number below 65536");
		require(startTimeout.isPositive(), "start-timeout", "must be positive");
		require(stopTimeout.isPositive(), "stop-timeout", "must be positive");
	}

	private static void require(boolean holds, String property, String rule) {
		if (!holds) {
			throw new LibraryModeException(PREFIX + property + ": " + rule,
					"Correct " + PREFIX + property + " (docs/configuration.md, library mode).");
		}
	}

}
