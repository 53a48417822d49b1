package dev.lightspeed.stack.llamastack;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A catalogue refresh delays the call that makes it, not the calls that arrive while it
 * runs.
 */
class CatalogCacheTests {

	private static final Duration TTL = Duration.ofSeconds(30);

	private final AtomicLong now = new AtomicLong();

	private final AtomicInteger fetches = new AtomicInteger();

	private final CountDownLatch fetching = new CountDownLatch(1);

	private final CountDownLatch release = new CountDownLatch(1);

	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	@AfterEach
	void stopThreads() {
		this.release.countDown();
		this.threads.shutdownNow();
	}

	@Test
	void expiredValueShouldBeServedWhileAnotherCallRefreshesIt() throws Exception {
		CatalogCache<String> cache = new CatalogCache<>(slowFetchAfterTheFirst("v1", "v2"), TTL, this.now::get);
		assertThat(cache.get()).isEqualTo("v1");
		this.now.addAndGet(TTL.toNanos());

		Future<String> refreshing = this.threads.submit(cache::get);
		assertThat(this.fetching.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(cache.get()).isEqualTo("v1");

		this.release.countDown();
		assertThat(refreshing.get(10, TimeUnit.SECONDS)).isEqualTo("v2");
		assertThat(cache.get()).isEqualTo("v2");
		assertThat(this.fetches).hasValue(2);
	}

	@Test
	void firstCallsShouldWaitForOneFetch() throws Exception {
		CatalogCache<String> cache = new CatalogCache<>(slowFetch("v1"), TTL, this.now::get);

		Future<String> first = this.threads.submit(cache::get);
		assertThat(this.fetching.await(10, TimeUnit.SECONDS)).isTrue();
		Future<String> second = this.threads.submit(cache::get);
		Thread.sleep(50);
		assertThat(second).isNotDone();

		this.release.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("v1");
		assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("v1");
		assertThat(this.fetches).hasValue(1);
	}

	private Supplier<String> slowFetch(String value) {
		return () -> {
			this.fetches.incrementAndGet();
			this.fetching.countDown();
			awaitRelease();
			return value;
		};
	}

	private Supplier<String> slowFetchAfterTheFirst(String first, String later) {
		Supplier<String> slow = slowFetch(later);
		return () -> {
			if (this.fetches.get() == 0) {
				this.fetches.incrementAndGet();
				return first;
			}
			return slow.get();
		};
	}

	private void awaitRelease() {
		try {
			this.release.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
