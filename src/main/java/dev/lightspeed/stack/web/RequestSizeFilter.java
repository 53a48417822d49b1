package dev.lightspeed.stack.web;

import dev.lightspeed.stack.limits.RequestLimits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.errors.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops a request body over {@code lightspeed.limits.max-request-size} before it is read
 * whole: a declared length over the limit is answered 413 at once, and a chunked body
 * fails with the same 413 when its reader passes the limit. File uploads
 * ({@code POST /v1/files}) have their own, larger limit,
 * {@code lightspeed.knowledge.max-upload-size}, which the upload checks as it streams.
 */
class RequestSizeFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final ErrorResponses errorResponses;

	RequestSizeFilter(RequestLimits limits, ErrorResponses errorResponses) {
		this.maxBytes = limits.maxRequestSize().toBytes();
		this.errorResponses = errorResponses;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return "POST".equals(request.getMethod()) && "/v1/files".equals(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxBytes) {
			// the connection closes after the answer: the body is never read
			response.setHeader("Connection", "close");
			this.errorResponses.write(response, tooLarge());
			return;
		}
		chain.doFilter(new Limited(request, this.maxBytes), response);
	}

	private ApiException tooLarge() {
		return ApiException.of(HttpStatus.CONTENT_TOO_LARGE, "Request too large",
				"The request body is larger than " + this.maxBytes + " bytes");
	}

	private final class Limited extends HttpServletRequestWrapper {

		private final long limit;

		private @Nullable ServletInputStream body;

		private @Nullable BufferedReader reader;

		Limited(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.body == null) {
				this.body = new Counting(super.getInputStream(), this.limit);
			}
			return this.body;
		}

		// the reader reads the same counted bytes: through the wrapped request's own
		// reader, a body read as characters would pass the limit unseen
		@Override
		public BufferedReader getReader() throws IOException {
			if (this.reader == null) {
				String encoding = getCharacterEncoding();
				try {
					Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
					this.reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
				}
				catch (IllegalArgumentException ex) {
					throw new UnsupportedEncodingException(encoding);
				}
			}
			return this.reader;
		}

	}

	private final class Counting extends ServletInputStream {

		private final ServletInputStream in;

		private final long limit;

		private long read;

		Counting(ServletInputStream in, long limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) {
			this.read += n;
			if (this.read > this.limit) {
				throw tooLarge();
			}
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

	}

}
