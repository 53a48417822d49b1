package dev.lightspeed.stack.query;

import java.util.List;

import dev.lightspeed.stack.config.CustomizationConfig;
import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.errors.ErrorDetail;
import dev.lightspeed.stack.llamastack.TurnInput.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class QueryRulesTests {

	@Test
	void systemPromptPrecedenceIsRequestThenConfigurationThenDefault() {
		CustomizationConfig configured = new CustomizationConfig(false, null, "configured", false);
		assertThat(SystemPrompts.resolve("mine", configured)).isEqualTo("mine");
		assertThat(SystemPrompts.resolve("", configured)).isEqualTo("configured");
		assertThat(SystemPrompts.resolve(null, new CustomizationConfig(false, null, "", false))).isEmpty();
		assertThat(SystemPrompts.resolve(null, null)).isEqualTo("You are a helpful assistant");
	}

	@Test
	void requestSystemPromptIsRefusedWhenDisabled() {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> SystemPrompts.resolve("mine", new CustomizationConfig(true, null, null, false)))
			.satisfies((ex) -> {
				assertThat(ex.status().value()).isEqualTo(422);
				assertThat(((ErrorDetail) ex.detail()).cause()).isNull();
				assertThat(((ErrorDetail) ex.detail()).response())
					.startsWith("This instance does not support customizing the system prompt in the query request");
			});
	}

	@Test
	void attachmentsBecomeDocumentsAndBadTypesAreRefusedInOrder() {
		assertThat(Attachments.validate(List.of(new Attachment("log", "text/plain", "x"))))
			.containsExactly(new Document("log", "x", "text/plain"));
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> Attachments.validate(List.of(new Attachment("Log", "text/html", "x"))))
			.satisfies((ex) -> assertThat(ex.detail()).isEqualTo(
					new ErrorDetail("Unable to process this request", "Attachment with improper type Log detected")));
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> Attachments.validate(List.of(new Attachment("log", "text/html", "x"))))
			.satisfies((ex) -> assertThat(((ErrorDetail) ex.detail()).cause())
				.isEqualTo("Attachment with improper content type text/html detected"));
	}

}
