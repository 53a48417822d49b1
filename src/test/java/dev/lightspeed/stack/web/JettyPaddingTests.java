package dev.lightspeed.stack.web;

import org.eclipse.jetty.util.MemoryUtils;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JettyPaddingTests {

	private @Nullable String given;

	@BeforeEach
	void clearProperty() {
		this.given = System.clearProperty(JettyPadding.REFERENCES_PER_CACHE_LINE);
	}

	@AfterEach
	void restoreProperty() {
		if (this.given != null) {
			System.setProperty(JettyPadding.REFERENCES_PER_CACHE_LINE, this.given);
		}
		else {
			System.clearProperty(JettyPadding.REFERENCES_PER_CACHE_LINE);
		}
	}

	@Test
	void presetShouldGiveJettysOwnAnswer() {
		// Jetty asked the MBean server when this class loaded, unless the application
		// started in this JVM first
		int jettys = MemoryUtils.getReferencesPerCacheLine();

		JettyPadding.preset();

		assertThat(System.getProperty(JettyPadding.REFERENCES_PER_CACHE_LINE)).isEqualTo(Integer.toString(jettys));
	}

	@Test
	void aValueGivenOnTheCommandLineShouldBeKept() {
		System.setProperty(JettyPadding.REFERENCES_PER_CACHE_LINE, "4");

		JettyPadding.preset();

		assertThat(System.getProperty(JettyPadding.REFERENCES_PER_CACHE_LINE)).isEqualTo("4");
	}

}
