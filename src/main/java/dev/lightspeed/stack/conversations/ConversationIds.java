package dev.lightspeed.stack.conversations;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Conversation ids are UUIDs, accepted as Python's {@code uuid.UUID} accepts them
 * (hyphens optional, braces and {@code urn:uuid:} tolerated, any case) and used in
 * canonical form, so they are safe in SQL and file paths.
 */
public final class ConversationIds {

	private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");

	private ConversationIds() {
	}

	/**
	 * The canonical form of an id: 36 lower-case characters with hyphens.
	 * @param id the id as a client sent it
	 * @return the canonical id, empty when it is not a UUID
	 */
	public static Optional<String> canonical(String id) {
		String hex = id.strip();
		if (hex.startsWith("urn:")) {
			hex = hex.substring(4);
		}
		if (hex.startsWith("uuid:")) {
			hex = hex.substring(5);
		}
		if (hex.startsWith("{") && hex.endsWith("}")) {
			hex = hex.substring(1, hex.length() - 1);
		}
		hex = hex.replace("-", "");
		if (!HEX32.matcher(hex).matches()) {
			return Optional.empty();
		}
		hex = hex.toLowerCase(Locale.ROOT);
		return Optional.of(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
				+ hex.substring(16, 20) + "-" + hex.substring(20));
	}

	/**
	 * Whether an id is a UUID.
	 * @param id the id
	 * @return true when {@link #canonical} accepts it
	 */
	public static boolean isValid(String id) {
		return canonical(id).isPresent();
	}

}
