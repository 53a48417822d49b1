package dev.lightspeed.stack.quota;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.errors.ErrorDetail;
import dev.lightspeed.stack.storage.DatabaseVendor;
import dev.lightspeed.stack.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What {@link QuotaStore} does on every database it supports.
 */
abstract class QuotaStoreContract {

	static final QuotaCounter ALICE = new QuotaCounter("user_daily", "alice", 'u', 100, 0, "1 day");

	static final QuotaCounter CLUSTER = new QuotaCounter("cluster_weekly", "", 'c', 0, 50, "1 week");

	final MovableClock clock = new MovableClock(Instant.parse("2026-11-02T10:00:00Z"));

	QuotaStore store;

	JdbcClient jdbc;

	abstract DataSource dataSource();

	abstract DatabaseVendor vendor();

	@BeforeEach
	void createStore() {
		this.store = new QuotaStore(dataSource(), vendor(), this.clock, Duration.ofMinutes(15));
		this.jdbc = JdbcClient.create(dataSource());
	}

	@Test
	void aNewSubjectShouldStartWithTheInitialQuotaAndSetTokensAside() {
		List<QuotaStore.Reservation> reservations = this.store.reserve(List.of(ALICE), 30);
		assertThat(reservations).singleElement().extracting(QuotaStore.Reservation::tokens).isEqualTo(30L);
		assertThat(counter(ALICE)).containsExactly(100L, 30L, 0L);
		assertThat(this.store.settle(reservations, 42)).containsExactly(Map.entry("user_daily", 58L));
		assertThat(counter(ALICE)).containsExactly(58L, 0L, 42L);
	}

