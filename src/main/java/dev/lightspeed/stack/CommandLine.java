package dev.lightspeed.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.lightspeed.stack.config.ConfigurationDump;
import dev.lightspeed.stack.config.ConfigurationException;
import dev.lightspeed.stack.config.ConfigurationLoader;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command line of {@code lightspeed_stack.py}: {@code -c/--config},
 * {@code -d/--dump-configuration}, {@code -v/--verbose}, {@code -h/--help}.
 */
final class CommandLine {

	/** Returned by {@link #run} when the server was started and keeps running. */
	static final int SERVING = -1;

	private static final String USAGE = """
			usage: lightspeed-stack [-h] [-v] [-d] [-c CONFIG_FILE]

			options:
			  -h, --help            show this help message and exit
			  -v, --verbose         make it verbose
			  -d, --dump-configuration
			                        dump actual configuration into JSON file and quit
			  -c, --config CONFIG_FILE
			                        path to configuration file (default: lightspeed-stack.yaml)
			""";

	private final PrintStream out;

	private final PrintStream err;

	CommandLine(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(String[] args) {
		Options options = parse(args);
		if (options == null) {
			this.err.print(USAGE);
			return 2;
		}
		if (options.help) {
			this.out.print(USAGE);
			return 0;
		}
		LightspeedConfiguration configuration;
		try {
			configuration = new ConfigurationLoader().load(Path.of(options.config));
		}
		catch (ConfigurationException ex) {
			this.err.println("lightspeed-stack: invalid configuration " + options.config + ": " + ex.getMessage());
			return 1;
		}
		if (options.dump) {
			return dump(configuration);
		}
		ConfigurableApplicationContext context = start(configuration, options.verbose);
		return (context != null) ? SERVING : 1;
	}

	private int dump(LightspeedConfiguration configuration) {
		Path target = Path.of("configuration.json");
		try {
			ConfigurationDump.write(configuration, target);
			this.out.println("Configuration dumped to " + target.toAbsolutePath());
			return 0;
		}
		catch (IOException ex) {
			this.err.println("lightspeed-stack: cannot write " + target + ": " + ex.getMessage());
			return 1;
		}
	}

	private static @Nullable ConfigurableApplicationContext start(LightspeedConfiguration configuration,
			boolean verbose) {
		try {
			return new SpringApplicationBuilder(LightspeedStackApplication.class)
				.properties(ServerProperties.from(configuration, verbose))
				.initializers((context) -> context.getBeanFactory()
					.registerSingleton("lightspeedConfiguration", configuration))
				.run();
		}
		catch (RuntimeException ex) {
			// Spring Boot has already reported the failure (a failure analysis, not a
			// stack trace, for ours).
			return null;
		}
	}

	private static @Nullable Options parse(String[] args) {
		Options options = new Options();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			switch (arg) {
				case "-h", "--help" -> options.help = true;
				case "-v", "--verbose" -> options.verbose = true;
				case "-d", "--dump-configuration" -> options.dump = true;
				case "-c", "--config" -> {
					if (i + 1 >= args.length) {
						return null;
					}
					options.config = args[++i];
				}
				default -> {
					if (arg.startsWith("--config=")) {
						options.config = arg.substring("--config=".length());
					}
					else {
						return null;
					}
				}
			}
		}
		return options;
	}

	private static final class Options {

		boolean help;

		boolean verbose;

		boolean dump;

		String config = "lightspeed-stack.yaml";

	}

	/**
	 * Spring properties that follow from the {@code service} section and the flags.
	 */
	static final class ServerProperties {

		private ServerProperties() {
		}

		static Map<String, Object> from(LightspeedConfiguration configuration, boolean verbose) {
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("server.address", configuration.service().host());
			properties.put("server.port", configuration.service().port());
			properties.put("spring.output.ansi.enabled", configuration.service().colorLog() ? "always" : "never");
			if (verbose) {
				properties.put("logging.level.dev.lightspeed.stack", "DEBUG");
			}
			return properties;
		}

	}

}
