package dev.lightspeed.stack.web;

import dev.lightspeed.stack.config.LightspeedConfiguration;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The filters in LCS 0.2.0's middleware order: the access log around everything, then
 * CORS; the metrics filter follows, then authentication.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	FilterRegistrationBean<AccessLogFilter> accessLogFilter(LightspeedConfiguration configuration) {
		FilterRegistrationBean<AccessLogFilter> registration = new FilterRegistrationBean<>(new AccessLogFilter());
		registration.setEnabled(configuration.service().accessLog());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		return registration;
	}

	@Bean
	FilterRegistrationBean<CorsFilter> corsFilter(LightspeedConfiguration configuration) {
		FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(
				new CorsFilter(new StarletteCors(configuration.service().cors())));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	// A stream keeps its connection's buffers for as long as the answer takes, ten
	// thousand at a time: 2 KB socket buffers instead of Tomcat's 8 KB, a 2 KB response
	// buffer (StreamSizedHttp11NioProtocol) and 1 KB for a chunked request's trailers
	// instead of 8 KB. Requests and SSE events are small; a larger one takes a few more
	// reads or writes.
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> streamSizedProtocol() {
		return (factory) -> factory.setProtocol(StreamSizedHttp11NioProtocol.class.getName());
	}

	@Bean
	TomcatConnectorCustomizer smallConnectionBuffers() {
		return (connector) -> {
			connector.setProperty("socket.appReadBufSize", "2048");
			connector.setProperty("socket.appWriteBufSize", "2048");
			connector.setProperty("maxTrailerSize", "1024");
		};
	}

	@Bean
	ServiceSettingsReport serviceSettingsReport(LightspeedConfiguration configuration) {
		return new ServiceSettingsReport(configuration);
	}

}
