package dev.lightspeed.stack.llamastack;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict SemVer 2.0.0 version, ordered by SemVer precedence (build metadata ignored).
 * LCS parses Llama Stack's version the same way and refuses anything else.
 *
 * @param major major version
 * @param minor minor version
 * @param patch patch version
 * @param preRelease pre-release identifiers, empty for a release
 * @param text the version as given
 */
record SemanticVersion(long major, long minor, long patch, List<String> preRelease,
		String text) implements Comparable<SemanticVersion> {

	private static final String NUMBER = "0|[1-9]\\d*";

	private static final String PRE_RELEASE_ID = "(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)";

	private static final Pattern SEMVER = Pattern
		.compile("^(" + NUMBER + ")\\.(" + NUMBER + ")\\.(" + NUMBER + ")" + "(?:-(" + PRE_RELEASE_ID + "(?:\\."
				+ PRE_RELEASE_ID + ")*))?" + "(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?$");

	SemanticVersion {
		preRelease = List.copyOf(preRelease);
	}

	static Optional<SemanticVersion> parse(String text) {
		Matcher matcher = SEMVER.matcher(text);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		try {
			List<String> preRelease = (matcher.group(4) != null) ? List.of(matcher.group(4).split("\\.")) : List.of();
			return Optional.of(new SemanticVersion(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
					Long.parseLong(matcher.group(3)), preRelease, text));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	static SemanticVersion of(String text) {
		return parse(text).orElseThrow(() -> new IllegalArgumentException("Not a semantic version: " + text));
	}

	@Override
	public int compareTo(SemanticVersion other) {
		int result = Long.compare(this.major, other.major);
		result = (result != 0) ? result : Long.compare(this.minor, other.minor);
		result = (result != 0) ? result : Long.compare(this.patch, other.patch);
		return (result != 0) ? result : comparePreRelease(this.preRelease, other.preRelease);
	}

	private static int comparePreRelease(List<String> left, List<String> right) {
		if (left.isEmpty() || right.isEmpty()) {
			// a release ranks above its pre-releases
			return Boolean.compare(left.isEmpty(), right.isEmpty());
		}
		for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
			int result = compareIdentifier(left.get(i), right.get(i));
			if (result != 0) {
				return result;
			}
		}
		return Integer.compare(left.size(), right.size());
	}

	private static int compareIdentifier(String left, String right) {
		boolean leftNumeric = left.chars().allMatch(Character::isDigit);
		boolean rightNumeric = right.chars().allMatch(Character::isDigit);
		if (leftNumeric && rightNumeric) {
			return (left.length() != right.length()) ? Integer.compare(left.length(), right.length())
					: left.compareTo(right);
		}
		if (leftNumeric != rightNumeric) {
			return leftNumeric ? -1 : 1;
		}
		return left.compareTo(right);
	}

	@Override
	public String toString() {
		return this.text;
	}

}
