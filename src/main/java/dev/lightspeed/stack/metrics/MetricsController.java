package dev.lightspeed.stack.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /metrics}: the Prometheus text exposition format 0.0.4, without
 * authentication, as LCS 0.2.0 serves it; Llama Stack being down never fails it.
 */
@RestController
class MetricsController {

	static final MediaType PROMETHEUS_TEXT = MediaType.parseMediaType("text/plain; version=0.0.4; charset=utf-8");

	private final PrometheusExposition exposition;

	private final ModelConfigurationGauge modelConfiguration;

	MetricsController(PrometheusMeterRegistry registry, ModelConfigurationGauge modelConfiguration) {
		this.exposition = new PrometheusExposition(registry.getPrometheusRegistry());
		this.modelConfiguration = modelConfiguration;
	}

	@GetMapping("/metrics")
	@ApiResponse(responseCode = "200", description = "Successful Response",
			content = @Content(mediaType = "text/plain", schema = @Schema(type = "string")))
	ResponseEntity<String> metrics() {
		this.modelConfiguration.initialise();
		return ResponseEntity.ok().contentType(PROMETHEUS_TEXT).body(this.exposition.scrape());
	}

}
