package dev.lightspeed.stack;

import dev.lightspeed.stack.config.LightspeedConfiguration;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The Spring properties the command line derives from a configuration (TLS, CORS,
 * logging), for {@code RANDOM_PORT} tests: all except the address and port, which the
 * test picks.
 */
public final class TestServerProperties {

	private TestServerProperties() {
	}

	/**
	 * Adds the properties, for a {@code @DynamicPropertySource} method.
	 * @param configuration the configuration
	 * @param registry the test's registry
	 */
	public static void register(LightspeedConfiguration configuration, DynamicPropertyRegistry registry) {
		ServerProperties.from(configuration.service(), false).forEach((name, value) -> {
			if (!name.equals("server.port") && !name.equals("server.address")) {
				registry.add(name, () -> value);
			}
		});
	}

}
