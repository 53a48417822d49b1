package dev.lightspeed.stack.storage;

/**
 * Checks the ids (user ids, conversation ids) that end up in SQL parameters or file
 * paths. SQL always uses bind parameters; these checks keep absurd values out of the
 * database and keep every path inside its storage root.
 */
public final class Identifiers {

	/** The longest id accepted, in characters. */
	public static final int MAX_LENGTH = 255;

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
	 * Whether a value can be used as one directory or file name under a root without
	 * leaving it: storable, not {@code .} or {@code ..}, no {@code /} or {@code \}.
	 * @param value the name
	 * @return true when safe
	 */
	public static boolean isSafePathSegment(String value) {
		return isStorable(value) && !value.equals(".") && !value.equals("..") && value.indexOf('/') < 0
				&& value.indexOf('\\') < 0;
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
