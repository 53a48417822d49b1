package dev.lightspeed.stack.e2e;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The client-compatibility parsers refuse what their descriptions say a client refuses;
 * otherwise the e2e check that all of them read a stream alike would prove nothing.
 */
class SseParsersTests {

	private static final String STREAM = "data: {\"event\": \"start\", \"data\": {}}\n\n"
			+ "data: {\"event\": \"end\", \"data\": {}}\n\n";

	@Test
	void everyParserReadsAStreamThatArrivesOneByteAtATimeAlike() throws Exception {
		LiveStream stream = LiveStream.read(trickling(STREAM), SseParsers.CLIENTS);
		assertThat(stream.body()).isEqualTo(STREAM);
		assertThat(stream.events()).hasSize(4)
			.allSatisfy((parser, events) -> assertThat(SseParsers.names(events)).containsExactly("start", "end"));
	}

	@Test
	void emptyBlockIsRejected() {
		assertThatIllegalStateException()
			.isThrownBy(() -> SseParsers.rejectingEmptyBlocks(bytes("data: {}\n\n\ndata: {}\n\n")))
			.withMessage("empty block after event 1");
	}

	@Test
	void commentsAndOtherFieldsAreRejected() {
		assertThatIllegalStateException().isThrownBy(() -> SseParsers.rejectingEmptyBlocks(bytes(": ping\n\n")));
		assertThatIllegalStateException()
			.isThrownBy(() -> SseParsers.rejectingEmptyBlocks(bytes("event: token\ndata: {}\n\n")));
	}

	@Test
	void strictBlocksRejectAnEventSplitOverTwoDataLines() {
		assertThatIllegalStateException().isThrownBy(() -> SseParsers.strictBlocks("data: {\"a\":\ndata: 1}\n\n"))
			.withMessageStartingWith("not a single data line");
	}

	@Test
	void strictBlocksRejectIncompleteJsonAndAMissingBlankLine() {
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> SseParsers.strictBlocks("data: {\"event\": \"start\"\n\n"));
		assertThatIllegalStateException().isThrownBy(() -> SseParsers.strictBlocks("data: {}\n"))
			.withMessageStartingWith("stream does not end with a blank line");
	}

	@Test
	void rhdhPluginJoinsTheDataLinesOfABlockWithoutASeparator() throws Exception {
		assertThat(SseParsers.rhdhPlugin(bytes("data: {\"event\":\ndata: \"end\"}\n\n"))).singleElement()
			.satisfies((event) -> assertThat(event.path("event").asString()).isEqualTo("end"));
	}

	@Test
	void rhdhPluginRejectsWhatItWouldShowAsInvalidJsonOrNeverRead() {
		assertThatIllegalStateException().isThrownBy(() -> SseParsers.rhdhPlugin(bytes(": keep-alive\n\n")))
			.withMessageStartingWith("Invalid JSON received in block 0");
		assertThatIllegalStateException().isThrownBy(() -> SseParsers.rhdhPlugin(bytes("data: {}\n\ndata: {}\n")))
			.withMessageStartingWith("the plugin never parses what follows the last blank line");
	}

	@Test
	void parserThatRejectsTheLiveStreamIsNamed() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> LiveStream.read(trickling("data: {}\n\n\n"),
					Map.of("lines", SseParsers::lineBased, "spec", SseParsers::rejectingEmptyBlocks)))
			.withMessageStartingWith("spec rejected the stream: empty block");
	}

	private static InputStream bytes(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	// hands out one byte per read, as a slow network would
	private static InputStream trickling(String text) {
		InputStream in = bytes(text);
		return new InputStream() {

			@Override
			public int read() throws java.io.IOException {
				return in.read();
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
				return (length == 0) ? 0 : in.read(buffer, offset, 1);
			}

		};
	}

}
