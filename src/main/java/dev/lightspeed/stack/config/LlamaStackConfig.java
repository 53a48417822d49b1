package dev.lightspeed.stack.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The {@code llama_stack} section. Library mode embeds Llama Stack in a Python process,
 * which a JVM cannot do, so it is rejected with a message saying so.
 *
 * @param url base URL of the Llama Stack server
 * @param apiKey bearer token sent to Llama Stack
 * @param useAsLibraryClient library mode flag, null when not given
 * @param libraryClientConfigPath Llama Stack run.yaml for library mode
 */
public record LlamaStackConfig(@Nullable String url,
		@JsonProperty("api_key") @JsonSerialize(using = SecretSerializer.class) @Nullable String apiKey,
		@JsonProperty("use_as_library_client") @JsonSerialize(
				nullsUsing = FalseSerializer.class) @Nullable Boolean useAsLibraryClient,
		@JsonProperty("library_client_config_path") @Nullable String libraryClientConfigPath) {

	static LlamaStackConfig read(Section section) {
		LlamaStackConfig config = new LlamaStackConfig(section.string("url"), section.string("api_key"),
				section.bool("use_as_library_client"), section.string("library_client_config_path"));
		config.check(section);
		return config;
	}

	private void check(Section section) {
		if (Boolean.TRUE.equals(this.useAsLibraryClient)) {
			section.check(false, "use_as_library_client", "Llama Stack library client mode is not supported by "
					+ "this service (it embeds Llama Stack in a Python process); run Llama Stack as a server and "
					+ "set llama_stack.url");
		}
		else if (this.url == null || this.url.isBlank()) {
			section.check(false, "url",
					(this.useAsLibraryClient == null)
							? "LLama stack URL is not specified and library client mode is not specified"
							: "LLama stack URL is not specified and library client mode is not enabled");
		}
	}

}
