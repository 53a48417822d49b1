package dev.lightspeed.stack.llamastack;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Service knobs for the Llama Stack client ({@code application.properties}); where Llama
 * Stack is comes from {@code lightspeed-stack.yaml}.
 *
 * @param catalogTtl how long models, shields and vector stores are cached
 * @param connectTimeout TCP connect timeout
 * @param readTimeout time allowed for a non-streaming call (and for a turn's first byte)
 */
@ConfigurationProperties("lightspeed.llama-stack")
record LlamaStackProperties(@DefaultValue("30s") Duration catalogTtl, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("60s") Duration readTimeout) {

	static LlamaStackProperties defaults() {
		return new LlamaStackProperties(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(60));
	}

}
