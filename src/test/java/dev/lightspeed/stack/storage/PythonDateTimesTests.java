package dev.lightspeed.stack.storage;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PythonDateTimesTests {

	@Test
	void strUsesASpaceAndMicroseconds() {
		assertThat(PythonDateTimes.str(OffsetDateTime.parse("2025-08-20T10:11:12.123456789Z")))
			.isEqualTo("2025-08-20 10:11:12.123456+00:00");
	}

	@Test
	void isoformatUsesAT() {
		assertThat(PythonDateTimes.isoformat(OffsetDateTime.parse("2025-08-20T10:11:12.000100Z")))
			.isEqualTo("2025-08-20T10:11:12.000100+00:00");
	}

	@Test
	void microsecondsAreOmittedWhenZero() {
		assertThat(PythonDateTimes.str(OffsetDateTime.parse("2025-08-20T10:11:12.000000400Z")))
			.isEqualTo("2025-08-20 10:11:12+00:00");
	}

	@Test
	void otherOffsetsAreKept() {
		assertThat(PythonDateTimes.isoformat(OffsetDateTime.parse("2025-08-20T10:11:12+02:00")))
			.isEqualTo("2025-08-20T10:11:12+02:00");
	}

}
