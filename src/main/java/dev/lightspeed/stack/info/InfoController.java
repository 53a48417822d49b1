package dev.lightspeed.stack.info;

import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.llamastack.LlamaStackStatus;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service name and version (with the Llama Stack in use), and the effective
 * configuration. The configuration records mask secrets whenever they are written as
 * JSON, so {@code /v1/config} never shows them (LCS 0.2.0 did).
 */
@RestController
class InfoController {

	private final LightspeedConfiguration configuration;

	private final ServiceVersion version;

	private final LlamaStackStatus llamaStack;

	InfoController(LightspeedConfiguration configuration, ServiceVersion version, LlamaStackStatus llamaStack) {
		this.configuration = configuration;
		this.version = version;
		this.llamaStack = llamaStack;
	}

	@GetMapping("/v1/info")
	InfoResponse info() {
		return new InfoResponse(this.configuration.name(), this.version.get(), this.llamaStack.version().orElse(null),
				this.llamaStack.generation().orElse(null));
	}

	@GetMapping("/v1/config")
	LightspeedConfiguration config() {
		return this.configuration;
	}

}
