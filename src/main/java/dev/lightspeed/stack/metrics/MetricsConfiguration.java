package dev.lightspeed.stack.metrics;

import dev.lightspeed.stack.config.InferenceConfig;
import dev.lightspeed.stack.llamastack.LlamaStackStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.prometheus.metrics.instrumentation.jvm.ProcessMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The REST metrics filter, the model configuration gauge, and the registry behind
 * Micrometer's, with the {@code process_*} series a Python service exposes.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

	/** After the access log and CORS, before everything that can refuse a request. */
	static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 15;

	@Bean
	FilterRegistrationBean<RestApiMetricsFilter> restApiMetricsFilter(
			ObjectProvider<RequestMappingInfoHandlerMapping> mappings, MeterRegistry registry) {
		FilterRegistrationBean<RestApiMetricsFilter> registration = new FilterRegistrationBean<>(
				new RestApiMetricsFilter(new RouteTemplates(mappings), registry));
		registration.setOrder(FILTER_ORDER);
		return registration;
	}

	/**
	 * The Prometheus client's registry, which Spring Boot's Micrometer registry writes
	 * into, with the Prometheus client's process metrics:
	 * {@code process_cpu_seconds_total}, {@code process_open_fds},
	 * {@code process_max_fds}, {@code process_resident_memory_bytes},
	 * {@code process_virtual_memory_bytes} and {@code process_start_time_seconds}, the
	 * names and meanings of Python's prometheus_client, which dashboards made for LCS
	 * use. Micrometer's own start time, under the same name, is left out so the name is
	 * exposed once.
	 */
	@Bean
	PrometheusRegistry prometheusRegistry() {
		PrometheusRegistry registry = new PrometheusRegistry();
		ProcessMetrics.builder().register(registry);
		return registry;
	}

	@Bean
	MeterFilter withoutMicrometerStartTime() {
		return MeterFilter.denyNameStartsWith("process.start.time");
	}

	@Bean
	ModelConfigurationGauge modelConfigurationGauge(MeterRegistry registry, LlamaStackStatus llamaStack,
			InferenceConfig inference) {
		return new ModelConfigurationGauge(registry, llamaStack, inference);
	}

}
