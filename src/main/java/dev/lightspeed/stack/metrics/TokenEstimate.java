package dev.lightspeed.stack.metrics;

/**
 * A tokenizer-free token count: about four characters per token, the rule of thumb for
 * English text with BPE tokenizers. Llama Stack's Agents API does not report usage, and
 * LCS 0.2.0 never counted tokens at all, so an estimate is better than a zero.
 */
public final class TokenEstimate {

	private static final int CHARACTERS_PER_TOKEN = 4;

	private TokenEstimate() {
	}

	/**
	 * The estimated token count of a text.
	 * @param text the text
	 * @return about one token per four characters
	 */
	public static int of(String text) {
		int characters = text.codePointCount(0, text.length());
		return (characters + CHARACTERS_PER_TOKEN - 1) / CHARACTERS_PER_TOKEN;
	}

}
