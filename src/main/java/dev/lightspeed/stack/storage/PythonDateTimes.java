package dev.lightspeed.stack.storage;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps as Python prints an aware {@code datetime}: {@code str()} uses a space,
 * {@code isoformat()} a {@code T}; both give microseconds (omitted when zero) and
 * {@code +00:00}. LCS writes them into feedback and transcript files.
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
		return format(time, ' ');
	}

	/**
	 * Python {@code datetime.isoformat()}: {@code 2025-08-20T10:11:12.123456+00:00}.
	 * @param time the time
	 * @return the text
	 */
	public static String isoformat(OffsetDateTime time) {
		return format(time, 'T');
	}

	private static String format(OffsetDateTime time, char separator) {
		OffsetDateTime truncated = time.truncatedTo(ChronoUnit.MICROS);
		StringBuilder text = new StringBuilder(SECONDS.format(truncated));
		text.setCharAt(10, separator);
		int micros = truncated.getNano() / 1000;
		if (micros != 0) {
			text.append('.').append(String.format("%06d", micros));
		}
		ZoneOffset offset = truncated.getOffset();
		text.append(offset.equals(ZoneOffset.UTC) ? "+00:00" : offset.getId());
		return text.toString();
	}

}
