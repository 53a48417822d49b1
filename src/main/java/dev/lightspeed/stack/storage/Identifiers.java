package dev.lightspeed.stack.storage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks the ids (user ids, conversation ids) that end up in SQL parameters or file
 * paths. SQL always uses bind parameters; these checks keep absurd values out of the
 * database and keep every path inside its storage root.
 */
public final class Identifiers {

	/** The longest id accepted, in characters. */
	public static final int MAX_LENGTH = 255;

	/** The longest file name Linux file systems take, in bytes. */
	static final int MAX_NAME_BYTES = 255;

	private Identifiers() {
	}

	/**
	 * Whether a value may be stored as an id: 1 to 255 characters, no control characters.
	 * @param value the id
	 * @return true when acceptable
	 */
	public static boolean isStorable(String value) {
		if (value.isEmpty() || value.length() > MAX_LENGTH) {
			return false;
		}
		return value.chars().noneMatch(Character::isISOControl);
	}

	/**
	 * Checks an id before it reaches SQL.
	 * @param kind what the id is, for the message
	 * @param value the id
	 * @return the id
	 * @throws IllegalArgumentException when it is not {@link #isStorable storable}
	 */
	public static String requireStorable(String kind, String value) {
		if (!isStorable(value)) {
			throw new IllegalArgumentException("Invalid " + kind + ": " + printable(value));
		}
		return value;
	}

	/**
	 * The directory path, relative to a storage root, that an id names, laid out as LCS
	 * 0.2.0 lays it out: the id read as a POSIX path, without its empty and {@code .}
	 * segments ({@code normpath("/" + id)} without the leading {@code /}). So
	 * {@code user:default/guest} is two directories and {@code https://idp/u} is
	 * {@code https:/idp/u}. Empty, where LCS would file the data under another name or
	 * fail, when the id has a {@code ..} segment, nothing is left, it has a control
	 * character (NUL cannot be in a file name; CR and LF break line-based tools), or a
	 * segment is longer than a file name may be ({@value #MAX_NAME_BYTES} bytes). What is
	 * returned never leaves the root.
	 * @param id the user or conversation id
	 * @return the {@code /}-separated relative path, or empty when the id is refused
	 */
	public static Optional<String> relativePath(String id) {
		if (id.chars().anyMatch(Character::isISOControl)) {
			return Optional.empty();
		}
		List<String> segments = new ArrayList<>();
		for (String segment : id.split("/")) {
			if (segment.isEmpty() || segment.equals(".")) {
				continue;
			}
			if (segment.equals("..") || segment.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
				return Optional.empty();
			}
			segments.add(segment);
		}
		return segments.isEmpty() ? Optional.empty() : Optional.of(String.join("/", segments));
	}

	/**
	 * A form of a value that is safe to log: control characters escaped, length capped.
	 * @param value the value
	 * @return the printable form
	 */
	public static String printable(String value) {
		StringBuilder builder = new StringBuilder();
		value.codePoints().limit(MAX_LENGTH).forEach((c) -> {
			if (Character.isISOControl(c)) {
				builder.append(String.format("\\u%04x", c));
			}
			else {
				builder.appendCodePoint(c);
			}
		});
		return builder.toString();
	}

}
