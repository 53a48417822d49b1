package dev.lightspeed.stack.llamastack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SseEventDataTests {

	@Test
	void dataLinesShouldBeJoinedWithNewlinesWithoutTheFieldNameAndOneSpace() throws IOException {
		assertThat(events("data: one\n\ndata: two\ndata:three\ndata:  four\n\n")).containsExactly("one",
				"two\nthree\n four");
	}

	@Test
	void crlfLinesOtherFieldsAndCommentsShouldBeSkipped() throws IOException {
		assertThat(events(": keep-alive\r\nevent: message\r\nid: 1\r\ndata: a\r\n\r\nretry: 5\r\n\r\ndata\r\n\r\n"))
			.containsExactly("a");
	}

	@Test
	void anEmptyDataLineShouldStillMakeAnEvent() throws IOException {
		assertThat(events("data:\n\ndata: \n\n")).containsExactly("", "");
	}

	@Test
	void aLastEventWithoutItsBlankLineShouldStillBeRead() throws IOException {
		assertThat(events("data: a\n\ndata: b\r")).containsExactly("a", "b");
		assertThat(events("")).isEmpty();
		assertThat(events("\n\n: only a comment")).isEmpty();
	}

	@Test
	void linesLongerThanTheBuffersShouldComeWhole() throws IOException {
		String first = "x".repeat(5000);
		String second = "y".repeat(700);
		assertThat(events("data: " + first + "\ndata: " + second + "\n\ndata: z\n\n"))
			.containsExactly(first + "\n" + second, "z");
	}

	@Test
	void multiByteCharactersSplitAcrossReadsShouldArriveWhole() throws IOException {
		String text = "café 🚀 ".repeat(200);
		byte[] bytes = ("data: " + text + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		// one byte per read: every character and every line ending is split across reads
		InputStream trickle = new ByteArrayInputStream(bytes) {

			@Override
			public int read(byte[] buffer, int offset, int length) {
				return super.read(buffer, offset, Math.min(1, length));
			}

		};
		SseEventData reader = new SseEventData(trickle);
		assertThat(new String(reader.next(), StandardCharsets.UTF_8)).isEqualTo(text);
		assertThat(reader.next()).isNull();
	}

	private static List<String> events(String body) throws IOException {
		SseEventData reader = new SseEventData(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
		List<String> events = new ArrayList<>();
		for (byte[] data = reader.next(); data != null; data = reader.next()) {
			events.add(new String(data, StandardCharsets.UTF_8));
		}
		return events;
	}

}
