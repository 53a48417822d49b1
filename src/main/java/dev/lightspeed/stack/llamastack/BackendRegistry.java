package dev.lightspeed.stack.llamastack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API generations this service speaks, each for a range of Llama Stack versions: the
 * Agents API for 0.2.17-0.2.x, the Responses API from 0.3.0 on, OGX included (Llama
 * Stack's name from 0.8). A version below every range, or of a major version never
 * tested, is refused; one newer than the newest tested of its generation is accepted with
 * a warning.
 */
class BackendRegistry {

	private static final Logger logger = LoggerFactory.getLogger(BackendRegistry.class);

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
		SemanticVersion highest = this.entries.getLast().below();
		if (version.compareTo(lowest) < 0) {
			throw refused("Llama Stack version >= " + lowest + " is required, but " + version + " is used");
		}
		if (version.compareTo(highest) >= 0) {
			throw refused("Llama Stack version < " + highest + " is required, but " + version + " is used");
		}
		Entry entry = this.entries.stream()
			.filter((candidate) -> candidate.supports(version))
			.findFirst()
			.orElseThrow(() -> refused(
					"Llama Stack version " + version + " is not supported, but " + supported() + " is required"));
		if (entry.newerThanTested(version)) {
			logger.warn(
					"Llama Stack {} is newer than {}, the newest version of the {} generation this service was "
							+ "tested with; it should work, but watch for errors",
					version, entry.testedUpTo(), entry.name());
		}
		return new Selected(version, entry.name(), entry.backend().apply(version));
	}

	// adjacent ranges read as one: ">= 0.2.17 and < 2.0.0"
	private String supported() {
		List<String> ranges = new ArrayList<>();
		SemanticVersion start = null;
		SemanticVersion end = null;
		for (Entry entry : this.entries) {
			if (end != null && !entry.minimum().equals(end)) {
				ranges.add(">= " + start + " and < " + end);
				start = null;
			}
			start = (start != null) ? start : entry.minimum();
			end = entry.below();
		}
		ranges.add(">= " + start + " and < " + end);
		return String.join(" or ", ranges);
	}

	private LlamaStackStartupException refused(String message) {
		return new LlamaStackStartupException(message,
				"Point llama_stack.url at a Llama Stack or OGX server of version " + supported() + ".");
	}

	/**
	 * A backend and the versions it serves.
	 *
	 * @param minimum lowest version, inclusive
	 * @param below first version no longer served
	 * @param testedUpTo newest version tested; a newer minor or major version is served
	 * with a warning
	 * @param name the API it speaks, for the log and {@code /v1/info}
	 * @param backend creates the backend for the version found
	 */
	record Entry(SemanticVersion minimum, SemanticVersion below, SemanticVersion testedUpTo, String name,
			Function<SemanticVersion, CatalogBackend> backend) {

		boolean supports(SemanticVersion version) {
			return version.compareTo(this.minimum) >= 0 && version.compareTo(this.below) < 0;
		}

		// a newer patch release of a tested minor version is as good as tested
		boolean newerThanTested(SemanticVersion version) {
			return version.major() > this.testedUpTo.major()
					|| (version.major() == this.testedUpTo.major() && version.minor() > this.testedUpTo.minor());
		}

	}

	/**
	 * The backend chosen.
	 *
	 * @param version the version Llama Stack reported
	 * @param name the API generation
	 * @param backend the backend
	 */
	record Selected(SemanticVersion version, String name, CatalogBackend backend) {
	}

}
