package dev.lightspeed.stack.llamastack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8LinesTests {

	@Test
	void linesEndedByLfOrCrLfShouldComeWithoutTheirTerminator() throws IOException {
		assertThat(lines("data: a\n\r\ndata: b\r\n\n")).containsExactly("data: a", "", "data: b", "");
	}

	@Test
	void aLastLineWithoutTerminatorShouldStillBeRead() throws IOException {
		assertThat(lines("data: a\ndata: b")).containsExactly("data: a", "data: b");
	}

	@Test
	void lineLongerThanTheBufferShouldComeWhole() throws IOException {
		String line = "data: " + "x".repeat(5000);
		assertThat(lines(line + "\n\n")).containsExactly(line, "");
	}

	@Test
	void multiByteCharactersSplitAcrossReadsShouldBeDecodedWhole() throws IOException {
		String line = "data: " + "café 🚀 ".repeat(200);
		byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
		// one byte per read: every character is split across reads
		InputStream trickle = new ByteArrayInputStream(bytes) {

			@Override
			public int read(byte[] buffer, int offset, int length) {
				return super.read(buffer, offset, Math.min(1, length));
			}

		};
		Utf8Lines reader = new Utf8Lines(trickle);
		assertThat(reader.next()).isEqualTo(line);
		assertThat(reader.next()).isNull();
	}

	private static List<String> lines(String body) throws IOException {
		Utf8Lines reader = new Utf8Lines(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
		List<String> lines = new ArrayList<>();
		for (String line = reader.next(); line != null; line = reader.next()) {
			lines.add(line);
		}
		return lines;
	}

}
