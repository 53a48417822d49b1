package dev.lightspeed.stack.e2e;

import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The service jar for every scenario of a test class, registered as a static
 * {@code @RegisterExtension} field: started (and ready) before the first scenario,
 * stopped after the last.
 */
final class RunningService implements BeforeAllCallback, AfterAllCallback {

	private final String name;

	private final Supplier<String> sections;

	private LightspeedService service;

	private Http http;

	/**
	 * @param name the service name
	 * @param sections the configuration's sections beyond
	 * {@link LightspeedService#configuration}'s
	 */
	RunningService(String name, Supplier<String> sections) {
		this.name = name;
		this.sections = sections;
	}

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		this.service = LightspeedService.start(LightspeedService.configuration(this.name, this.sections.get()));
		this.http = new Http(this.service.url());
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.service != null) {
			this.service.close();
		}
	}

	/** The running process. */
	LightspeedService process() {
		return this.service;
	}

	/** A client of it. */
	Http http() {
		return this.http;
	}

}
