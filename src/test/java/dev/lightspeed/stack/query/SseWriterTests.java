package dev.lightspeed.stack.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SseWriterTests {

	@Test
	void eventsShouldBeWrittenAsOneDataLineEach() {
		RecordingEmitter emitter = new RecordingEmitter(null);
		new SseWriter(emitter).send(Map.of("event", "token"));

		assertThat(emitter.sent).containsExactly("data: {\"event\": \"token\"}\n\n");
	}

	@Test
	void aSendTheResponseRefusesShouldEndTheResponseAtOnce() {
		// what Spring throws when writing fails other than by I/O, e.g. a response
		// whose headers another thread corrupted
		RecordingEmitter emitter = new RecordingEmitter(
				new IllegalStateException("Failed to send", new NullPointerException("headers[i] is null")));
		SseWriter writer = new SseWriter(emitter);

		assertThatExceptionOfType(SseWriter.ClientGoneException.class)
			.isThrownBy(() -> writer.send(Map.of("event", "start")));
		assertThat(emitter.completedWithError).isInstanceOf(IllegalStateException.class);

		writer.complete();
		assertThat(emitter.completions).isZero();
	}

	@Test
	void aClientThatLeftShouldHaveItsResponseEndedAtOnce() {
		// Jetty sends no error notification for a failed write: left alone, the request
		// would stay active until the stream timeout
		IOException brokenPipe = new IOException("Broken pipe");
		RecordingEmitter emitter = new RecordingEmitter(brokenPipe);
		SseWriter writer = new SseWriter(emitter);

		assertThatExceptionOfType(SseWriter.ClientGoneException.class)
			.isThrownBy(() -> writer.send(Map.of("event", "start")));
		assertThat(emitter.completedWithError).isSameAs(brokenPipe);

		writer.complete();
		assertThat(emitter.completions).isZero();
	}

	private static final class RecordingEmitter extends ResponseBodyEmitter {

		private final Exception failure;

		final List<Object> sent = new ArrayList<>();

		Throwable completedWithError;

		int completions;

		RecordingEmitter(Exception failure) {
			this.failure = failure;
		}

		@Override
		public void send(Object object, MediaType mediaType) throws IOException {
			if (this.failure instanceof IOException io) {
				throw io;
			}
			if (this.failure instanceof RuntimeException runtime) {
				throw runtime;
			}
			this.sent.add(object);
		}

		@Override
		public void complete() {
			this.completions++;
		}

		@Override
		public void completeWithError(Throwable ex) {
			this.completedWithError = ex;
		}

	}

}
