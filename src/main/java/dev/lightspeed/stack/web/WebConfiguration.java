package dev.lightspeed.stack.web;

import dev.lightspeed.stack.config.AuthenticationConfig;
import dev.lightspeed.stack.config.ServiceConfig;
import dev.lightspeed.stack.errors.ErrorResponses;
import dev.lightspeed.stack.errors.JettyErrorHandler;
import dev.lightspeed.stack.limits.RequestLimits;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The filters in LCS 0.2.0's middleware order: the access log around everything, then
 * CORS; the metrics filter follows, then authentication. And Jetty: its connector sized
 * for many long streams, its own errors in the API's shape.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimits.class)
class WebConfiguration {

	private static final int STREAM_BUFFER_SIZE = 2048;

	@Bean
	FilterRegistrationBean<AccessLogFilter> accessLogFilter(ServiceConfig service) {
		FilterRegistrationBean<AccessLogFilter> registration = new FilterRegistrationBean<>(new AccessLogFilter());
		registration.setEnabled(service.accessLog());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		return registration;
	}

	@Bean
	FilterRegistrationBean<CorsFilter> corsFilter(ServiceConfig service) {
		FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(
				new CorsFilter(new StarletteCors(service.cors())));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(RequestLimits limits, ErrorResponses errorResponses) {
		FilterRegistrationBean<RequestSizeFilter> registration = new FilterRegistrationBean<>(
				new RequestSizeFilter(limits, errorResponses));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
		return registration;
	}

	// A stream keeps its connection for as long as the answer takes, ten thousand at a
	// time. Jetty lends its buffers from a pool and takes them back between reads and
	// writes, so an open stream holds none while it waits for its next event; heap
	// buffers, not direct ones, keep that memory in the heap the JVM is sized by.
	// Requests and SSE events are small: 2 KB buffers instead of 8 and 32 KB, a larger
	// body takes a few more reads or writes. The accept queue takes bursts of new
	// streams (the JDK's default backlog, 50, refuses them).
	@Bean
	JettyServerCustomizer streamSizedConnector() {
		return (server) -> {
			for (Connector connector : server.getConnectors()) {
				if (connector instanceof ServerConnector serverConnector) {
					serverConnector.setAcceptQueueSize(4096);
				}
				HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
				if (http != null) {
					HttpConfiguration settings = http.getHttpConfiguration();
					settings.setInputBufferSize(STREAM_BUFFER_SIZE);
					settings.setOutputBufferSize(STREAM_BUFFER_SIZE);
					settings.setOutputAggregationSize(STREAM_BUFFER_SIZE);
					settings.setUseInputDirectByteBuffers(false);
					settings.setUseOutputDirectByteBuffers(false);
				}
			}
		};
	}

	// What Jetty refuses before Spring sees it, in the API's error shape.
	@Bean
	JettyServerCustomizer jsonServerErrors() {
		return (server) -> server.setErrorHandler(new JettyErrorHandler());
	}

	@Bean
	ServiceSettingsReport serviceSettingsReport(ServiceConfig service, AuthenticationConfig authentication) {
		return new ServiceSettingsReport(service, authentication);
	}

}
