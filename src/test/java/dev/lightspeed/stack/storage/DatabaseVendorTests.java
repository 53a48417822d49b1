package dev.lightspeed.stack.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class DatabaseVendorTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			2025-08-20 10:11:12.345678       | 2025-08-20T10:11:12.345678Z
			2025-08-20 10:11:12.000000       | 2025-08-20T10:11:12Z
			2024-02-29 23:59:59.999999       | 2024-02-29T23:59:59.999999Z
			2025-08-20 10:11:12              | 2025-08-20T10:11:12Z
			2025-08-20T10:11:12.5            | 2025-08-20T10:11:12.5Z
			2025-08-20 10:11:12.123456789    | 2025-08-20T10:11:12.123456789Z
			2025-08-20 12:11:12.345678+02:00 | 2025-08-20T10:11:12.345678Z
			""")
	void sqliteTimestampsAreReadAsUtc(String stored, String expected) throws SQLException {
		assertThat(DatabaseVendor.SQLITE.readTimestamp(column(stored), "t")).isEqualTo(OffsetDateTime.parse(expected));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2025-13-20 10:11:12.345678", "2025-08-20 10:61:12.345678", "2025-08-2x 10:11:12.345678",
			"yesterday" })
	void sqliteTimestampsThatAreNoTimeAreRejected(String stored) {
		assertThatExceptionOfType(DateTimeException.class)
			.isThrownBy(() -> DatabaseVendor.SQLITE.readTimestamp(column(stored), "t"));
	}

	private static ResultSet column(String value) throws SQLException {
		ResultSet rs = mock(ResultSet.class);
		given(rs.getString("t")).willReturn(value);
		return rs;
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			2026-12-07T07:21:49Z        | SQLITE     | 2026-12-07T07:21:49
			2026-12-07T07:21:49.000123Z | SQLITE     | 2026-12-07T07:21:49.000123
			2026-12-07T07:21:49Z        | POSTGRESQL | 2026-12-07T07:21:49+00:00
			2026-12-07T07:21:49.5Z      | POSTGRESQL | 2026-12-07T07:21:49.500000+00:00
			""")
	void timestampsAreShownAsLcsShowsWhatEachDatabaseGivesBack(String time, DatabaseVendor vendor, String shown) {
		assertThat(vendor.isoformat(OffsetDateTime.parse(time))).isEqualTo(shown);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			SQLITE     | 2026-12-07 07:21:49
			POSTGRESQL | 2026-12-07T07:21:49.123456Z
			""")
	void aNewRowsTimeIsWhatTheColumnDefaultWouldWrite(DatabaseVendor vendor, String bound) {
		assertThat(vendor.defaultTimestamp(OffsetDateTime.parse("2026-12-07T07:21:49.123456Z"))).hasToString(bound);
	}

}
