package dev.lightspeed.stack.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock Llama Stack 0.2.22 for one test class, registered with
 * {@code @RegisterExtension static}: it runs from its creation, so a
 * {@code @TestConfiguration} can read its URL while the application starts, until the
 * class's tests are done.
 */
public final class LlamaStackStub extends WireMockServer implements AfterAllCallback {

	private LlamaStackStub() {
		super(options().dynamicPort());
		start();
		stubVersion(this);
	}

	/**
	 * A Llama Stack that answers whole queries ({@link WireMockLlamaStack}).
	 * @return the running stub
	 */
	public static LlamaStackStub answeringQueries() {
		LlamaStackStub stub = new LlamaStackStub();
		WireMockLlamaStack.stubQueries(stub);
		return stub;
	}

	/**
	 * A Llama Stack that answers only {@code /v1/version}, for tests that stub the rest
	 * themselves.
	 * @return the running stub
	 */
	public static LlamaStackStub versionOnly() {
		return new LlamaStackStub();
	}

	/**
	 * Stubs {@code GET /v1/version} with 0.2.22, which start-up checks.
	 * @param server the server
	 */
	static void stubVersion(WireMockServer server) {
		server.stubFor(get("/v1/version").willReturn(okJson("{\"version\":\"0.2.22\"}")));
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stop();
	}

}
