package dev.lightspeed.stack.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmarks' fake Llama Stack ({@code bench/fake-llama-stack}, Go) as a process of
 * its own, built and started by {@code scripts/fake-llama-stack.sh} on a free loopback
 * port: with {@code -api responses}, an OGX 1.5.0 (Responses and Conversations APIs,
 * prompts, files, vector stores) that {@link FakeLlamaStack} (0.2.22) is not.
 */
public final class GoFakeLlamaStack implements AutoCloseable {

	private static final Pattern LISTENING = Pattern.compile("listening on (\\S+)");

	private final Process process;

	private final String address;

	private GoFakeLlamaStack(Process process, String address) {
		this.process = process;
		this.address = address;
	}

	/**
	 * Builds and starts the fake; its build output and log go to a file.
	 * @param log where its standard error goes once it listens
	 * @param flags its flags ({@code -api responses}, {@code -tokens 3})
	 * @return the running fake, once it listens
	 */
	public static GoFakeLlamaStack start(Path log, String... flags) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		if (Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
			// killed with the test JVM, as the jar (PackagedJar)
			command.addAll(List.of("/usr/bin/setpriv", "--pdeathsig", "SIGKILL", "--"));
		}
		command.addAll(List.of("scripts/fake-llama-stack.sh", "-addr", "127.0.0.1:0"));
		command.addAll(List.of(flags));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		List<String> lines = new ArrayList<>();
		CompletableFuture<String> address = CompletableFuture.supplyAsync(() -> listeningAddress(output, lines));
		try {
			String listening = address.get(5, TimeUnit.MINUTES);
			if (listening == null) {
				throw new IllegalStateException("the fake Llama Stack did not start: " + lines);
			}
			// the rest of its output, so that it never blocks on a full pipe
			Thread.ofVirtual().start(() -> output.lines().forEach((line) -> append(log, line)));
			return new GoFakeLlamaStack(process, listening);
		}
		catch (Exception ex) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			throw new IllegalStateException("the fake Llama Stack did not start: " + lines, ex);
		}
	}

	private static String listeningAddress(BufferedReader output, List<String> lines) {
		try {
			for (String line = output.readLine(); line != null; line = output.readLine()) {
				lines.add(line);
				Matcher listening = LISTENING.matcher(line);
				if (listening.find()) {
					return listening.group(1);
				}
			}
			return null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static void append(Path log, String line) {
		try {
			Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			// the log is for reading after a failure; losing a line of it changes nothing
		}
	}

	public String baseUrl() {
		return "http://" + this.address;
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

}
