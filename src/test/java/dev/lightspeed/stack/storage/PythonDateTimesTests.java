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

	@Test
	void naiveIsoformatIsTheUtcWallTimeWithoutOffset() {
		assertThat(PythonDateTimes.naiveIsoformat(OffsetDateTime.parse("2026-12-07T09:21:49+02:00")))
			.isEqualTo("2026-12-07T07:21:49");
		assertThat(PythonDateTimes.naiveIsoformat(OffsetDateTime.parse("2026-12-07T07:21:49.5Z")))
			.isEqualTo("2026-12-07T07:21:49.500000");
	}

	@Test
	void jsonIsPydanticsFormWithZForUtc() {
		assertThat(PythonDateTimes.json(OffsetDateTime.parse("2024-01-01T00:01:47.000000Z")))
			.isEqualTo("2024-01-01T00:01:47Z");
		assertThat(PythonDateTimes.json(OffsetDateTime.parse("2024-01-01T00:01:47.12Z")))
			.isEqualTo("2024-01-01T00:01:47.120000Z");
		assertThat(PythonDateTimes.json(OffsetDateTime.parse("2024-01-01T00:01:47+02:00")))
			.isEqualTo("2024-01-01T00:01:47+02:00");
	}

}
