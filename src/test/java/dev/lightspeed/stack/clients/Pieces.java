package dev.lightspeed.stack.clients;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A client's read buffer: {@code buffer += text; parts = buffer.split(separator);
 * buffer = parts.pop()}. Only pieces followed by the separator come out; what follows the
 * last separator waits for more text, and is never read if none comes.
 */
final class Pieces {

	private final Pattern separator;

	private String buffer = "";

	Pieces(String separator) {
		this.separator = Pattern.compile(Pattern.quote(separator));
	}

	List<String> append(String text) {
		String[] parts = this.separator.split(this.buffer + text, -1);
		this.buffer = parts[parts.length - 1];
		return Arrays.asList(parts).subList(0, parts.length - 1);
	}

}
