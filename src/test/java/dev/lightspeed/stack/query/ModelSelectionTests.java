package dev.lightspeed.stack.query;

import java.time.OffsetDateTime;
import java.util.List;

import dev.lightspeed.stack.config.InferenceConfig;
import dev.lightspeed.stack.conversations.ConversationRecord;
import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.errors.ErrorDetail;
import dev.lightspeed.stack.llamastack.Model;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ModelSelectionTests {

	private static final List<Model> MODELS = List.of(
			model("sentence-transformers/mini", "sentence-transformers", "embedding"),
			model("vllm/fake-model", "vllm", "llm"), model("openai/gpt-4o-mini", "openai", "llm"));

	private static final InferenceConfig NO_DEFAULTS = new InferenceConfig(null, null);

	@Test
	void requestedModelIsUsedWhenLlamaStackHasIt() {
		assertThat(ModelSelection.select("gpt-4o-mini", "openai", null, NO_DEFAULTS, MODELS))
			.isEqualTo(new ModelSelection("openai/gpt-4o-mini", "gpt-4o-mini", "openai"));
	}

	@Test
	void unknownModelIsABadRequestNamingModelAndProvider() {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> ModelSelection.select("nope", "openai", null, NO_DEFAULTS, MODELS))
			.satisfies((ex) -> {
				assertThat(ex.status().value()).isEqualTo(400);
				assertThat(ex.detail()).isEqualTo(new ErrorDetail("Unable to process this request",
						"Model nope from provider openai not found in available models"));
			});
	}

	@Test
	void configuredDefaultsApplyWhenTheRequestNamesNone() {
		assertThat(ModelSelection.select(null, null, null, new InferenceConfig("fake-model", "vllm"), MODELS))
			.isEqualTo(new ModelSelection("vllm/fake-model", "fake-model", "vllm"));
	}

	@Test
	void firstLlmIsTheFallbackAndIsRecordedWithoutItsProviderPrefix() {
		ModelSelection selection = ModelSelection.select(null, null, null, NO_DEFAULTS, MODELS);
		assertThat(selection).isEqualTo(new ModelSelection("vllm/fake-model", "fake-model", "vllm"));
		ConversationRecord followUp = record(selection.modelId(), selection.providerId());
		assertThat(ModelSelection.select(null, null, followUp, NO_DEFAULTS, MODELS)).isEqualTo(selection);
	}

	@Test
	void noLlmAtAllIsABadRequest() {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> ModelSelection.select(null, null, null, NO_DEFAULTS, MODELS.subList(0, 1)))
			.satisfies((ex) -> assertThat(ex.detail()).isEqualTo(
					new ErrorDetail("Unable to process this request", "No LLM model found in available models")));
	}

	@Test
	void requestValuesWinOverTheConversationsLastModel() {
		ConversationRecord conversation = record("fake-model", "vllm");
		assertThat(ModelSelection.select("gpt-4o-mini", "openai", conversation, NO_DEFAULTS, MODELS).modelId())
			.isEqualTo("gpt-4o-mini");
	}

	private static ConversationRecord record(String model, String provider) {
		OffsetDateTime now = OffsetDateTime.now();
		return new ConversationRecord("c", "u", model, provider, now, now, 1, null, "s");
	}

	private static Model model(String identifier, String provider, String type) {
		return new Model(identifier, provider, type, JsonNodeFactory.instance.objectNode());
	}

}
