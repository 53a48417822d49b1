package dev.lightspeed.stack.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * A round-robin HTTP proxy in front of replicas on loopback, as a load balancer or a
 * Kubernetes Service spreads requests: each request goes to the next backend, on a new
 * connection. A backend that refuses the connection (its process is gone) is skipped for
 * the next one, as a Service stops sending to a pod once it is gone; a backend that fails
 * once it has the request is a 502, as an ingress answers, and the request is not sent
 * again, since the backend may have acted on it. Answers are relayed as they come, so
 * Server-Sent Events stream through.
 */
public final class RoundRobinProxy implements AutoCloseable {

	// hop-by-hop, or set by the client library from the body
	private static final Set<String> NOT_RELAYED = Set.of("connection", "keep-alive", "transfer-encoding", "host",
			"content-length", "upgrade", "te", "trailer", "proxy-connection");

	private final List<Integer> ports;

	private final AtomicInteger next = new AtomicInteger();

	private final AtomicIntegerArray served;

	private final CloseableHttpClient client;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final HttpServer server;

	private RoundRobinProxy(List<Integer> ports) throws IOException {
		this.ports = List.copyOf(ports);
		this.served = new AtomicIntegerArray(ports.size());
		this.client = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setMaxConnTotal(500)
				.setMaxConnPerRoute(500)
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(Timeout.ofSeconds(5))
					.setSocketTimeout(Timeout.ofSeconds(60))
					.build())
				.build())
			.setConnectionReuseStrategy((request, response, context) -> false)
			.disableAutomaticRetries()
			.disableRedirectHandling()
			.disableContentCompression()
			.disableCookieManagement()
			.build();
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
		this.server.createContext("/", this::handle);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	/**
	 * Starts a proxy on a free loopback port.
	 * @param ports the backends' loopback ports
	 * @return the running proxy
	 * @throws IOException when no port can be bound
	 */
	public static RoundRobinProxy start(List<Integer> ports) throws IOException {
		return new RoundRobinProxy(ports);
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * How many requests a backend has been given.
	 * @param backend its index in the list of ports
	 * @return the count
	 */
	public int served(int backend) {
		return this.served.get(backend);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body = exchange.getRequestBody().readAllBytes();
			int first = Math.floorMod(this.next.getAndIncrement(), this.ports.size());
			for (int i = 0; i < this.ports.size(); i++) {
				int backend = (first + i) % this.ports.size();
				ClassicHttpResponse response;
				try {
					response = this.client.executeOpen(null, request(exchange, this.ports.get(backend), body).build(),
							null);
				}
				catch (HttpHostConnectException refused) {
					continue;
				}
				catch (IOException ex) {
					exchange.sendResponseHeaders(502, -1);
					return;
				}
				this.served.incrementAndGet(backend);
				relay(response, exchange);
				return;
			}
			exchange.sendResponseHeaders(503, -1);
		}
	}

	private static ClassicRequestBuilder request(HttpExchange exchange, int port, byte[] body) {
		ClassicRequestBuilder request = ClassicRequestBuilder.create(exchange.getRequestMethod())
			.setUri("http://127.0.0.1:" + port + exchange.getRequestURI());
		exchange.getRequestHeaders().forEach((name, values) -> {
			if (!NOT_RELAYED.contains(name.toLowerCase(Locale.ROOT)) && !name.equalsIgnoreCase("content-type")) {
				values.forEach((value) -> request.addHeader(name, value));
			}
		});
		if (body.length > 0) {
			String type = exchange.getRequestHeaders().getFirst("Content-Type");
			request.setEntity(new ByteArrayEntity(body, (type != null) ? ContentType.parse(type) : null));
		}
		return request;
	}

	// a backend that dies mid-answer leaves the client with a cut chunked body
	private static void relay(ClassicHttpResponse response, HttpExchange exchange) throws IOException {
		try (response) {
			for (Header header : response.getHeaders()) {
				if (!NOT_RELAYED.contains(header.getName().toLowerCase(Locale.ROOT))) {
					exchange.getResponseHeaders().add(header.getName(), header.getValue());
				}
			}
			HttpEntity entity = response.getEntity();
			if (entity == null) {
				exchange.sendResponseHeaders(response.getCode(), -1);
				return;
			}
			exchange.sendResponseHeaders(response.getCode(), 0);
			try (InputStream in = entity.getContent(); OutputStream out = exchange.getResponseBody()) {
				byte[] buffer = new byte[8192];
				for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.server.stop(0);
		this.executor.shutdownNow();
		this.client.close();
	}

}