	@Test
	void theDearestRequestSoFarShouldSetTheReservationOrAllThatIsLeft() {
		this.store.settle(this.store.reserve(List.of(ALICE), 10), 45);
		assertThat(this.store.reserve(List.of(ALICE), 10)).singleElement()
			.extracting(QuotaStore.Reservation::tokens)
			.isEqualTo(45L);
		assertThat(this.store.reserve(List.of(ALICE), 10)).singleElement()
			.extracting(QuotaStore.Reservation::tokens)
			.isEqualTo(10L);
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> this.store.reserve(List.of(ALICE), 10))
			.satisfies((ex) -> {
				assertThat(ex.status().value()).isEqualTo(429);
				assertThat(ex.detail())
					.isEqualTo(new ErrorDetail("The quota has been exceeded", "User alice has no available tokens"));
			});
	}

	@Test
	void aQuotaSpentExactlyShouldRefuseTheNextRequest() {
		this.store.settle(this.store.reserve(List.of(ALICE), 10), 99);
		this.store.settle(this.store.reserve(List.of(ALICE), 10), 1);
		assertThat(counter(ALICE)[0]).isZero();
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> this.store.reserve(List.of(ALICE), 10));
	}

	@Test
	void aRefusalOnOneQuotaShouldSetNothingAsideOnTheOthers() {
		QuotaCounter empty = new QuotaCounter("a_first", "alice", 'u', 0, 10, "1 day");
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> this.store.reserve(List.of(ALICE, empty), 10))
			.satisfies((ex) -> assertThat(((ErrorDetail) ex.detail()).cause())
				.isEqualTo("User alice has no available tokens"));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM quota_reservation").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("SELECT COALESCE(SUM(reserved), 0) FROM quota_counter").query(Long.class).single())
			.isZero();
	}

	@Test
	void releaseShouldGiveBackWithoutCharging() {
		this.store.settle(this.store.reserve(List.of(ALICE), 30), 0);
		assertThat(counter(ALICE)).containsExactly(100L, 0L, 0L);
	}

	@Test
	void anIncreaseOnlyQuotaShouldStartEmptyAndGrowAtEachPeriodsEnd() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> this.store.reserve(List.of(CLUSTER), 1))
			.satisfies((ex) -> assertThat(((ErrorDetail) ex.detail()).cause())
				.isEqualTo("Cluster has no available tokens"));
		this.clock.advance(Duration.ofDays(7));
		this.store.restore();
		assertThat(counter(CLUSTER)[0]).isEqualTo(50L);
		this.clock.advance(Duration.ofDays(7));
		this.store.restore();
		assertThat(counter(CLUSTER)[0]).isEqualTo(100L);
	}

	@Test
	void periodsShouldRestoreQuotasOnceEnded() {
		this.store.settle(this.store.reserve(List.of(ALICE), 10), 60);
		this.clock.advance(Duration.ofHours(23));
		assertThat(this.store.restore()).isZero();
		this.clock.advance(Duration.ofHours(1));
		assertThat(this.store.restore()).isEqualTo(1);
		assertThat(counter(ALICE)[0]).isEqualTo(100L);
		List<QuotaStore.Reservation> running = this.store.reserve(List.of(ALICE), 10);
		this.clock.advance(Duration.ofDays(1));
		this.store.restore();
		assertThat(counter(ALICE)).as("a running request keeps its reservation").containsExactly(100L, 60L, 60L);
		this.store.settle(running, 0);
	}

	@Test
	void reservationsOfRequestsThatNeverEndedShouldExpire() {
		List<QuotaStore.Reservation> forgotten = this.store.reserve(List.of(ALICE), 80);
		this.clock.advance(Duration.ofMinutes(16));
		assertThat(this.store.expireReservations()).isEqualTo(1);
		assertThat(counter(ALICE)).containsExactly(100L, 0L, 0L);
		assertThat(this.store.settle(forgotten, 5)).as("a late settlement still charges")
			.containsExactly(Map.entry("user_daily", 95L));
		assertThat(counter(ALICE)[1]).isZero();
	}

	@Test
	void configurationChangesShouldReachExistingCounters() {
		this.store.reserve(List.of(ALICE), 1);
		this.store.configure(new QuotaCounter("user_daily", "", 'u', 500, 5, "2 hours"));
		assertThat(this.jdbc.sql("SELECT initial_quota, quota_increase, period FROM quota_counter")
			.query((rs, n) -> rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getString(3))
			.single()).isEqualTo("500 5 2 hours");
	}

	@Test
	void tokenHistoryShouldAddUpPerUserProviderAndModel() {
		this.store.recordHistory("alice", "vllm", "m", 10, 5);
		this.store.recordHistory("alice", "vllm", "m", 1, 2);
		assertThat(this.jdbc.sql("SELECT input_tokens, output_tokens FROM token_usage")
			.query((rs, n) -> rs.getLong(1) + "/" + rs.getLong(2))
			.single()).isEqualTo("11/7");
	}

	@Test
	void concurrentRequestsRacingTheLastTokensShouldNotOverspendByMoreThanOneRequest() throws Exception {
		QuotaCounter small = new QuotaCounter("small", "alice", 'u', 250, 0, null);
		int cost = 40;
		this.store.settle(this.store.reserve(List.of(small), cost), cost);
		List<Callable<Boolean>> requests = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			requests.add(() -> {
				List<QuotaStore.Reservation> reservations;
				try {
					reservations = this.store.reserve(List.of(small), 1);
				}
				catch (ApiException ex) {
					return false;
				}
				Thread.sleep(20);
				this.store.settle(reservations, cost);
				return true;
			});
		}
		ExecutorService executor = Executors.newFixedThreadPool(8);
		int admitted = 0;
		for (Future<Boolean> result : executor.invokeAll(requests)) {
			admitted += result.get() ? 1 : 0;
		}
		executor.shutdown();
		long available = counter(small)[0];
		assertThat(available).as("overspent by at most one request").isGreaterThanOrEqualTo(-cost);
		assertThat(admitted).as("the quota was used").isGreaterThanOrEqualTo(4);
		assertThat(counter(small)[1]).isZero();
	}

	long[] counter(QuotaCounter counter) {
		return this.jdbc
			.sql("SELECT available, reserved, largest_request FROM quota_counter WHERE limiter = :l AND"
					+ " subject_id = :s")
			.param("l", counter.limiter())
			.param("s", counter.subjectId())
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.single();
	}

}
