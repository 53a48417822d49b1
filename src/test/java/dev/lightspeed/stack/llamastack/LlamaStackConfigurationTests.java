package dev.lightspeed.stack.llamastack;

import java.net.URI;
import java.net.http.HttpClient;

import javax.net.ssl.SSLContext;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lightspeed.stack.support.TestConfigurations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.UnsatisfiedDependencyException;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The beans other features get: one {@link LlamaStackBackend}, a
 * {@link LlamaStackStatus}, and no general-purpose HTTP clients.
 */
class LlamaStackConfigurationTests {

	@RegisterExtension
	static WireMockExtension llamaStack = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private ApplicationContextRunner runner() {
		return runner(llamaStack.baseUrl() + "/");
	}

	private ApplicationContextRunner runner(String url) {
		return new ApplicationContextRunner().withUserConfiguration(LlamaStackConfiguration.class)
			.withBean("lightspeedConfiguration", dev.lightspeed.stack.config.LightspeedConfiguration.class,
					() -> TestConfigurations.yaml("""
							name: test
							service: {}
							llama_stack:
							  url: %s
							  api_key: ls-secret
							user_data_collection: {}
							""".formatted(url)));
	}

	@Test
	void supportedLlamaStackShouldGiveOneConnectedBackendThatCachesTheCatalogue() {
		llamaStack.stubFor(get("/v1/version").willReturn(okJson("{\"version\": \"0.2.22\"}")));
		llamaStack.stubFor(get("/v1/models").willReturn(okJson("{\"data\": [{\"identifier\": \"vllm/m\", "
				+ "\"provider_id\": \"vllm\", \"model_type\": \"llm\"}]}")));

		runner().run((context) -> {
			assertThat(context).hasSingleBean(LlamaStackBackend.class).hasSingleBean(LlamaStackStatus.class);
			assertThat(context.getBean(LlamaStackStatus.class).version()).contains("0.2.22");
			LlamaStackBackend backend = context.getBean(LlamaStackBackend.class);
			assertThat(backend.models()).extracting(Model::identifier).containsExactly("vllm/m");
			assertThat(backend.models()).extracting(Model::identifier).containsExactly("vllm/m");
			llamaStack.verify(1,
					getRequestedFor(urlEqualTo("/v1/models")).withHeader("Authorization", equalTo("Bearer ls-secret")));
		});
	}

	@Test
	void catalogTtlShouldBeConfigurable() {
		llamaStack.stubFor(get("/v1/version").willReturn(okJson("{\"version\": \"0.2.17\"}")));
		llamaStack.stubFor(get("/v1/shields").willReturn(okJson("{\"data\": []}")));

		runner().withPropertyValues("lightspeed.llama-stack.catalog-ttl=0s").run((context) -> {
			context.getBean(LlamaStackBackend.class).shields();
			context.getBean(LlamaStackBackend.class).shields();
			llamaStack.verify(2, getRequestedFor(urlEqualTo("/v1/shields")));
		});
	}

	@Test
	void llamaStacksHttpClientsShouldNotBeInjectableByType() {
		llamaStack.stubFor(get("/v1/version").willReturn(okJson("{\"version\": \"0.2.22\"}")));

		runner().run((context) -> {
			AutowireCapableBeanFactory beans = context.getAutowireCapableBeanFactory();
			assertThatExceptionOfType(UnsatisfiedDependencyException.class)
				.isThrownBy(() -> beans.createBean(WantsRestClient.class));
			assertThatExceptionOfType(UnsatisfiedDependencyException.class)
				.isThrownBy(() -> beans.createBean(WantsHttpClient.class));
			assertThat(context.getBean("llamaStackRestClient")).isInstanceOf(RestClient.class);
		});
	}

	@Test
	void unsupportedLlamaStackShouldFailTheStart() {
		llamaStack.stubFor(get("/v1/version").willReturn(okJson("{\"version\": \"0.3.0\"}")));

		runner().run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.isInstanceOf(LlamaStackStartupException.class)
			.hasMessage("Llama Stack version <= 0.2.22 is required, but 0.3.0 is used"));
	}

	@Test
	void unreachableLlamaStackShouldNotFailTheStart() {
		runner("http://127.0.0.1:1").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(LlamaStackStatus.class).connected()).isFalse();
		});
	}

	// Loading the JDK's trust store takes 50-70 ms of start-up: only a client that may
	// speak TLS pays for it
	@Test
	void onlyAnHttpsLlamaStackShouldGetTheJdksTrustStore() throws Exception {
		LlamaStackProperties properties = LlamaStackProperties.defaults();

		assertThat(
				LlamaStackConfiguration.httpClient(properties, URI.create("https://llama.example:8321")).sslContext())
			.isSameAs(SSLContext.getDefault());
		assertThat(LlamaStackConfiguration.httpClient(properties, URI.create("http://llama.example:8321")).sslContext())
			.isNotSameAs(SSLContext.getDefault());
	}

	record WantsRestClient(RestClient restClient) {
	}

	record WantsHttpClient(HttpClient httpClient) {
	}

}
