package dev.lightspeed.stack.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What reading the configuration found: broken rules and unknown keys, each at its key
 * path.
 */
final class Problems {

	private final List<String> problems = new ArrayList<>();

	// the key paths that have a problem, so that a rule does not report one again
	private final Set<String> paths = new HashSet<>();

	private final List<String> unknownKeys = new ArrayList<>();

	void add(String path, String rule) {
		this.paths.add(path);
		this.problems.add((path.isEmpty() ? "configuration" : path) + ": " + rule);
	}

	// One problem per key: a value already found wrong is not reported again by a rule
	// that needs it. An empty path is the whole file.
	void check(boolean holds, String path, String rule) {
		if (!holds && !this.paths.contains(path)) {
			add(path, rule);
		}
	}

	void unknownKey(String path) {
		this.unknownKeys.add(path);
	}

	/**
	 * The broken rules, sorted, each once.
	 * @return the problems, {@code key.path: rule}
	 */
	List<String> problems() {
		return this.problems.stream().sorted().distinct().toList();
	}

	List<String> unknownKeys() {
		return List.copyOf(this.unknownKeys);
	}

}
