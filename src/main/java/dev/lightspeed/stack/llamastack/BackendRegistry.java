package dev.lightspeed.stack.llamastack;

import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The backends this service has, each for a range of Llama Stack versions (for now the
 * Agents API for 0.2.17-0.2.22; a Responses API backend for 0.3+ joins here).
 */
class BackendRegistry {

	private final List<Entry> entries;

	BackendRegistry(List<Entry> entries) {
		if (entries.isEmpty()) {
			throw new IllegalArgumentException("No Llama Stack backend");
		}
		this.entries = entries.stream().sorted(Comparator.comparing(Entry::minimum)).toList();
	}

	/**
	 * The backend for a version Llama Stack reported.
	 * @throws LlamaStackStartupException when no backend supports it, with LCS's text
	 */
	Selected select(String reported) {
		SemanticVersion version = SemanticVersion.parse(reported)
			.orElseThrow(() -> refused("Llama Stack version " + reported + " is not a semantic version, but "
					+ supported() + " is required"));
		SemanticVersion lowest = this.entries.getFirst().minimum();
		SemanticVersion highest = this.entries.getLast().maximum();
		if (version.compareTo(lowest) < 0) {
			throw refused("Llama Stack version >= " + lowest + " is required, but " + version + " is used");
		}
		if (version.compareTo(highest) > 0) {
			throw refused("Llama Stack version <= " + highest + " is required, but " + version + " is used");
		}
		return this.entries.stream()
			.filter((entry) -> entry.supports(version))
			.findFirst()
			.map((entry) -> new Selected(version, entry.name(), entry.backend().get()))
			.orElseThrow(() -> refused(
					"Llama Stack version " + version + " is not supported, but " + supported() + " is required"));
	}

	private String supported() {
		return this.entries.stream()
			.map((entry) -> entry.minimum() + " to " + entry.maximum())
			.collect(Collectors.joining(" or "));
	}

	private LlamaStackStartupException refused(String message) {
		return new LlamaStackStartupException(message,
				"Point llama_stack.url at a Llama Stack server of version " + supported() + ".");
	}

	/**
	 * A backend and the versions it serves.
	 *
	 * @param minimum lowest version, inclusive
	 * @param maximum highest version, inclusive
	 * @param name the API it speaks, for the log
	 * @param backend creates the backend
	 */
	record Entry(SemanticVersion minimum, SemanticVersion maximum, String name, Supplier<LlamaStackBackend> backend) {

		boolean supports(SemanticVersion version) {
			return version.compareTo(this.minimum) >= 0 && version.compareTo(this.maximum) <= 0;
		}

	}

	record Selected(SemanticVersion version, String name, LlamaStackBackend backend) {
	}

}
