package dev.lightspeed.stack.llamastack.library;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Logs a server's output line by line under the logger {@code llama-stack}. A line that
 * starts with a Python log level ({@code INFO}, {@code WARNING}, uvicorn's {@code INFO:})
 * is logged at that level, an indented line (Llama Stack wraps its records, a traceback
 * indents its frames) at the level of the line before; any other line at INFO on stdout
 * and at WARN on stderr, where Python writes its tracebacks and warnings.
 */
final class ServerOutput {

	static final Logger logger = LoggerFactory.getLogger("llama-stack");

	private static final Pattern LEVEL = Pattern.compile("^(DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL|FATAL)(?=[\\s:]|$)");

	private static final Pattern TERMINAL_ESCAPES = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");

	private ServerOutput() {
	}

	static void follow(Process process) {
		String name = "llama-stack-" + process.pid();
		Thread.ofVirtual().name(name + "-out").start(() -> copy(process.getInputStream(), Level.INFO));
		Thread.ofVirtual().name(name + "-err").start(() -> copy(process.getErrorStream(), Level.WARN));
	}

	static void copy(InputStream output, Level unmarked) {
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
			Level previous = unmarked;
			String line;
			while ((line = lines.readLine()) != null) {
				String text = TERMINAL_ESCAPES.matcher(line).replaceAll("").stripTrailing();
				if (!text.isEmpty()) {
					previous = level(text, previous, unmarked);
					logger.atLevel(previous).log(text);
				}
			}
		}
		catch (IOException ex) {
			// the process is gone and its output closed under us: nothing more to log
		}
	}

	static Level level(String line, Level previous, Level unmarked) {
		Matcher level = LEVEL.matcher(line);
		if (level.find()) {
			return switch (level.group(1)) {
				case "DEBUG" -> Level.DEBUG;
				case "INFO" -> Level.INFO;
				case "WARNING", "WARN" -> Level.WARN;
				default -> Level.ERROR;
			};
		}
		return Character.isWhitespace(line.charAt(0)) ? previous : unmarked;
	}

}
