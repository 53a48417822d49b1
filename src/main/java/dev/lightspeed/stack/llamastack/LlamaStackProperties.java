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
 * @param readTimeout longest silence allowed while waiting for or reading an answer,
 * streamed answers included
 * @param maxConnections connections to Llama Stack open at once: every streamed answer
 * holds one for as long as it lasts
 */
@ConfigurationProperties("lightspeed.llama-stack")
record LlamaStackProperties(@DefaultValue("30s") Duration catalogTtl, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("60s") Duration readTimeout, @DefaultValue("10000") int maxConnections) {

	static LlamaStackProperties defaults() {
		return new LlamaStackProperties(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(60), 10000);
	}

}
