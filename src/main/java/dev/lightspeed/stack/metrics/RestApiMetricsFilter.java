package dev.lightspeed.stack.metrics;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * LCS 0.2.0's REST middleware: {@code ls_rest_api_calls_total{path,status_code}} for
 * every response on a known route except {@code .../metrics}, and
 * {@code ls_response_duration_seconds{path}} for every request on a known route. Unlike
 * 0.2.0, {@code path} is the route template, so
 * {@code /v1/conversations/{conversation_id}} is counted too. It runs after CORS and
 * before authentication, so a refused request is counted and a preflight is not.
 */
class RestApiMetricsFilter extends OncePerRequestFilter {

	static final String DURATION = "ls_response_duration";

	// prometheus_client's default histogram buckets, which LCS 0.2.0 uses.
	private static final Duration[] BUCKETS = { millis(5), millis(10), millis(25), millis(50), millis(75), millis(100),
			millis(250), millis(500), millis(750), millis(1000), millis(2500), millis(5000), millis(7500),
			millis(10000) };

	private final RouteTemplates routes;

	private final MeterProvider<Counter> calls;

	private final MeterProvider<Timer> durations;

	RestApiMetricsFilter(RouteTemplates routes, MeterRegistry registry) {
		this.routes = routes;
		this.calls = Counter.builder("ls_rest_api_calls").description("REST API calls counter").withRegistry(registry);
		this.durations = Timer.builder(DURATION)
			.description("Response durations")
			.serviceLevelObjectives(BUCKETS)
			.withRegistry(registry);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<String> route = this.routes
			.match(request.getRequestURI().substring(request.getContextPath().length()));
		if (route.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		String path = route.get();
		long start = System.nanoTime();
		int status = 500;
		try {
			chain.doFilter(request, response);
			// A stream is measured until its response is produced, as in 0.2.0.
			status = response.getStatus();
		}
		finally {
			this.durations.withTag("path", path).record(Duration.ofNanos(System.nanoTime() - start));
			if (!path.endsWith("/metrics")) {
				this.calls.withTags("path", path, "status_code", Integer.toString(status)).increment();
			}
		}
	}

	private static Duration millis(long millis) {
		return Duration.ofMillis(millis);
	}

}
