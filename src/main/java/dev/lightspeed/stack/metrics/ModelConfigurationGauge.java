package dev.lightspeed.stack.metrics;

import java.util.List;

import dev.lightspeed.stack.config.InferenceConfig;
import dev.lightspeed.stack.llamastack.LlamaStackStatus;
import dev.lightspeed.stack.llamastack.Model;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ls_provider_model_configuration{provider,model}}: 1 for the configured default
 * model, 0 for every other LLM Llama Stack serves. Set on the first scrape; unlike LCS
 * 0.2.0, a scrape while Llama Stack is unreachable is retried on the next one instead of
 * failing every scrape until a restart, and the default is recognised whether Llama Stack
 * names it {@code provider/model} or {@code model}.
 */
class ModelConfigurationGauge {

	private static final Logger logger = LoggerFactory.getLogger(ModelConfigurationGauge.class);

	private final MeterRegistry registry;

	private final LlamaStackStatus llamaStack;

	private final InferenceConfig inference;

	private volatile boolean initialised;

	ModelConfigurationGauge(MeterRegistry registry, LlamaStackStatus llamaStack, InferenceConfig inference) {
		this.registry = registry;
		this.llamaStack = llamaStack;
		this.inference = inference;
	}

	/**
	 * Sets the gauges unless that has already succeeded; never throws.
	 */
	void initialise() {
		if (this.initialised) {
			return;
		}
		synchronized (this) {
			if (this.initialised) {
				return;
			}
			List<Model> models;
			try {
				models = this.llamaStack.backend().models();
			}
			catch (RuntimeException ex) {
				logger.warn("Model configuration metric not set, will retry on the next scrape: {}", ex.getMessage());
				return;
			}
			for (Model model : models) {
				if (model.isLlm() && !model.providerId().isEmpty() && !model.identifier().isEmpty()) {
					int value = isDefault(model) ? 1 : 0;
					Gauge.builder("ls_provider_model_configuration", () -> value)
						.description("LLM provider/models combinations defined in configuration")
						.tag("provider", model.providerId())
						.tag("model", model.identifier())
						.register(this.registry);
				}
			}
			this.initialised = true;
		}
	}

	private boolean isDefault(Model model) {
		String provider = this.inference.defaultProvider();
		String name = this.inference.defaultModel();
		if (provider == null || name == null || !provider.equals(model.providerId())) {
			return false;
		}
		return model.identifier().equals(name) || model.identifier().equals(provider + "/" + name);
	}

}
