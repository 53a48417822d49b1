package dev.lightspeed.stack.config;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The section of the file a configuration record was read from, as its
 * {@link CrossChecked rules across keys} see it: problems are reported at the section's
 * key paths, under the names the file used.
 */
final class SectionCheck {

	private final Problems problems;

	private final JsonNode mapping;

	private final String path;

	// a key's name in the file, when the file gives it under an alias
	private final Map<String, String> shown;

	SectionCheck(Problems problems, JsonNode mapping, String path, Map<String, String> shown) {
		this.problems = problems;
		this.mapping = mapping;
		this.path = path;
		this.shown = shown;
	}

	/**
	 * Reports a broken rule, unless its key already has a problem: a value already found
	 * wrong is not reported again by a rule that needs it.
	 * @param holds whether the rule holds
	 * @param key the key, relative to the section; empty for the section itself
	 * @param message the rule
	 */
	void check(boolean holds, String key, String message) {
		this.problems.check(holds, ConfigReader.join(this.path, this.shown.getOrDefault(key, key)), message);
	}

	/**
	 * Whether the file writes a key in this section, even with no value.
	 * @param key the key
	 * @return true when written
	 */
	boolean given(String key) {
		return this.mapping.has(key);
	}

}
