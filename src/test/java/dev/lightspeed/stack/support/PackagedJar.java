package dev.lightspeed.stack.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The executable jar that Maven's package phase built (Failsafe passes its path as
 * {@code lightspeed.jar}), started as operators start it: {@code java -jar <jar> -c
 * <config>}. Llama Stack is left unreachable: the service starts anyway.
 */
public final class PackagedJar {

	private PackagedJar() {
	}

	/**
	 * Writes {@code lightspeed-stack.yaml} into a directory: loopback on a free port, an
	 * SQLite database in the directory, Llama Stack unreachable, and more sections.
	 * @param directory where the file and the database go
	 * @param name the service name
	 * @param sections more top-level YAML sections, {@code user_data_collection:} among
	 * them
	 * @return the file
	 */
	public static Path writeConfiguration(Path directory, String name, String sections) throws IOException {
		return writeConfiguration(directory, name, freePort(), "http://127.0.0.1:9", sections);
	}

	/**
	 * Writes {@code lightspeed-stack.yaml} into a directory: loopback on a port, an
	 * SQLite database in the directory, a Llama Stack, and more sections.
	 * @param directory where the file and the database go
	 * @param name the service name
	 * @param port the service's port
	 * @param llamaStackUrl Llama Stack's base URL
	 * @param sections more top-level YAML sections
	 * @return the file
	 */
	public static Path writeConfiguration(Path directory, String name, int port, String llamaStackUrl, String sections)
			throws IOException {
		return Files.writeString(directory.resolve("lightspeed-stack.yaml"), """
				name: %s
				service:
				  host: 127.0.0.1
				  port: %d
				llama_stack:
				  url: %s
				database:
				  sqlite:
				    db_path: %s/%s.db
				""".formatted(name, port, llamaStackUrl, directory, name) + sections);
	}

	/**
	 * A loopback port that nothing listens on now.
	 * @return the port
	 * @throws IOException when none can be bound
	 */
	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * The command that starts the jar with this JVM's {@code java}. Where {@code setpriv}
	 * is installed (as on the CI machines), the process is killed when the test JVM dies.
	 * @param config the configuration file
	 * @param javaOptions options before {@code -jar}, e.g. {@code @scripts/jvm-options}
	 * @return the process builder
	 */
	public static ProcessBuilder command(Path config, String... javaOptions) {
		List<String> command = new ArrayList<>();
		if (Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
			command.addAll(List.of("/usr/bin/setpriv", "--pdeathsig", "SIGKILL", "--"));
		}
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(List.of(javaOptions));
		command.addAll(List.of("-jar", System.getProperty("lightspeed.jar"), "-c", config.toString()));
		return new ProcessBuilder(command);
	}

}
