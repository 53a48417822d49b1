package dev.lightspeed.stack.config;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAmount;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quota period as LCS writes it, in PostgreSQL's interval words: {@code 30 seconds},
 * {@code 2 hours}, {@code 1 day}, {@code 1 month}. Months and years are calendar months
 * and years in UTC.
 *
 * @param text the period as written
 * @param amount the period
 */
public record QuotaPeriod(String text, TemporalAmount amount) {

	private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,9})\\s*([a-z]+)\\s*");

	private static final Map<String, String> UNITS = Map.ofEntries(Map.entry("s", "second"), Map.entry("sec", "second"),
			Map.entry("secs", "second"), Map.entry("second", "second"), Map.entry("seconds", "second"),
			Map.entry("min", "minute"), Map.entry("mins", "minute"), Map.entry("minute", "minute"),
			Map.entry("minutes", "minute"), Map.entry("h", "hour"), Map.entry("hour", "hour"),
			Map.entry("hours", "hour"), Map.entry("d", "day"), Map.entry("day", "day"), Map.entry("days", "day"),
			Map.entry("w", "week"), Map.entry("week", "week"), Map.entry("weeks", "week"), Map.entry("mon", "month"),
			Map.entry("mons", "month"), Map.entry("month", "month"), Map.entry("months", "month"),
			Map.entry("y", "year"), Map.entry("year", "year"), Map.entry("years", "year"));

	/** What a rule about a period says when the text is not one. */
	public static final String RULE = "Period should be a positive number and a unit: second, minute, hour, day, week,"
			+ " month or year (e.g. '1 day')";

	/**
	 * Reads a period.
	 * @param text e.g. {@code 1 day}
	 * @return the period
	 * @throws IllegalArgumentException with {@link #RULE} when the text is not a period
	 */
	public static QuotaPeriod parse(String text) {
		Matcher matcher = FORM.matcher(text.toLowerCase(Locale.ROOT));
		String unit = matcher.matches() ? UNITS.get(matcher.group(2)) : null;
		int amount = (unit != null) ? Integer.parseInt(matcher.group(1)) : 0;
		if (unit == null || amount == 0) {
			throw new IllegalArgumentException(RULE);
		}
		TemporalAmount period = switch (unit) {
			case "second" -> Duration.ofSeconds(amount);
			case "minute" -> Duration.ofMinutes(amount);
			case "hour" -> Duration.ofHours(amount);
			case "day" -> Duration.ofDays(amount);
			case "week" -> Duration.ofDays(7L * amount);
			case "month" -> Period.ofMonths(amount);
			default -> Period.ofYears(amount);
		};
		return new QuotaPeriod(text, period);
	}

	/**
	 * When a period that ends now began.
	 * @param now the end
	 * @return the start
	 */
	public Instant startOfPeriodEndingAt(Instant now) {
		return now.atOffset(ZoneOffset.UTC).minus(this.amount).toInstant();
	}

}
