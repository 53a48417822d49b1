package dev.lightspeed.stack.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A secret kept as its SHA-256 digest, and compared with a presented value in constant
 * time: digests have one length, so neither the secret's content nor its length shows in
 * how long a comparison takes. SHA-256 suits high-entropy keys; it is no password hash.
 */
public final class KeyDigest {

	private final byte[] digest;

	private KeyDigest(byte[] digest) {
		this.digest = digest;
	}

	/**
	 * The digest of a secret.
	 * @param secret the secret
	 * @return its digest
	 */
	public static KeyDigest of(String secret) {
		return new KeyDigest(sha256(secret));
	}

	/**
	 * Whether a presented value is the secret.
	 * @param presented what the caller sent
	 * @return true when it matches
	 */
	public boolean matches(String presented) {
		return MessageDigest.isEqual(sha256(presented), this.digest);
	}

	/**
	 * The digest in lower-case hex, as stored.
	 * @param secret the secret
	 * @return 64 hex digits
	 */
	public static String hex(String secret) {
		return HexFormat.of().formatHex(sha256(secret));
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

}
