package dev.lightspeed.stack.config;

import java.util.List;

/**
 * The configuration cannot be used; each problem names the key path and the rule.
 */
public class ConfigurationException extends RuntimeException {

	private final List<String> problems;

	ConfigurationException(List<String> problems) {
		super(String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	ConfigurationException(String problem) {
		this(List.of(problem));
	}

	/**
	 * The problems, one per broken rule, each {@code key.path: rule}.
	 * @return the problems
	 */
	public List<String> problems() {
		return this.problems;
	}

}
