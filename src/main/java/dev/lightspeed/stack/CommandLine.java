package dev.lightspeed.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import dev.lightspeed.stack.apikeys.ApiKeysCommand;
import dev.lightspeed.stack.config.ConfigurationDump;
import dev.lightspeed.stack.config.ConfigurationException;
import dev.lightspeed.stack.config.ConfigurationLoader;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.web.JettyPadding;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication.AbandonedRunException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command line of {@code lightspeed_stack.py}: {@code -c/--config},
 * {@code -d/--dump-configuration}, {@code -v/--verbose}, {@code -h/--help}.
 */
final class CommandLine {

	/** Returned by {@link #run} when the server was started and keeps running. */
	static final int SERVING = -1;

	private static final String PROGRAM = "lightspeed-stack";

	private static final String USAGE_LINE = "usage: " + PROGRAM + " [-h] [-v] [-d] [-c CONFIG_FILE] [api-keys ...]\n";

	private static final String USAGE = USAGE_LINE + """

			options:
			  -h, --help            show this help message and exit
			  -v, --verbose         make it verbose
			  -d, --dump-configuration
			                        dump actual configuration into JSON file and quit
			  -c, --config CONFIG_FILE
			                        path to configuration file (default: lightspeed-stack.yaml)

			commands:
			  api-keys              manage the API keys of the api-key-token module
			                        (api-keys -h for its commands)
			""";

	private static final List<String> QUIET_LOGGERS = List.of("org.hibernate.validator", "org.jboss.logging");

	private final PrintStream out;

	private final PrintStream err;

	private final Path workingDirectory;

	CommandLine(PrintStream out, PrintStream err) {
		this(out, err, Path.of(""));
	}

	CommandLine(PrintStream out, PrintStream err, Path workingDirectory) {
		this.out = out;
		this.err = err;
		this.workingDirectory = workingDirectory;
	}

	/**
	 * Runs the command line.
	 * @param args the arguments
	 * @return the exit status, or {@link #SERVING} when the server runs
	 */
	int run(String[] args) {
		CommandLineOptions options;
		try {
			options = CommandLineOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			this.err.print(USAGE_LINE);
			this.err.println(PROGRAM + ": error: " + ex.getMessage());
			return 2;
		}
		if (options.apiKeys != null && (options.apiKeys.isEmpty() || options.apiKeys.contains("-h")
				|| options.apiKeys.contains("--help"))) {
			(options.apiKeys.isEmpty() ? this.err : this.out).print(ApiKeysCommand.USAGE);
			return options.apiKeys.isEmpty() ? 2 : 0;
		}
		if (options.help) {
			this.out.print(USAGE);
			return 0;
		}
		if (options.apiKeys != null) {
			logToStandardError();
		}
		else {
			quietLibraryLogging();
		}
		LightspeedConfiguration configuration;
		try {
			configuration = new ConfigurationLoader().load(this.workingDirectory.resolve(options.config));
		}
		catch (ConfigurationException ex) {
			this.err.println(PROGRAM + ": invalid configuration " + options.config + ": " + ex.getMessage());
			return 1;
		}
		if (options.dump) {
			return dump(configuration);
		}
		if (options.apiKeys != null) {
			return new ApiKeysCommand(this.out, this.err).run(options.apiKeys, configuration.database(),
					configuration.authentication());
		}
		Map<String, Object> properties;
		try {
			properties = ServerProperties.from(configuration.service(), options.verbose);
		}
		catch (UncheckedIOException ex) {
			this.err.println(PROGRAM + ": invalid configuration " + options.config
					+ ": service.tls_config.tls_key_password: cannot be read: " + ex.getCause().getMessage());
			return 1;
		}
		JettyPadding.preset();
		return (start(configuration, properties) != null) ? SERVING : 1;
	}

	private int dump(LightspeedConfiguration configuration) {
		Path target = this.workingDirectory.resolve(ConfigurationDump.FILE_NAME);
		try {
			ConfigurationDump.write(configuration, target);
			this.out.println("Configuration dumped to " + target.toAbsolutePath());
			return 0;
		}
		catch (IOException ex) {
			this.err.println(PROGRAM + ": cannot write " + target + ": " + ex.getMessage());
			return 1;
		}
	}

	// Until Spring Boot configures logging, Logback's defaults apply; keep warnings
	// (unknown configuration keys) and drop library chatter such as Hibernate
	// Validator's version banner. Spring Boot resets the levels when it starts.
	private static void quietLibraryLogging() {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
			for (String name : QUIET_LOGGERS) {
				Logger logger = context.getLogger(name);
				if (logger.getLevel() == null) {
					logger.setLevel(Level.WARN);
				}
			}
		}
	}

	// A command's answer goes to standard output for scripts to read: the log goes to
	// standard error, warnings and the audit lines only.
	private void logToStandardError() {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
			context.reset();
			PatternLayoutEncoder encoder = new PatternLayoutEncoder();
			encoder.setContext(context);
			encoder.setPattern("%d{ISO8601} %-5level %logger - %msg%n");
			encoder.start();
			OutputStreamAppender<ILoggingEvent> console = new OutputStreamAppender<>();
			console.setContext(context);
			console.setEncoder(encoder);
			console.setOutputStream(this.err);
			console.start();
			Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
			root.setLevel(Level.WARN);
			root.addAppender(console);
			context.getLogger("lightspeed.audit").setLevel(Level.INFO);
		}
	}

	private static @Nullable ConfigurableApplicationContext start(LightspeedConfiguration configuration,
			Map<String, Object> properties) {
		try {
			return new SpringApplicationBuilder(LightspeedStackApplication.class).properties(properties)
				.initializers((context) -> context.getBeanFactory()
					.registerSingleton("lightspeedConfiguration", configuration))
				.run();
		}
		catch (AbandonedRunException ex) {
			// Spring AOT's build-time run (process-aot) ends here: its processor
			// needs the exception, not an exit status.
			throw ex;
		}
		catch (RuntimeException ex) {
			// Spring Boot has already reported the failure (a failure analysis, not a
			// stack trace, for ours).
			return null;
		}
	}

}
