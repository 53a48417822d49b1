package dev.lightspeed.stack.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/health} (ORBIT's {@code /health}): every component checked at once, each
 * with its status and latency; 503 when a critical one fails. {@code /readiness} keeps
 * LCS's contract.
 */
@RestController
class ComponentHealthController {

	private static final Logger logger = LoggerFactory.getLogger(ComponentHealthController.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final List<ComponentCheck> checks;

	private final Duration timeout;

	@Autowired
	ComponentHealthController(List<HealthChecks> contributed) {
		this(contributed, TIMEOUT);
	}

	ComponentHealthController(List<HealthChecks> contributed, Duration timeout) {
		this.checks = contributed.stream().flatMap((group) -> group.checks().stream()).toList();
		this.timeout = timeout;
	}

	@GetMapping({ "/v1/health", "/health" })
	@ApiResponse(responseCode = "200", description = "Every critical component is healthy",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ComponentHealth.class)))
	@ApiResponse(responseCode = "503", description = "A critical component is not healthy",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ComponentHealth.class)))
	ResponseEntity<ComponentHealth> health() {
		List<ComponentHealth.Component> components = new ArrayList<>();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<ComponentHealth.Component>> running = this.checks.stream()
				.map((check) -> executor.submit(() -> run(check)))
				.toList();
			// one deadline for all: the checks run side by side
			long deadline = System.nanoTime() + this.timeout.toNanos();
			for (int i = 0; i < running.size(); i++) {
				components.add(await(this.checks.get(i), running.get(i), deadline));
			}
			executor.shutdownNow();
		}
		boolean criticalDown = components.stream().anyMatch((c) -> c.critical() && !c.healthy());
		boolean anyDown = components.stream().anyMatch((c) -> !c.healthy());
		String status = criticalDown ? ComponentHealth.UNHEALTHY
				: anyDown ? ComponentHealth.DEGRADED : ComponentHealth.HEALTHY;
		return ResponseEntity.status(criticalDown ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK)
			.body(new ComponentHealth(status, components));
	}

	private static ComponentHealth.Component run(ComponentCheck check) {
		long start = System.nanoTime();
		try {
			String message = check.check();
			return component(check, ComponentHealth.HEALTHY, start, message);
		}
		catch (Exception ex) {
			logger.warn("Health of {}: {}", check.component(), ex.getMessage());
			return component(check, ComponentHealth.UNHEALTHY, start, String.valueOf(ex.getMessage()));
		}
	}

	private ComponentHealth.Component await(ComponentCheck check, Future<ComponentHealth.Component> running,
			long deadline) {
		try {
			return running.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			running.cancel(true);
			return new ComponentHealth.Component(check.component(), ComponentHealth.UNHEALTHY, check.critical(),
					this.timeout.toMillis(), "No answer within " + this.timeout.toMillis() + " ms");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while checking " + check.component(), ex);
		}
		catch (ExecutionException ex) {
			// run() catches what a check throws; this is the executor failing
			throw new IllegalStateException("Health check of " + check.component() + " did not run", ex);
		}
	}

	private static ComponentHealth.Component component(ComponentCheck check, String status, long start,
			@Nullable String message) {
		double latency = Math.round((System.nanoTime() - start) / 100_000.0) / 10.0;
		return new ComponentHealth.Component(check.component(), status, check.critical(), latency, message);
	}

}
