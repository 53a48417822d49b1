package dev.lightspeed.stack.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Loopback TCP connections as the kernel reports them (through {@code ss} of iproute2),
 * for tests that must see a connection really closed, not merely a {@code close()}
 * called. A connection is known by its two ports.
 */
public final class TcpConnections {

	private static final Pattern BYTES_RECEIVED = Pattern.compile("bytes_received:(\\d+)");

	private TcpConnections() {
	}

	/**
	 * The connections of a process to a port that receive data: a stream in progress, not
	 * a pooled connection waiting for its next request.
	 * @param pid the process
	 * @param serverPort the port it connected to
	 * @param timeout how long to wait for bytes to arrive
	 * @return the connections that received bytes, empty if none did in time
	 */
	public static Set<Connection> receiving(long pid, int serverPort, Duration timeout) throws InterruptedException {
		Map<Connection, Long> before = bytesReceived(pid, serverPort);
		long deadline = System.nanoTime() + timeout.toNanos();
		Set<Connection> receiving = Set.of();
		while (receiving.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(100);
			Map<Connection, Long> now = bytesReceived(pid, serverPort);
			receiving = now.keySet()
				.stream()
				.filter((connection) -> before.containsKey(connection) && now.get(connection) > before.get(connection))
				.collect(Collectors.toSet());
		}
		return receiving;
	}

	/**
	 * Whether either end of a connection is still open: established, or closed by the
	 * peer but not yet by this end.
	 * @param connection the connection
	 * @return false once both ends have closed it
	 */
	public static boolean open(Connection connection) {
		int client = connection.clientPort();
		int server = connection.serverPort();
		return !ss("-tanH", "state", "established", "state", "close-wait", "( sport = :" + client + " and dport = :"
				+ server + " ) or ( sport = :" + server + " and dport = :" + client + " )")
			.isEmpty();
	}

	// ss -i prints each socket on two lines: addresses and owners, then TCP details
	private static Map<Connection, Long> bytesReceived(long pid, int serverPort) {
		List<String> lines = ss("-tinpH", "state", "established", "dport = :" + serverPort);
		Map<Connection, Long> received = new HashMap<>();
		for (int i = 0; i + 1 < lines.size(); i += 2) {
			String[] fields = lines.get(i).trim().split("\\s+");
			if (fields.length < 5 || !fields[4].contains("pid=" + pid + ",")) {
				continue;
			}
			Matcher bytes = BYTES_RECEIVED.matcher(lines.get(i + 1));
			received.put(new Connection(port(fields[2]), serverPort),
					bytes.find() ? Long.parseLong(bytes.group(1)) : 0L);
		}
		return received;
	}

	private static int port(String address) {
		return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
	}

	private static List<String> ss(String... arguments) {
		List<String> command = new ArrayList<>(List.of("ss"));
		command.addAll(List.of(arguments));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (process.waitFor() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
			}
			return output.lines().filter((line) -> !line.isBlank()).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A loopback TCP connection.
	 *
	 * @param clientPort the port of the end that connected
	 * @param serverPort the port it connected to
	 */
	public record Connection(int clientPort, int serverPort) {
	}

}
