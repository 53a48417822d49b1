package dev.lightspeed.stack.shields;

import java.util.List;

import dev.lightspeed.stack.llamastack.LlamaStackBackend;
import dev.lightspeed.stack.llamastack.Shield;
import dev.lightspeed.stack.support.LlamaStackFailures;
import dev.lightspeed.stack.support.ConnectedLlamaStack;
import dev.lightspeed.stack.support.WebSlice;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;

@WebMvcTest(ShieldsController.class)
@Import({ WebSlice.class, ConnectedLlamaStack.class })
class ShieldsControllerTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private LlamaStackBackend llamaStack;

	@Test
	void shieldsArePassedThroughAsLlamaStackListsThem() {
		String guard = "{\"identifier\":\"inout_llama_guard\",\"provider_resource_id\":\"vllm/fake-guard\","
				+ "\"provider_id\":\"llama-guard\",\"type\":\"shield\",\"params\":null}";
		String other = "{\"identifier\":\"output_check\",\"provider_resource_id\":\"x\",\"provider_id\":\"p\","
				+ "\"type\":\"shield\",\"params\":{\"level\":2}}";
		given(this.llamaStack.shields()).willReturn(List.of(shield(guard), shield(other)));
		assertThat(this.mvc.get().uri("/v1/shields")).hasStatusOk()
			.body()
			.asString()
			.isEqualTo("{\"shields\":[" + guard + "," + other + "]}");
	}

	@Test
	void noShieldsIsAnEmptyList() {
		given(this.llamaStack.shields()).willReturn(List.of());
		assertThat(this.mvc.get().uri("/v1/shields")).hasStatusOk().body().asString().isEqualTo("{\"shields\":[]}");
	}

	@Test
	void llamaStackFailuresAre503And500() {
		LlamaStackFailures.assertListingFailures(this.mvc, "/v1/shields", "shields",
				(ex) -> willThrow(ex).given(this.llamaStack).shields());
	}

	private static Shield shield(String json) {
		ObjectNode raw = (ObjectNode) JSON.readTree(json);
		return new Shield(raw.path("identifier").asString(), raw);
	}

}
