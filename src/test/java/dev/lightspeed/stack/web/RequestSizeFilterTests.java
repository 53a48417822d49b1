package dev.lightspeed.stack.web;

import dev.lightspeed.stack.limits.RequestLimits;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.errors.ErrorResponses;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.FileCopyUtils;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;

/**
 * A body of unknown length (chunked) is counted as it is read, whether as bytes or as
 * characters.
 */
class RequestSizeFilterTests {

	private final RequestSizeFilter filter = new RequestSizeFilter(
			new RequestLimits(DataSize.ofBytes(1024), 131072, 32, 1048576, 32), mock(ErrorResponses.class));

	@Test
	void aChunkedBodyReadAsCharactersPastTheLimitIsTooLarge() {
		ApiException refused = catchThrowableOfType(ApiException.class,
				() -> this.filter.doFilter(chunked("x".repeat(4096)), new MockHttpServletResponse(),
						readingCharacters(new AtomicReference<>())));
		assertThat(refused).as("413 while the reader passes the limit").isNotNull();
		assertThat(refused.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
	}

	@Test
	void aChunkedBodyReadAsBytesPastTheLimitIsTooLarge() {
		ApiException refused = catchThrowableOfType(ApiException.class,
				() -> this.filter.doFilter(chunked("x".repeat(4096)), new MockHttpServletResponse(),
						(request, response) -> request.getInputStream().readAllBytes()));
		assertThat(refused).as("413 while the stream passes the limit").isNotNull();
		assertThat(refused.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
	}

	@Test
	void aChunkedBodyWithinTheLimitIsReadWholeAsUtf8Characters() throws Exception {
		String body = "{\"query\":\"où est le café ? " + "x".repeat(900) + "\"}";
		AtomicReference<String> read = new AtomicReference<>();
		this.filter.doFilter(chunked(body), new MockHttpServletResponse(), readingCharacters(read));
		assertThat(read.get()).isEqualTo(body);
	}

	private static FilterChain readingCharacters(AtomicReference<String> read) {
		return (request, response) -> {
			try (Reader reader = request.getReader()) {
				read.set(FileCopyUtils.copyToString(reader));
			}
		};
	}

	// no Content-Length: the size is known only once the body has been read
	private static MockHttpServletRequest chunked(String body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/query") {

			@Override
			public long getContentLengthLong() {
				return -1;
			}

		};
		request.setContentType("application/json");
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		return request;
	}

}
