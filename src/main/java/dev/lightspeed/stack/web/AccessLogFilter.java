package dev.lightspeed.stack.web;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code service.access_log}: one INFO line per request, like uvicorn's access log, with
 * client address, method, path, protocol, status and duration. The query string is left
 * out (it may carry a {@code user_id} or worse) and no header is ever logged. A stream is
 * logged when it ends.
 */
class AccessLogFilter extends OncePerRequestFilter {

	static final String LOGGER = "dev.lightspeed.stack.access";

	private static final Logger log = LoggerFactory.getLogger(LOGGER);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long start = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			// The container turns it into a 500 after this filter.
			log(request, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, start);
			throw ex;
		}
		if (request.isAsyncStarted()) {
			request.getAsyncContext().addListener(new Completion(request, response, start));
		}
		else {
			log(request, response.getStatus(), start);
		}
	}

	private static void log(HttpServletRequest request, int status, long start) {
		if (log.isInfoEnabled()) {
			long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
			log.info("{} - \"{} {} {}\" {} {} ms", request.getRemoteAddr(), request.getMethod(),
					request.getRequestURI(), request.getProtocol(), status, millis);
		}
	}

	private record Completion(HttpServletRequest request, HttpServletResponse response,
			long start) implements AsyncListener {

		@Override
		public void onComplete(AsyncEvent event) {
			log(this.request, this.response.getStatus(), this.start);
		}

		@Override
		public void onTimeout(AsyncEvent event) {
		}

		@Override
		public void onError(AsyncEvent event) {
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
		}

	}

}
