package dev.lightspeed.stack.llamastack;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * One value fetched from Llama Stack and kept for a short time, so that a query does not
 * list models, shields and vector stores again. An expired value is refreshed by the
 * first call that finds it expired; calls meanwhile get the expired value. Failures are
 * not kept: the next call tries again.
 */
final class CatalogCache<T> {

	private final Supplier<T> loader;

	private final long ttlNanos;

	private final LongSupplier nanoClock;

	// one fetch at a time: concurrent first calls wait for it instead of all asking Llama
	// Stack
	private final ReentrantLock lock = new ReentrantLock();

	private volatile @Nullable Entry<T> entry;

	CatalogCache(Supplier<T> loader, Duration ttl, LongSupplier nanoClock) {
		this.loader = loader;
		this.ttlNanos = ttl.toNanos();
		this.nanoClock = nanoClock;
	}

	T get() {
		Entry<T> current = this.entry;
		if (current != null && fresh(current)) {
			return current.value();
		}
		// While one call refreshes an expired value, the others keep using it: a refresh
		// delays the call that makes it, not every query that arrives meanwhile.
		if (current != null && !this.lock.tryLock()) {
			return current.value();
		}
		if (current == null) {
			this.lock.lock();
		}
		try {
			current = this.entry;
			if (current != null && fresh(current)) {
				return current.value();
			}
			T value = this.loader.get();
			this.entry = new Entry<>(value, this.nanoClock.getAsLong());
			return value;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Forgets the value: the next call fetches it again (after a change made here).
	 */
	void invalidate() {
		this.entry = null;
	}

	private boolean fresh(Entry<T> current) {
		return this.nanoClock.getAsLong() - current.loadedAt() < this.ttlNanos;
	}

	private record Entry<T>(T value, long loadedAt) {
	}

}
