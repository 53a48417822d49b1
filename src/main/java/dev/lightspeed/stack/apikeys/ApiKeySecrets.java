package dev.lightspeed.stack.apikeys;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * New keys and ids. A key is {@code lsk_} and 256 random bits in base64url: enough
 * entropy that its SHA-256 is a safe thing to store and look keys up by.
 */
final class ApiKeySecrets {

	static final String PREFIX = "lsk_";

	/** The length of a key: the prefix and 43 base64url characters. */
	static final int LENGTH = PREFIX.length() + 43;

	/** Characters of a key shown in listings: the prefix and 8 of its random ones. */
	static final int SHOWN = PREFIX.length() + 8;

	private static final SecureRandom RANDOM = new SecureRandom();

	private ApiKeySecrets() {
	}

	static String newKey() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String newId() {
		byte[] bytes = new byte[8];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	static boolean isId(String value) {
		return value.length() == 16 && value.chars().allMatch((c) -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
	}

	static boolean looksLikeKey(String value) {
		return value.startsWith(PREFIX) && value.length() == LENGTH;
	}

	static String shown(String key) {
		return key.substring(0, SHOWN);
	}

}
