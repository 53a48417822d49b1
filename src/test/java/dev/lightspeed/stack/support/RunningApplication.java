package dev.lightspeed.stack.support;

import dev.lightspeed.stack.LightspeedStackApplication;
import dev.lightspeed.stack.config.LightspeedConfiguration;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application on a free port with a given configuration, started the way the
 * command line starts it; for tests that need several configurations in one class.
 */
public final class RunningApplication implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final ApplicationClient client;

	private RunningApplication(ConfigurableApplicationContext context) {
		this.context = context;
		this.client = ApplicationClient.http(((WebServerApplicationContext) context).getWebServer().getPort());
	}

	/**
	 * Starts the application.
	 * @param configuration its configuration
	 * @param properties more Spring properties, {@code name=value}
	 * @return the running application; close it
	 */
	public static RunningApplication start(LightspeedConfiguration configuration, String... properties) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(LightspeedStackApplication.class)
			.properties("server.port=0", "spring.main.banner-mode=off")
			.properties(properties)
			.initializers((initialized) -> initialized.getBeanFactory()
				.registerSingleton("lightspeedConfiguration", configuration))
			.run();
		return new RunningApplication(context);
	}

	public ApplicationClient client() {
		return this.client;
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
