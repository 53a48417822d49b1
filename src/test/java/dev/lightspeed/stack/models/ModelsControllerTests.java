package dev.lightspeed.stack.models;

import java.util.List;

import dev.lightspeed.stack.llamastack.LlamaStackBackend;
import dev.lightspeed.stack.llamastack.Model;
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

@WebMvcTest(ModelsController.class)
@Import({ WebSlice.class, ConnectedLlamaStack.class })
class ModelsControllerTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private LlamaStackBackend llamaStack;

	@Test
	void modelsArePassedThroughInLcsKeyOrder() {
		// Llama Stack's own order, with a key LCS does not know.
		ObjectNode raw = (ObjectNode) JSON.readTree("{\"provider_resource_id\":\"gpt-4-turbo\","
				+ "\"model_type\":\"llm\",\"owner\":\"x\",\"type\":\"model\",\"provider_id\":\"openai\","
				+ "\"metadata\":{},\"identifier\":\"openai/gpt-4-turbo\"}");
		given(this.llamaStack.models()).willReturn(List.of(new Model("openai/gpt-4-turbo", "openai", "llm", raw)));
		assertThat(this.mvc.get().uri("/v1/models")).hasStatusOk()
			.body()
			.asString()
			.isEqualTo("{\"models\":[{\"identifier\":\"openai/gpt-4-turbo\",\"metadata\":{},\"api_model_type\":\"llm\","
					+ "\"provider_id\":\"openai\",\"type\":\"model\",\"provider_resource_id\":\"gpt-4-turbo\","
					+ "\"model_type\":\"llm\",\"owner\":\"x\"}]}");
	}

	@Test
	void wholeNumbersInMetadataAreFloatsAsLcsShowsThem() {
		// what LCS 0.2.0's Llama Stack client makes of it: top-level numbers become
		// floats, nested values stay
		ObjectNode raw = (ObjectNode) JSON.readTree("{\"identifier\":\"all-MiniLM-L6-v2\",\"metadata\":"
				+ "{\"embedding_dimension\":384,\"context_length\":8,\"score\":0.5,\"chunked\":true,"
				+ "\"name\":\"x\",\"none\":null,\"sizes\":[1,2],\"nested\":{\"n\":3}},\"model_type\":\"embedding\"}");
		given(this.llamaStack.models())
			.willReturn(List.of(new Model("all-MiniLM-L6-v2", "sentence-transformers", "embedding", raw)));
		assertThat(this.mvc.get().uri("/v1/models")).hasStatusOk()
			.body()
			.asString()
			.contains("\"metadata\":{\"embedding_dimension\":384.0,\"context_length\":8.0,\"score\":0.5,"
					+ "\"chunked\":true,\"name\":\"x\",\"none\":null,\"sizes\":[1,2],\"nested\":{\"n\":3}}");
	}

	@Test
	void llamaStackFailuresAre503And500() {
		LlamaStackFailures.assertListingFailures(this.mvc, "/v1/models", "models",
				(ex) -> willThrow(ex).given(this.llamaStack).models());
	}

	@Test
	void modelTypeFiltersTheListAsLcs042() {
		ObjectNode llm = (ObjectNode) JSON.readTree("{\"identifier\":\"openai/fake\",\"model_type\":\"llm\"}");
		ObjectNode embedding = (ObjectNode) JSON
			.readTree("{\"identifier\":\"openai/embed\",\"model_type\":\"embedding\"}");
		given(this.llamaStack.models()).willReturn(List.of(new Model("openai/fake", "openai", "llm", llm),
				new Model("openai/embed", "openai", "embedding", embedding)));
		assertThat(this.mvc.get().uri("/v1/models?model_type=embedding")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.models[*].identifier")
			.isEqualTo(List.of("openai/embed"));
		assertThat(this.mvc.get().uri("/v1/models?model_type=rerank")).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("{\"models\":[]}");
		assertThat(this.mvc.get().uri("/v1/models")).bodyJson()
			.extractingPath("$.models[*].identifier")
			.isEqualTo(List.of("openai/fake", "openai/embed"));
	}

}
