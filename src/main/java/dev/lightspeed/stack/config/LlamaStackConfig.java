package dev.lightspeed.stack.config;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The {@code llama_stack} section. In library mode LCS runs Llama Stack inside its own
 * Python process; this service starts a Llama Stack server from the same run
 * configuration instead (package {@code llamastack.library}), so only the file is checked
 * here, with LCS's rules and messages.
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
		@JsonProperty("library_client_config_path") @Nullable String libraryClientConfigPath) implements CrossChecked {

	private static final Logger logger = LoggerFactory.getLogger(LlamaStackConfig.class);

	/**
	 * Whether Llama Stack runs in library mode: started and supervised by this service.
	 * @return {@code true} for {@code use_as_library_client: true}
	 */
	public boolean libraryMode() {
		return Boolean.TRUE.equals(this.useAsLibraryClient);
	}

	@Override
	public void crossCheck(SectionCheck section) {
		if (libraryMode()) {
			checkRunConfiguration(section);
			if (this.url != null && !this.url.isBlank()) {
				// LCS too prefers library mode when both are given
				logger.warn("llama_stack.url is ignored: library mode (use_as_library_client: true) starts a Llama "
						+ "Stack server of its own");
			}
		}
		else if (this.url == null || this.url.isBlank()) {
			section.check(false, "url",
					(this.useAsLibraryClient == null)
							? "LLama stack URL is not specified and library client mode is not specified"
							: "LLama stack URL is not specified and library client mode is not enabled");
		}
	}

	private void checkRunConfiguration(SectionCheck section) {
		String key = "library_client_config_path";
		if (this.libraryClientConfigPath == null) {
			section.check(false, key,
					"LLama stack library client mode is enabled but a configuration file path is not specified");
			return;
		}
		Path file = Path.of(this.libraryClientConfigPath);
		if (!Files.isRegularFile(file)) {
			section.check(false, key, "Llama Stack configuration file '" + file + "' is not a file");
		}
		else if (!Files.isReadable(file)) {
			section.check(false, key, "Llama Stack configuration file '" + file + "' is not readable");
		}
	}

}
