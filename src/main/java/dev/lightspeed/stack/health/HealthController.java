package dev.lightspeed.stack.health;

import java.util.List;
import java.util.stream.Collectors;

import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.errors.ErrorDetail;
import dev.lightspeed.stack.llamastack.LlamaStackStatus;
import dev.lightspeed.stack.llamastack.ProviderHealth;
import dev.lightspeed.stack.shutdown.ShutdownState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Readiness from Llama Stack's provider health (and not ready once the service is
 * stopping), liveness unconditionally. LCS 0.2.0 served these only without the
 * {@code /v1} prefix its README documents; we serve both. GET mappings answer HEAD too
 * (same status, no body).
 */
@RestController
class HealthController {

	private static final Logger log = LoggerFactory.getLogger(HealthController.class);

	private final LlamaStackStatus llamaStack;

	private final ShutdownState shutdown;

	HealthController(LlamaStackStatus llamaStack, ShutdownState shutdown) {
		this.llamaStack = llamaStack;
		this.shutdown = shutdown;
	}

	@GetMapping({ "/readiness", "/v1/readiness" })
	ResponseEntity<ReadinessResponse> readiness() {
		if (this.shutdown.stopping()) {
			// the load balancer stops sending questions while the answers running finish
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.body(new ReadinessResponse(false, "Service is shutting down", List.of()));
		}
		List<ProviderHealthStatus> unhealthy = providers().stream()
			.filter(ProviderHealth::unhealthy)
			.map((p) -> new ProviderHealthStatus(p.providerId(), p.status(), p.message()))
			.toList();
		if (unhealthy.isEmpty()) {
			return ResponseEntity.ok(new ReadinessResponse(true, "All providers are healthy", List.of()));
		}
		String ids = unhealthy.stream().map(ProviderHealthStatus::providerId).collect(Collectors.joining(", "));
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.body(new ReadinessResponse(false, "Providers not healthy: " + ids, unhealthy));
	}

	@GetMapping({ "/liveness", "/v1/liveness" })
	LivenessResponse liveness() {
		return new LivenessResponse(true);
	}

	// Any failure to ask makes the service unready, reported as one synthetic provider.
	private List<ProviderHealth> providers() {
		try {
			return this.llamaStack.backend().providers();
		}
		catch (RuntimeException ex) {
			log.warn("Provider health check failed: {}", ex.getMessage());
			return List
				.of(new ProviderHealth("unknown", "Error", "Failed to initialize health check: " + errorText(ex)));
		}
	}

	private static String errorText(RuntimeException ex) {
		if (ex instanceof ApiException apiException && apiException.detail() instanceof ErrorDetail detail
				&& detail.cause() != null) {
			return detail.cause();
		}
		return String.valueOf(ex.getMessage());
	}

}
