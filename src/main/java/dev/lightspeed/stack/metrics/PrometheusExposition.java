package dev.lightspeed.stack.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The scrape text as LCS 0.2.0's prometheus_client writes it, where the Prometheus Java
 * client allows: every counter and histogram also has its {@code <name>_created} gauge
 * per label set (seconds since the epoch), and {@code ls_response_duration_seconds} has
 * no Micrometer {@code _max} gauge beside it.
 */
final class PrometheusExposition {

	/** The gauge Micrometer adds to every timer; 0.2.0 has none. */
	static final String DURATION_MAX = RestApiMetricsFilter.DURATION + "_seconds_max";

	private static final PrometheusTextFormatWriter WRITER = PrometheusTextFormatWriter.builder()
		.setIncludeCreatedTimestamps(true)
		.setTimestampsInMs(false)
		.build();

	private final PrometheusRegistry registry;

	PrometheusExposition(PrometheusRegistry registry) {
		this.registry = registry;
	}

	String scrape() {
		ByteArrayOutputStream text = new ByteArrayOutputStream();
		try {
			WRITER.write(text, this.registry.scrape((name) -> !name.equals(DURATION_MAX)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return text.toString(StandardCharsets.UTF_8);
	}

}
