package dev.lightspeed.stack.llamastack.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;

/**
 * Asks the configured Python which Llama Stack it has (script {@code probe.py}), once at
 * start-up: a Python that cannot run one stops the start-up, as a configuration mistake.
 */
final class PythonProbe {

	private static final Pattern ANSWER = Pattern.compile("(?m)^(ogx|llama_stack) (\\S+)$");

	private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)=.*$", Pattern.DOTALL);

	private static final String ACTION = "Set lightspeed.llama-stack.library.python to a Python that has Llama "
			+ "Stack or OGX installed, or to a command that runs one (docs/configuration.md, library mode).";

	private final Duration timeout;

	PythonProbe(Duration timeout) {
		this.timeout = timeout;
	}

	InstalledServer probe(List<String> python) {
		List<String> command = new ArrayList<>(python);
		command.add("-c");
		command.add(script("probe.py"));
		String shown = describe(python);
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			throw new LibraryModeException("Library mode cannot run '" + shown + "': " + ex.getMessage(), ACTION);
		}
		String output = output(process, shown);
		Matcher answer = ANSWER.matcher(output);
		if (process.exitValue() != 0 || !answer.find()) {
			throw new LibraryModeException("Library mode found no Llama Stack for '" + shown + "' (exit status "
					+ process.exitValue() + "): " + lastLine(output), ACTION);
		}
		return new InstalledServer(answer.group(1), answer.group(2));
	}

	private String output(Process process, String shown) {
		try {
			// the answer is a line, so the process never waits for its output to be read
			if (!process.waitFor(this.timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new LibraryModeException(
						"Library mode: '" + shown + "' did not say which Llama Stack it has within " + this.timeout,
						ACTION);
			}
			return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new LibraryModeException("Library mode: interrupted while asking '" + shown + "'", ACTION);
		}
	}

	/**
	 * The command as the log shows it: the values of {@code NAME=value} words (an
	 * {@code env} prefix's) left out, as they may be keys.
	 */
	static String describe(List<String> python) {
		return python.stream()
			.map((word) -> ASSIGNMENT.matcher(word).replaceFirst("$1=..."))
			.collect(Collectors.joining(" "));
	}

	private static String lastLine(String output) {
		List<String> lines = output.strip().lines().toList();
		return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).strip();
	}

	static String script(String name) {
		try {
			return new ClassPathResource(name, PythonProbe.class).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
