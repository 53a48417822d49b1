package dev.lightspeed.stack.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CORS as LCS 0.2.0's outermost middleware does it: a preflight is answered here, on any
 * path, before routing and authentication; other requests with an {@code Origin} get the
 * CORS headers on their response whatever it is.
 */
class CorsFilter extends OncePerRequestFilter {

	private final StarletteCors cors;

	CorsFilter(StarletteCors cors) {
		this.cors = cors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		if (origin == null) {
			chain.doFilter(request, response);
			return;
		}
		String method = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
		if ("OPTIONS".equals(request.getMethod()) && method != null) {
			preflight(response,
					this.cors.preflight(origin, method, request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS)));
			return;
		}
		boolean hasCookie = request.getHeader(HttpHeaders.COOKIE) != null;
		// Set before the body is written, which commits the response.
		this.cors.simpleResponseHeaders(origin, hasCookie).forEach(response::setHeader);
		if (this.cors.variesByOrigin(origin, hasCookie)) {
			response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
		}
		chain.doFilter(request, response);
	}

	private static void preflight(HttpServletResponse response, StarletteCors.Preflight preflight) throws IOException {
		response.setStatus(preflight.status());
		for (Map.Entry<String, String> header : preflight.headers().entrySet()) {
			response.setHeader(header.getKey(), header.getValue());
		}
		byte[] body = preflight.body().getBytes(StandardCharsets.UTF_8);
		response.setContentType("text/plain; charset=utf-8");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
