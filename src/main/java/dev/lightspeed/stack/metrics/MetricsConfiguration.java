package dev.lightspeed.stack.metrics;

import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.llamastack.LlamaStackBackend;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The REST metrics filter and the model configuration gauge.
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

	@Bean
	ModelConfigurationGauge modelConfigurationGauge(MeterRegistry registry, LlamaStackBackend llamaStack,
			LightspeedConfiguration configuration) {
		return new ModelConfigurationGauge(registry, llamaStack, configuration.inference());
	}

}
