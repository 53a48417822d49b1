package dev.lightspeed.stack.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

import dev.lightspeed.stack.config.DatabaseConfig;
import org.jspecify.annotations.Nullable;

/**
 * The database in use and how it stores timestamps. SQLite keeps them as naive UTC text
 * the way LCS 0.2.0 writes them, so a database can be shared with, or handed back to,
 * LCS: a new row's times as the column default {@code CURRENT_TIMESTAMP} writes them,
 * {@code 2025-08-20 10:11:12}, later ones as SQLAlchemy does,
 * {@code 2025-08-20 10:11:12.345678}. PostgreSQL uses {@code timestamptz}.
 */
public enum DatabaseVendor {

	/** SQLite, the default. */
	SQLITE("sqlite"),

	/** PostgreSQL. */
	POSTGRESQL("postgresql");

	private static final DateTimeFormatter SQLITE_WRITE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

	private static final DateTimeFormatter SQLITE_DEFAULT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final DateTimeFormatter SQLITE_READ = new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd")
		.optionalStart()
		.appendLiteral(' ')
		.optionalEnd()
		.optionalStart()
		.appendLiteral('T')
		.optionalEnd()
		.appendPattern("HH:mm:ss")
		.optionalStart()
		.appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
		.optionalEnd()
		.optionalStart()
		.appendOffset("+HH:MM", "Z")
		.optionalEnd()
		.toFormatter();

	private final String id;

	DatabaseVendor(String id) {
		this.id = id;
	}

	/**
	 * The vendor a {@code database} section selects.
	 * @param config the section
	 * @return the vendor
	 */
	public static DatabaseVendor of(DatabaseConfig config) {
		return (config.postgres() != null) ? POSTGRESQL : SQLITE;
	}

	/**
	 * The vendor's name in {@code db/schema/<id>.sql}.
	 * @return the id
	 */
	public String id() {
		return this.id;
	}

	/**
	 * A timestamp as a bind parameter.
	 * @param time the timestamp
	 * @return the value to bind
	 */
	public Object timestamp(OffsetDateTime time) {
		if (this == SQLITE) {
			return SQLITE_WRITE.format(time.withOffsetSameInstant(ZoneOffset.UTC));
		}
		return time;
	}

	/**
	 * A new row's timestamp as a bind parameter: on SQLite as its column default
	 * ({@code CURRENT_TIMESTAMP}, whole seconds) writes it, which is what LCS 0.2.0
	 * leaves in a new row.
	 * @param time the timestamp
	 * @return the value to bind
	 */
	public Object defaultTimestamp(OffsetDateTime time) {
		if (this == SQLITE) {
			return SQLITE_DEFAULT.format(time.withOffsetSameInstant(ZoneOffset.UTC));
		}
		return time;
	}

	/**
	 * A timestamp read from this database as LCS 0.2.0 shows it in JSON: what SQLAlchemy
	 * reads back, naive from SQLite ({@code 2025-08-20T10:11:12},
	 * {@code 2025-08-20T10:11:12.345678}), aware from PostgreSQL
	 * ({@code 2025-08-20T10:11:12.345678+00:00}).
	 * @param time the timestamp as {@link #readTimestamp} read it
	 * @return the text
	 */
	public String isoformat(OffsetDateTime time) {
		return (this == SQLITE) ? PythonDateTimes.naiveIsoformat(time) : PythonDateTimes.isoformat(time);
	}

	/**
	 * Reads a timestamp column.
	 * @param rs the result set
	 * @param column the column
	 * @return the timestamp in UTC, null when the column is null
	 * @throws SQLException when the column cannot be read
	 */
	public @Nullable OffsetDateTime readTimestamp(ResultSet rs, String column) throws SQLException {
		if (this == POSTGRESQL) {
			OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
			return (time != null) ? time.withOffsetSameInstant(ZoneOffset.UTC) : null;
		}
		String text = rs.getString(column);
		if (text == null) {
			return null;
		}
		OffsetDateTime written = parseWritten(text);
		if (written != null) {
			return written;
		}
		var parsed = SQLITE_READ.parse(text.strip());
		if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
			return OffsetDateTime.from(parsed).withOffsetSameInstant(ZoneOffset.UTC);
		}
		return LocalDateTime.from(parsed).atOffset(ZoneOffset.UTC);
	}

	/**
	 * The forms this service writes, {@code 2025-08-20 10:11:12.345678} and
	 * {@code 2025-08-20 10:11:12}, read without a formatter (every turn's upsert returns
	 * two); null for any other form.
	 */
	private static @Nullable OffsetDateTime parseWritten(String text) {
		boolean micros = text.length() == 26 && text.charAt(19) == '.';
		if (!(micros || text.length() == 19) || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != ' '
				|| text.charAt(13) != ':' || text.charAt(16) != ':') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 7);
		int day = digits(text, 8, 10);
		int hour = digits(text, 11, 13);
		int minute = digits(text, 14, 16);
		int second = digits(text, 17, 19);
		int fraction = micros ? digits(text, 20, 26) : 0;
		if ((year | month | day | hour | minute | second | fraction) < 0) {
			return null;
		}
		try {
			return OffsetDateTime.of(year, month, day, hour, minute, second, fraction * 1000, ZoneOffset.UTC);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/** The number in {@code text[from, to)}, -1 when a character is not a digit. */
	private static int digits(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

}
