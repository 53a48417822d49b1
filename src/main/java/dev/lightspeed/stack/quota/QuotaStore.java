package dev.lightspeed.stack.quota;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import dev.lightspeed.stack.config.QuotaPeriod;
import dev.lightspeed.stack.storage.DatabaseVendor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The quota counters ({@code db/schema/quota-<vendor>.sql}). Checking a quota and setting
 * tokens aside for a request happen in one transaction with the counter rows locked
 * (PostgreSQL: {@code FOR UPDATE}; SQLite: the pool's one connection), so concurrent
 * requests see each other's reservations: a request is admitted only while some tokens
 * are neither spent nor set aside, and it sets aside as many as the dearest request of
 * that quota has cost so far (at least {@code wanted}), or all that is left.
 */
class QuotaStore {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final DatabaseVendor vendor;

	private final Clock clock;

	private final Duration reservationTimeout;

	QuotaStore(DataSource dataSource, DatabaseVendor vendor, Clock clock, Duration reservationTimeout) {
		this.jdbc = JdbcClient.create(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.vendor = vendor;
		this.clock = clock;
		this.reservationTimeout = reservationTimeout;
	}

	/**
	 * Sets tokens aside on every counter, or on none.
	 * @param counters the quotas the request counts against
	 * @param wanted the least to set aside per counter
	 * @return the reservations
	 * @throws dev.lightspeed.stack.errors.ApiException 429 when a counter has nothing
	 * left
	 */
	List<Reservation> reserve(List<QuotaCounter> counters, long wanted) {
		Object now = now();
		// one order for every transaction, so two cannot wait for each other's rows
		List<QuotaCounter> ordered = counters.stream()
			.sorted(Comparator.comparing(QuotaCounter::limiter).thenComparing(QuotaCounter::subjectId))
			.toList();
		// a subject is counted from its first request on, even one that is refused: an
		// increase-only quota starts empty and grows at each period's end
		ordered.forEach((counter) -> create(counter, now));
		return this.transactions.execute((status) -> ordered.stream().map((counter) -> {
			long[] row = this.jdbc
				.sql("SELECT available, reserved, largest_request FROM quota_counter WHERE limiter = :limiter"
						+ " AND subject_id = :subject"
						+ ((this.vendor == DatabaseVendor.POSTGRESQL) ? " FOR UPDATE" : ""))
				.params(key(counter))
				.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
				.single();
			long unreserved = row[0] - row[1];
			if (unreserved <= 0) {
				throw counter.exhausted();
			}
			long tokens = Math.min(unreserved, Math.max(wanted, row[2]));
			this.jdbc
				.sql("UPDATE quota_counter SET reserved = reserved + :tokens, updated_at = :now"
						+ " WHERE limiter = :limiter AND subject_id = :subject")
				.params(key(counter))
				.param("tokens", tokens)
				.param("now", now)
				.update();
			Reservation reservation = new Reservation(UUID.randomUUID().toString(), counter, tokens);
			this.jdbc
				.sql("INSERT INTO quota_reservation (id, limiter, subject_id, tokens, created_at)"
						+ " VALUES (:id, :limiter, :subject, :tokens, :now)")
				.params(key(counter))
				.param("id", reservation.id())
				.param("tokens", tokens)
				.param("now", now)
				.update();
			return reservation;
		}).toList());
	}

	/**
	 * Charges what a request cost and gives back what it had set aside.
	 * @param reservations the request's reservations
	 * @param used the tokens it cost; 0 to release them
	 * @return what each quota has left, by name
	 */
	Map<String, Long> settle(List<Reservation> reservations, long used) {
		Object now = now();
		return this.transactions.execute((status) -> {
			Map<String, Long> available = new LinkedHashMap<>();
			for (Reservation reservation : reservations) {
				// a reservation that outlived its timeout was given back already
				boolean held = this.jdbc.sql("DELETE FROM quota_reservation WHERE id = :id")
					.param("id", reservation.id())
					.update() > 0;
				available.put(reservation.counter().limiter(), this.jdbc
					.sql("UPDATE quota_counter SET available = available - :used, reserved = reserved - :held,"
							+ " largest_request = CASE WHEN largest_request > :used THEN largest_request ELSE :used END,"
							+ " updated_at = :now WHERE limiter = :limiter AND subject_id = :subject RETURNING available")
					.params(key(reservation.counter()))
					.param("used", used)
					.param("held", held ? reservation.tokens() : 0)
					.param("now", now)
					.query(Long.class)
					.single());
			}
			return available;
		});
	}

	/**
	 * Restores every quota whose period has ended: to its initial quota (when that is
	 * more than 0, else to what is left), plus its increase.
	 * @return the counters restored
	 */
	int restore() {
		Instant now = this.clock.instant();
		int restored = 0;
		for (String period : this.jdbc.sql("SELECT DISTINCT period FROM quota_counter WHERE period IS NOT NULL")
			.query(String.class)
			.list()) {
			restored += this.jdbc
				.sql("UPDATE quota_counter SET available = (CASE WHEN initial_quota > 0 THEN"
						+ " initial_quota ELSE available END) + quota_increase, period_start = :now, updated_at = :now"
						+ " WHERE period = :period AND period_start <= :start")
				.param("now", timestamp(now))
				.param("period", period)
				.param("start", timestamp(QuotaPeriod.parse(period).startOfPeriodEndingAt(now)))
				.update();
		}
		return restored;
	}

	/**
	 * Gives back what requests that never ended set aside.
	 * @return the reservations given back
	 */
	int expireReservations() {
		Object cutoff = timestamp(this.clock.instant().minus(this.reservationTimeout));
		return this.transactions.execute((status) -> {
			List<Reservation> expired = this.jdbc
				.sql("SELECT id, limiter, subject_id, tokens FROM quota_reservation WHERE created_at < :cutoff")
				.param("cutoff", cutoff)
				.query((rs, n) -> new Reservation(rs.getString("id"),
						new QuotaCounter(rs.getString("limiter"), rs.getString("subject_id"), ' ', 0, 0, null),
						rs.getLong("tokens")))
				.list();
			for (Reservation reservation : expired) {
				this.jdbc.sql("DELETE FROM quota_reservation WHERE id = :id").param("id", reservation.id()).update();
				this.jdbc
					.sql("UPDATE quota_counter SET reserved = reserved - :tokens WHERE limiter = :limiter"
							+ " AND subject_id = :subject")
					.params(key(reservation.counter()))
					.param("tokens", reservation.tokens())
					.update();
			}
			return expired.size();
		});
	}

	// a configured quota's counters follow its configuration, which may have changed
	// since they were created; the subject is not used
	void configure(QuotaCounter counter) {
		this.jdbc
			.sql("UPDATE quota_counter SET initial_quota = :initial, quota_increase = :increase, period = :period"
					+ " WHERE limiter = :limiter")
			.param("initial", counter.initialQuota())
			.param("increase", counter.quotaIncrease())
			.param("period", counter.period())
			.param("limiter", counter.limiter())
			.update();
	}

	// LCS's token history
	void recordHistory(String userId, String provider, String model, long inputTokens, long outputTokens) {
		this.jdbc.sql("""
				INSERT INTO token_usage (user_id, provider, model, input_tokens, output_tokens, updated_at)
				VALUES (:user, :provider, :model, :input, :output, :now)
				ON CONFLICT (user_id, provider, model) DO UPDATE SET
					input_tokens = token_usage.input_tokens + excluded.input_tokens,
					output_tokens = token_usage.output_tokens + excluded.output_tokens,
					updated_at = excluded.updated_at
				""")
			.param("user", userId)
			.param("provider", provider)
			.param("model", model)
			.param("input", inputTokens)
			.param("output", outputTokens)
			.param("now", now())
			.update();
	}

	// a new subject starts with the initial quota, as in LCS
	private void create(QuotaCounter counter, Object now) {
		this.jdbc
			.sql("INSERT INTO quota_counter (limiter, subject_id, available, reserved, largest_request,"
					+ " initial_quota, quota_increase, period, period_start, updated_at) VALUES (:limiter, :subject,"
					+ " :initial, 0, 0, :initial, :increase, :period, :now, :now)"
					+ " ON CONFLICT (limiter, subject_id) DO NOTHING")
			.params(key(counter))
			.param("initial", counter.initialQuota())
			.param("increase", counter.quotaIncrease())
			.param("period", counter.period())
			.param("now", now)
			.update();
	}

	private static Map<String, Object> key(QuotaCounter counter) {
		return Map.of("limiter", counter.limiter(), "subject", counter.subjectId());
	}

	private Object now() {
		return timestamp(this.clock.instant());
	}

	private Object timestamp(Instant instant) {
		return this.vendor.timestamp(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
	}

	/**
	 * Tokens set aside on one counter for one request.
	 *
	 * @param id the reservation
	 * @param counter the counter
	 * @param tokens how many
	 */
	record Reservation(String id, QuotaCounter counter, long tokens) {
	}

}
