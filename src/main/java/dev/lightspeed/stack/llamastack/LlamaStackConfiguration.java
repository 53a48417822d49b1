package dev.lightspeed.stack.llamastack;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.lightspeed.stack.config.LlamaStackConfig;
import dev.lightspeed.stack.config.McpServersConfig;
import dev.lightspeed.stack.llamastack.library.LibraryModeServer;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The Llama Stack client, built once: one pooled HTTP client for every call, the backends
 * by API generation, and the connector that picks one from Llama Stack's version and
 * hands it to other features as {@link LlamaStackStatus#backend()}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LlamaStackProperties.class)
class LlamaStackConfiguration {

	private static final Duration INITIAL_BACKOFF = Duration.ofSeconds(1);

	private static final Duration MAXIMUM_BACKOFF = Duration.ofSeconds(10);

	// library mode: the server started here answers seconds after the start, on loopback,
	// where a try costs nothing
	private static final Duration LIBRARY_MODE_INITIAL_BACKOFF = Duration.ofMillis(250);

	private static final Duration LIBRARY_MODE_MAXIMUM_BACKOFF = Duration.ofSeconds(1);

	// Not a default candidate: other features must not get Llama Stack's client by
	// asking for "an HttpClient".
	@Bean(destroyMethod = "close", defaultCandidate = false)
	CloseableHttpClient llamaStackHttpClient(LlamaStackProperties properties) {
		return LlamaStackHttpClients.create(properties);
	}

	@Bean
	LlamaStackHttp llamaStackHttp(@Qualifier("llamaStackHttpClient") CloseableHttpClient client,
			LlamaStackConfig llamaStack, ObjectProvider<LibraryModeServer> libraryMode) {
		return http(client, llamaStack, libraryModeUrl(libraryMode));
	}

	@Bean
	BackendRegistry llamaStackBackends(LlamaStackHttp http, LlamaStackProperties properties) {
		return registry(http, properties.catalogTtl());
	}

	@Bean
	LlamaStackConnector llamaStackStatus(LlamaStackHttp http, BackendRegistry backends, McpServersConfig mcpServers,
			ObjectProvider<LibraryModeServer> libraryMode, ApplicationContext context) {
		boolean startedHere = libraryModeUrl(libraryMode).isPresent();
		return new LlamaStackConnector(http, backends, mcpServers.servers(), http.baseUrl(), startedHere,
				startedHere ? LIBRARY_MODE_INITIAL_BACKOFF : INITIAL_BACKOFF,
				startedHere ? LIBRARY_MODE_MAXIMUM_BACKOFF : MAXIMUM_BACKOFF, (status) -> {
					// Llama Stack turned out unsupported after start-up: stop as LCS
					// would have
					SpringApplication.exit(context, () -> status);
					System.exit(status);
				});
	}

	@Bean
	LlamaStackKnowledge llamaStackKnowledge(LlamaStackHttp http, LlamaStackConnector llamaStackStatus) {
		return new KnowledgeClient(http, llamaStackStatus::connectedVersion, llamaStackStatus::vectorStoresChanged);
	}

	@Bean
	LlamaStackCatalog llamaStackCatalog(LlamaStackHttp http, LlamaStackConnector llamaStackStatus) {
		return new CatalogClient(http, llamaStackStatus::connectedVersion);
	}

	@Bean
	LlamaStackResponses llamaStackResponses(LlamaStackHttp http, LlamaStackConnector llamaStackStatus) {
		return new ResponsesClient(http, llamaStackStatus::connectedVersion);
	}

	/**
	 * The client of the server library mode started, or else of {@code llama_stack.url}.
	 */
	static LlamaStackHttp http(CloseableHttpClient client, LlamaStackConfig llamaStack,
			Optional<String> libraryModeUrl) {
		return new LlamaStackHttp(client, libraryModeUrl.orElseGet(() -> baseUrl(llamaStack)), apiKey(llamaStack),
				JsonMapper.builder().build());
	}

	// absent from application slices that leave library mode out
	private static Optional<String> libraryModeUrl(ObjectProvider<LibraryModeServer> libraryMode) {
		LibraryModeServer server = libraryMode.getIfAvailable();
		return (server != null) ? server.url() : Optional.empty();
	}

	/**
	 * The generations: the Agents API up to 0.2.x (tested with 0.2.22), the Responses API
	 * from 0.3.0 through OGX 1.x (tested with Llama Stack 0.5.4 and OGX 1.5.0). OGX 2.0
	 * retired APIs this service uses, so it is refused until tested.
	 */
	static BackendRegistry registry(LlamaStackHttp http, Duration catalogTtl) {
		return new BackendRegistry(List
			.of(new BackendRegistry.Entry(SemanticVersion.of("0.2.17"), SemanticVersion.of("0.3.0"),
					SemanticVersion.of("0.2.22"), "Agents API", (version) -> new AgentsApiBackend(http, catalogTtl)),
					new BackendRegistry.Entry(SemanticVersion.of("0.3.0"), SemanticVersion.of("2.0.0"),
							SemanticVersion.of("1.5.0"), "Responses API",
							(version) -> new ResponsesApiBackend(http, version, catalogTtl))));
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
