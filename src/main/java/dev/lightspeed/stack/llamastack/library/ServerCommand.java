package dev.lightspeed.stack.llamastack.library;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How each generation is started as a server: the Python module to run and its arguments,
 * {@value #CONFIG} standing for the run configuration's path.
 *
 * @param module the module run as {@code __main__}
 * @param arguments its command line
 */
record ServerCommand(String module, List<String> arguments) {

	static final String CONFIG = "{config}";

	private static final Pattern MAJOR_MINOR_PATCH = Pattern.compile("^(\\d{1,9})\\.(\\d{1,9})(?:\\.(\\d{1,9}))?");

	// the oldest Llama Stack this service speaks to (its CLI moved to llama_stack.core in
	// that release, too)
	private static final int[] OLDEST = { 0, 2, 17 };

	private static final int[] FIRST_WITH_STACK_RUN_IN_PROCESS = { 0, 3, 0 };

	ServerCommand {
		arguments = List.copyOf(arguments);
	}

	static ServerCommand of(InstalledServer server, int port) {
		String portText = Integer.toString(port);
		if ("ogx".equals(server.module())) {
			// OGX refuses plain HTTP unless told it is meant; it listens on loopback only
			return new ServerCommand("ogx.cli.ogx", List.of("run", CONFIG, "--port", portText, "--insecure"));
		}
		int[] version = version(server);
		if (Arrays.compare(version, OLDEST) < 0) {
			throw new LibraryModeException(
					"Library mode runs Llama Stack 0.2.17 or later, or OGX; the Python has " + server,
					"Install a newer Llama Stack into that Python, or point lightspeed.llama-stack.library.python "
							+ "at another one.");
		}
		if (Arrays.compare(version, FIRST_WITH_STACK_RUN_IN_PROCESS) < 0) {
			// 0.2.x: the server module has a __main__ of its own
			return new ServerCommand("llama_stack.core.server.server", List.of(CONFIG, "--port", portText));
		}
		// 0.3+: the server module has none; the CLI runs the server in its own process
		return new ServerCommand("llama_stack.cli.llama", List.of("stack", "run", CONFIG, "--port", portText));
	}

	private static int[] version(InstalledServer server) {
		Matcher matcher = MAJOR_MINOR_PATCH.matcher(server.version());
		if (!matcher.find()) {
			throw new LibraryModeException("Library mode cannot read the version of the Python's " + server,
					"Install a released Llama Stack into that Python.");
		}
		String patch = matcher.group(3);
		return new int[] { Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
				(patch != null) ? Integer.parseInt(patch) : 0 };
	}

}
