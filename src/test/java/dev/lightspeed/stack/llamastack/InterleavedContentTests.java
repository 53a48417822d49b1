package dev.lightspeed.stack.llamastack;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flattening content as LCS does (lcs-behavior §6.3).
 */
class InterleavedContentTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static String flatten(String json) {
		return InterleavedContent.flatten(JSON.readTree(json));
	}

	@Test
	void stringShouldStayAsIs() {
		assertThat(flatten("\"Use oc scale.\"")).isEqualTo("Use oc scale.");
	}

	@Test
	void textItemShouldBeItsText() {
		assertThat(flatten("{\"type\":\"text\",\"text\":\"hello\"}")).isEqualTo("hello");
	}

	@Test
	void imageItemShouldBeAPlaceholder() {
		assertThat(flatten("{\"type\":\"image\",\"image\":{\"url\":{\"uri\":\"http://x\"}}}")).isEqualTo("<image>");
	}

	@Test
	void listShouldBeItsItemsJoinedByOneSpace() {
		assertThat(flatten("[{\"type\":\"text\",\"text\":\"a\\n\"},\"b\",{\"type\":\"image\",\"image\":{}},"
				+ "{\"type\":\"text\",\"text\":\"c\"}]"))
			.isEqualTo("a\n b <image> c");
		assertThat(flatten("[]")).isEmpty();
	}

	@Test
	void nullAndMissingShouldBeEmpty() {
		assertThat(InterleavedContent.flatten(null)).isEmpty();
		assertThat(flatten("null")).isEmpty();
		assertThat(InterleavedContent.flatten(JsonNodeFactory.instance.missingNode())).isEmpty();
	}

}
