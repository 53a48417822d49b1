package dev.lightspeed.stack.llamastack.library;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the server: the configured Python runs {@code launch.py}, which gets the run
 * configuration on its standard input, makes it listen on loopback at the chosen port and
 * runs the generation's server module. The standard input then stays open for as long as
 * the server should run: when this JVM ends, killed or not, the kernel closes it and
 * {@code launch.py} stops the server (a JVM cannot have the kernel signal a child when it
 * dies; this needs neither native code nor a tool such as {@code setpriv}).
 */
final class ServerLauncher {

	private static final String SCRIPT = PythonProbe.script("launch.py");

	private final List<String> python;

	private final ServerCommand command;

	private final Path runConfiguration;

	private final int port;

	private final Duration stopTimeout;

	ServerLauncher(List<String> python, ServerCommand command, Path runConfiguration, int port, Duration stopTimeout) {
		this.python = List.copyOf(python);
		this.command = command;
		this.runConfiguration = runConfiguration;
		this.port = port;
		this.stopTimeout = stopTimeout;
	}

	/**
	 * Starts the server, its output followed by {@link ServerOutput}.
	 * @return the process; the caller must not close its standard input
	 * @throws IOException when the run configuration cannot be read or the Python cannot
	 * be started
	 */
	Process start() throws IOException {
		// read at every start, so that a restart runs the file as it is now
		byte[] configuration = Files.readAllBytes(this.runConfiguration);
		List<String> commandLine = new ArrayList<>(this.python);
		commandLine.addAll(List.of("-c", SCRIPT, Double.toString(this.stopTimeout.toMillis() / 1000.0),
				Integer.toString(this.port), this.command.module()));
		commandLine.addAll(this.command.arguments());
		ProcessBuilder builder = new ProcessBuilder(commandLine);
		// Llama Stack's log wraps its records at the terminal's width, 80 columns without
		// one
		builder.environment().putIfAbsent("COLUMNS", "200");
		Process process = builder.start();
		ServerOutput.follow(process);
		try {
			OutputStream input = process.getOutputStream();
			input.write((configuration.length + "\n").getBytes(StandardCharsets.US_ASCII));
			input.write(configuration);
			input.flush();
		}
		catch (IOException ex) {
			// it exited before reading it; its output says why
			process.destroyForcibly();
			throw new IOException("the server exited at once: " + ex.getMessage(), ex);
		}
		return process;
	}

}
