package dev.lightspeed.stack.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.lightspeed.stack.config.McpServerConfig;
import dev.lightspeed.stack.config.McpServersConfig;
import dev.lightspeed.stack.llamastack.LlamaStackStatus;
import dev.lightspeed.stack.llamastack.ProviderHealth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The components of the stack behind the service: Llama Stack (its providers' health, as
 * readiness asks it) and each configured MCP server (does it answer HTTP at all; the
 * service still answers without it, so it is not critical).
 */
@Configuration(proxyBeanMethods = false)
class StackHealthChecks {

	static final Duration MCP_TIMEOUT = Duration.ofSeconds(3);

	@Bean
	HealthChecks stackHealth(LlamaStackStatus status, McpServersConfig mcpServers) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(MCP_TIMEOUT).build();
		List<ComponentCheck> checks = new ArrayList<>();
		checks.add(ComponentCheck.of("llama_stack", true, () -> {
			List<ProviderHealth> providers = status.backend().providers();
			String unhealthy = providers.stream()
				.filter(ProviderHealth::unhealthy)
				.map(ProviderHealth::providerId)
				.collect(Collectors.joining(", "));
			if (!unhealthy.isEmpty()) {
				throw new IllegalStateException("Providers not healthy: " + unhealthy);
			}
			return "Llama Stack " + status.version().orElse("") + ", " + providers.size() + " providers healthy";
		}));
		for (McpServerConfig server : mcpServers.servers()) {
			checks.add(ComponentCheck.of("mcp:" + server.name(), false, () -> reachable(http, server.url())));
		}
		return () -> checks;
	}

	// any HTTP answer will do: an MCP endpoint answers a plain GET with 405 or 406
	private static String reachable(HttpClient http, String url) throws Exception {
		HttpResponse<Void> response = http.send(
				HttpRequest.newBuilder(URI.create(url)).timeout(MCP_TIMEOUT).GET().build(),
				HttpResponse.BodyHandlers.discarding());
		return "HTTP " + response.statusCode();
	}

}
