package dev.lightspeed.stack.llamastack;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultClientConnectionReuseStrategy;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the Apache HttpClient every Llama Stack call goes through.
 */
final class LlamaStackHttpClients {

	// uvicorn closes a connection idle for 5 s; one idle for 2 s is closed here first, so
	// a request never goes out on a connection the server is closing
	private static final TimeValue IDLE_LIFETIME = TimeValue.ofSeconds(2);

	// a connection idle for longer than this is checked before it is used again
	private static final TimeValue VALIDATE_AFTER = TimeValue.ofMilliseconds(500);

	// a streamed answer holds its connection for minutes, thousands at a time: small
	// buffers (Llama Stack's events are a few hundred bytes each)
	private static final int BUFFER_SIZE = 4096;

	private LlamaStackHttpClients() {
	}

	/**
	 * GET and DELETE are sent again, once, when their connection broke before any answer;
	 * an answer, even a 503, is the caller's to judge.
	 */
	private static final class RetryOnceOnBrokenConnection extends DefaultHttpRequestRetryStrategy {

		RetryOnceOnBrokenConnection() {
			super(1, TimeValue.ZERO_MILLISECONDS);
		}

		@Override
		public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
			return false;
		}

	}

	/**
	 * A connection is kept after a complete answer, unless the answer is a 5xx: Llama
	 * Stack answers 500 when a request raised, and uvicorn then closes the connection a
	 * moment after the answer without saying so, so that another request sent on it in
	 * that moment failed with a reset (seen on 0.5.4 under load, after a turn's LLM
	 * failed).
	 */
	private static boolean keepAlive(HttpRequest request, HttpResponse response, HttpContext context) {
		return response.getCode() < 500
				&& DefaultClientConnectionReuseStrategy.INSTANCE.keepAlive(request, response, context);
	}

	static CloseableHttpClient create(LlamaStackProperties properties) {
		Timeout connect = Timeout.of(properties.connectTimeout());
		Timeout read = Timeout.of(properties.readTimeout());
		PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
			.setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
			.setMaxConnTotal(properties.maxConnections())
			.setMaxConnPerRoute(properties.maxConnections())
			.setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
				.http1Config(Http1Config.custom().setBufferSize(BUFFER_SIZE).build())
				.build())
			.setDefaultConnectionConfig(ConnectionConfig.custom()
				.setConnectTimeout(connect)
				.setSocketTimeout(read)
				.setValidateAfterInactivity(VALIDATE_AFTER)
				.build())
			.build();
		return HttpClients.custom()
			.setConnectionManager(connections)
			.setDefaultRequestConfig(
					RequestConfig.custom().setConnectionRequestTimeout(connect).setResponseTimeout(read).build())
			.setRetryStrategy(new RetryOnceOnBrokenConnection())
			.setConnectionReuseStrategy(LlamaStackHttpClients::keepAlive)
			.evictIdleConnections(IDLE_LIFETIME)
			.evictExpiredConnections()
			.disableRedirectHandling()
			.disableCookieManagement()
			.disableAuthCaching()
			.disableContentCompression()
			.setUserAgent("lightspeed-stack")
			.build();
	}

}
