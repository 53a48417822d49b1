package dev.lightspeed.stack.support;

import java.util.Optional;

import dev.lightspeed.stack.llamastack.LlamaStackBackend;
import dev.lightspeed.stack.llamastack.LlamaStackStatus;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A connected Llama Stack whose backend is the test's {@link LlamaStackBackend} (a mock):
 * import it beside that bean, or call {@link #to} in a unit test.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ConnectedLlamaStack {

	@Bean
	@Primary
	LlamaStackStatus connectedLlamaStack(LlamaStackBackend backend) {
		return to(backend);
	}

	/**
	 * A Llama Stack connected through a backend.
	 * @param backend the backend
	 * @return the status, connected to a 0.2.22 (the Agents API)
	 */
	public static LlamaStackStatus to(LlamaStackBackend backend) {
		return new LlamaStackStatus() {

			@Override
			public boolean connected() {
				return true;
			}

			@Override
			public Optional<String> version() {
				return Optional.of("0.2.22");
			}

			@Override
			public Optional<String> generation() {
				return Optional.of("Agents API");
			}

			@Override
			public LlamaStackBackend backend() {
				return backend;
			}

		};
	}

}
