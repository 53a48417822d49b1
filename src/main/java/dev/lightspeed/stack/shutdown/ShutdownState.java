package dev.lightspeed.stack.shutdown;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.stereotype.Component;

/**
 * Whether the service is stopping: readiness answers 503 and questions are refused from
 * then on, while what is running finishes.
 */
@Component
public class ShutdownState {

	private final AtomicBoolean stopping = new AtomicBoolean();

	/**
	 * Marks the service as stopping.
	 * @return false when it was stopping already
	 */
	public boolean begin() {
		return this.stopping.compareAndSet(false, true);
	}

	/**
	 * Whether the service is stopping.
	 * @return true once {@link #begin()} was called
	 */
	public boolean stopping() {
		return this.stopping.get();
	}

}
