package dev.lightspeed.stack.llamastack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SemVer 2.0.0 parsing and precedence.
 */
class SemanticVersionTests {

	private static int compare(String left, String right) {
		return Integer.signum(SemanticVersion.of(left).compareTo(SemanticVersion.of(right)));
	}

	@Test
	void numericPartsShouldCompareAsNumbers() {
		assertThat(compare("0.2.9", "0.2.17")).isNegative();
		assertThat(compare("0.10.0", "0.9.99")).isPositive();
		assertThat(compare("1.0.0", "0.99.99")).isPositive();
		assertThat(compare("0.2.22", "0.2.22")).isZero();
	}

	@Test
	void preReleasesShouldRankBelowTheirReleaseAndByIdentifiers() {
		assertThat(compare("1.0.0-alpha", "1.0.0")).isNegative();
		assertThat(compare("1.0.0-alpha", "1.0.0-alpha.1")).isNegative();
		assertThat(compare("1.0.0-alpha.1", "1.0.0-alpha.beta")).isNegative();
		assertThat(compare("1.0.0-beta.2", "1.0.0-beta.11")).isNegative();
		assertThat(compare("1.0.0-rc.1", "1.0.0-beta.11")).isPositive();
	}

	@Test
	void buildMetadataShouldNotMatter() {
		assertThat(compare("0.2.22+abc", "0.2.22")).isZero();
	}

	@Test
	void onlyStrictVersionsShouldParse() {
		assertThat(SemanticVersion.parse("0.2.22")).isPresent();
		assertThat(SemanticVersion.parse("0.2.22-alpha.1+sha.5")).isPresent();
		assertThat(SemanticVersion.parse("0.2")).isEmpty();
		assertThat(SemanticVersion.parse("01.2.3")).isEmpty();
		assertThat(SemanticVersion.parse("1.2.3-01")).isEmpty();
		assertThat(SemanticVersion.parse("1.2.3.dev0")).isEmpty();
		assertThat(SemanticVersion.parse(" 1.2.3")).isEmpty();
		assertThat(SemanticVersion.parse("99999999999999999999.0.0")).isEmpty();
	}

}
