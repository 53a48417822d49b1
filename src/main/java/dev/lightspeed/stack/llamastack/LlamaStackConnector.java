package dev.lightspeed.stack.llamastack;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

import dev.lightspeed.stack.config.McpServerConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Makes contact with Llama Stack when the application starts, before the web server
 * accepts requests: checks {@code GET /v1/version}, chooses the API generation for that
 * version and, for the Agents API, registers the MCP servers. An unsupported Llama Stack
 * stops the start-up; one that cannot be reached yet is retried in the background (1 s
 * doubling to 10 s; 250 ms doubling to 1 s for the server library mode starts) while
 * requests that need it answer 503.
 */
class LlamaStackConnector implements LlamaStackStatus, SmartInitializingSingleton, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(LlamaStackConnector.class);

	private final LlamaStackHttp http;

	private final BackendRegistry registry;

	private final List<McpServerConfig> mcpServers;

	private final String url;

	private final boolean startedHere;

	private final Duration initialBackoff;

	private final Duration maximumBackoff;

	private final IntConsumer exit;

	private volatile BackendRegistry.@Nullable Selected selected;

	private volatile @Nullable Thread retrier;

	private volatile boolean stopped;

	LlamaStackConnector(LlamaStackHttp http, BackendRegistry registry, List<McpServerConfig> mcpServers, String url,
			boolean startedHere, Duration initialBackoff, Duration maximumBackoff, IntConsumer exit) {
		this.http = http;
		this.registry = registry;
		this.mcpServers = List.copyOf(mcpServers);
		this.url = url;
		this.startedHere = startedHere;
		this.initialBackoff = initialBackoff;
		this.maximumBackoff = maximumBackoff;
		this.exit = exit;
	}

	@Override
	public void afterSingletonsInstantiated() {
		try {
			connect();
		}
		catch (RuntimeException ex) {
			if (!retryable(ex)) {
				throw ex;
			}
			if (this.startedHere) {
				logger.info("Waiting for the Llama Stack that library mode starts at {}; requests that need it "
						+ "answer 503 until it answers", this.url);
			}
			else {
				logger.warn("Llama Stack at {} cannot be reached ({}); retrying in the background, requests that "
						+ "need it answer 503 until then", this.url, ex.getMessage());
			}
			this.retrier = Thread.ofVirtual().name("llama-stack-connect").start(this::retry);
		}
	}

	private void retry() {
		Duration backoff = this.initialBackoff;
		while (!this.stopped) {
			try {
				Thread.sleep(backoff);
				connect();
				return;
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				if (!retryable(ex)) {
					logger.error("{}; stopping", ex.getMessage());
					this.exit.accept(1);
					return;
				}
				logger.debug("Llama Stack at {} still cannot be reached: {}", this.url, ex.getMessage());
				backoff = (backoff.multipliedBy(2).compareTo(this.maximumBackoff) < 0) ? backoff.multipliedBy(2)
						: this.maximumBackoff;
			}
		}
	}

	/**
	 * Connection failures and server errors (a proxy before a starting Llama Stack) pass.
	 */
	private static boolean retryable(RuntimeException ex) {
		return ex instanceof LlamaStackUnavailableException
				|| (ex instanceof LlamaStackApiException api && api.upstreamStatus() >= 500);
	}

	private void connect() {
		String reported;
		try {
			reported = this.http.get("/v1/version", JsonNode.class).path("version").stringValue("");
		}
		catch (LlamaStackApiException ex) {
			if (retryable(ex)) {
				throw ex;
			}
			throw new LlamaStackStartupException(
					"Llama Stack at " + this.url + " refused GET /v1/version: " + ex.getMessage(),
					"Check llama_stack.url and llama_stack.api_key.", ex);
		}
		BackendRegistry.Selected selected = this.registry.select(reported);
		try {
			if (selected.backend() instanceof AgentsApiBackend agents) {
				agents.registerMcpServers(this.mcpServers);
			}
		}
		catch (LlamaStackApiException ex) {
			if (retryable(ex)) {
				throw ex;
			}
			throw new LlamaStackStartupException(
					"Registering the MCP servers in Llama Stack failed: " + ex.getMessage(),
					"Check mcp_servers: provider_id must name a remote::model-context-protocol tool_runtime "
							+ "provider of Llama Stack.",
					ex);
		}
		this.selected = selected;
		logger.info("Connected to Llama Stack {} at {}, speaking its {}", selected.version(), this.url,
				selected.name());
	}

	@Override
	public LlamaStackBackend backend() {
		return selected().backend();
	}

	/**
	 * A vector store was created, changed or deleted through this service: the connected
	 * backend lists them again next time.
	 */
	void vectorStoresChanged() {
		BackendRegistry.Selected current = this.selected;
		if (current != null) {
			current.backend().vectorStoresChanged();
		}
	}

	/**
	 * The version of the connected Llama Stack.
	 * @throws LlamaStackUnavailableException while not connected
	 */
	SemanticVersion connectedVersion() {
		return selected().version();
	}

	private BackendRegistry.Selected selected() {
		BackendRegistry.Selected current = this.selected;
		if (current == null) {
			throw new LlamaStackUnavailableException(LlamaStackUnavailableException.CONNECTION_ERROR);
		}
		return current;
	}

	@Override
	public boolean connected() {
		return this.selected != null;
	}

	@Override
	public Optional<String> version() {
		BackendRegistry.Selected current = this.selected;
		return (current != null) ? Optional.of(current.version().text()) : Optional.empty();
	}

	@Override
	public Optional<String> generation() {
		BackendRegistry.Selected current = this.selected;
		return (current != null) ? Optional.of(current.name()) : Optional.empty();
	}

	@Override
	public void destroy() {
		this.stopped = true;
		Thread thread = this.retrier;
		if (thread != null) {
			thread.interrupt();
		}
	}

}
