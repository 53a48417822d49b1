package dev.lightspeed.stack.llamastack;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.config.LlamaStackConfig;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.StreamUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * The Llama Stack client, built once: one JDK {@link HttpClient} (its connection pool
 * keeps connections alive) under a {@link RestClient} for the JSON endpoints, an
 * {@link EventStreamClient} with connections of its own for turn streams, the backends by
 * version, and the {@link LlamaStackBackend} facade other features inject.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LlamaStackProperties.class)
class LlamaStackConfiguration {

	private static final Duration INITIAL_BACKOFF = Duration.ofSeconds(1);

	private static final Duration MAXIMUM_BACKOFF = Duration.ofSeconds(10);

	// Not default candidates: other features must not get Llama Stack's client (and its
	// API key) by asking for "an HttpClient" or "a RestClient".
	@Bean(defaultCandidate = false)
	HttpClient llamaStackHttpClient(LightspeedConfiguration configuration, LlamaStackProperties properties) {
		return httpClient(properties, URI.create(baseUrl(configuration.llamaStack())));
	}

	@Bean(defaultCandidate = false)
	RestClient llamaStackRestClient(@Qualifier("llamaStackHttpClient") HttpClient httpClient,
			LightspeedConfiguration configuration, LlamaStackProperties properties) {
		return restClient(httpClient, configuration.llamaStack(), properties);
	}

	@Bean
	LlamaStackApi llamaStackApi(@Qualifier("llamaStackRestClient") RestClient restClient) {
		return api(restClient);
	}

	@Bean
	EventStreamClient llamaStackEventStreams(LightspeedConfiguration configuration, LlamaStackProperties properties) {
		return eventStreams(configuration.llamaStack(), properties);
	}

	@Bean
	BackendRegistry llamaStackBackends(LlamaStackApi api, EventStreamClient streams) {
		return new BackendRegistry(List.of(new BackendRegistry.Entry(SemanticVersion.of("0.2.17"),
				SemanticVersion.of("0.2.22"), "Agents API", () -> new AgentsApiBackend(api, streams))));
	}

	@Bean
	LlamaStackConnector llamaStackStatus(LlamaStackApi api, BackendRegistry backends,
			LightspeedConfiguration configuration, ApplicationContext context) {
		return new LlamaStackConnector(api, backends, configuration.mcpServers(), baseUrl(configuration.llamaStack()),
				INITIAL_BACKOFF, MAXIMUM_BACKOFF, (status) -> {
					// Llama Stack turned out unsupported after start-up: stop as LCS
					// would have
					SpringApplication.exit(context, () -> status);
					System.exit(status);
				});
	}

	@Bean
	LlamaStackBackend llamaStackBackend(LlamaStackConnector llamaStackStatus, LlamaStackProperties properties) {
		return new LlamaStackBackendFacade(llamaStackStatus::backend, properties.catalogTtl(), System::nanoTime);
	}

	static HttpClient httpClient(LlamaStackProperties properties, URI server) {
		// HTTP/1.1: Llama Stack (uvicorn) speaks nothing else, and an h2c upgrade attempt
		// would only cost a round trip
		HttpClient.Builder builder = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.connectTimeout());
		if ("http".equals(server.getScheme())) {
			// Without a TLS context of its own the client takes the JDK's default one,
			// whose trust store takes 50-70 ms of start-up to load, even for a client
			// that never opens a TLS connection (it follows no redirects). This one
			// trusts no certificate at all.
			builder.sslContext(trustingNoCertificate()).sslParameters(new SSLParameters());
		}
		return builder.build();
	}

	private static SSLContext trustingNoCertificate() {
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, new TrustManager[0], null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The JDK has no TLS context", ex);
		}
	}

	static RestClient restClient(HttpClient httpClient, LlamaStackConfig llamaStack, LlamaStackProperties properties) {
		// bodies are written on a virtual thread (without an executor Spring starts a
		// platform thread for every request that has a body)
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient,
				new VirtualThreadTaskExecutor("llama-stack-body-"));
		requestFactory.setReadTimeout(properties.readTimeout());
		RestClient.Builder builder = RestClient.builder()
			.requestFactory(requestFactory)
			.baseUrl(baseUrl(llamaStack))
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
				throw UpstreamErrors.apiError(response.getStatusCode().value(),
						StreamUtils.copyToByteArray(response.getBody()));
			});
		String apiKey = apiKey(llamaStack);
		if (apiKey != null) {
			builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey);
		}
		return builder.build();
	}

	static EventStreamClient eventStreams(LlamaStackConfig llamaStack, LlamaStackProperties properties) {
		String baseUrl = baseUrl(llamaStack);
		BlockingHttpClient httpClient = new BlockingHttpClient(URI.create(baseUrl), properties.connectTimeout(),
				properties.readTimeout(), System::nanoTime);
		return new EventStreamClient(httpClient, baseUrl, apiKey(llamaStack), JsonMapper.builder().build());
	}

	static LlamaStackApi api(RestClient restClient) {
		LlamaStackApi client = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(restClient))
			.build()
			.createClient(LlamaStackApi.class);
		return UpstreamErrors.translating(LlamaStackApi.class, client);
	}

	// "api_key: ${env.LLAMA_STACK_API_KEY:=}" leaves an empty key: send none then
	static @Nullable String apiKey(LlamaStackConfig llamaStack) {
		return StringUtils.hasText(llamaStack.apiKey()) ? llamaStack.apiKey() : null;
	}

	static String baseUrl(LlamaStackConfig llamaStack) {
		String url = (llamaStack.url() != null) ? llamaStack.url() : "";
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
