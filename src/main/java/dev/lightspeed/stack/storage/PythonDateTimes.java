package dev.lightspeed.stack.storage;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

/**
 * Timestamps as Python prints a {@code datetime}: {@code str()} uses a space,
 * {@code isoformat()} a {@code T}; both give microseconds (omitted when zero) and, for an
 * aware value, {@code +00:00}. LCS writes them into feedback and transcript files and
 * lists conversations with them; pydantic writes them in JSON with {@code Z} for UTC.
 */
public final class PythonDateTimes {

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

	private PythonDateTimes() {
	}

	/**
	 * Python {@code str(datetime)}: {@code 2025-08-20 10:11:12.123456+00:00}.
	 * @param time the time
	 * @return the text
	 */
	public static String str(OffsetDateTime time) {
		return format(time, ' ', "+00:00");
	}

	/**
	 * Python {@code datetime.isoformat()}: {@code 2025-08-20T10:11:12.123456+00:00}.
	 * @param time the time
	 * @return the text
	 */
	public static String isoformat(OffsetDateTime time) {
		return format(time, 'T', "+00:00");
	}

	/**
	 * Python {@code datetime.isoformat()} of a naive value, here the UTC wall time, as
	 * SQLAlchemy reads a SQLite timestamp back: {@code 2025-08-20T10:11:12.123456}.
	 * @param time the time
	 * @return the text
	 */
	public static String naiveIsoformat(OffsetDateTime time) {
		return format(time.withOffsetSameInstant(ZoneOffset.UTC), 'T', null);
	}

	/**
	 * A {@code datetime} as pydantic (FastAPI) writes it in JSON:
	 * {@code 2025-08-20T10:11:12.123456Z}, {@code 2025-08-20T10:11:12Z}.
	 * @param time the time
	 * @return the text
	 */
	public static String json(OffsetDateTime time) {
		return format(time, 'T', "Z");
	}

	private static String format(OffsetDateTime time, char separator, @Nullable String utc) {
		OffsetDateTime truncated = time.truncatedTo(ChronoUnit.MICROS);
		StringBuilder text = new StringBuilder(SECONDS.format(truncated));
		text.setCharAt(10, separator);
		int micros = truncated.getNano() / 1000;
		if (micros != 0) {
			text.append('.').append(String.format("%06d", micros));
		}
		if (utc != null) {
			ZoneOffset offset = truncated.getOffset();
			text.append(offset.equals(ZoneOffset.UTC) ? utc : offset.getId());
		}
		return text.toString();
	}

}
