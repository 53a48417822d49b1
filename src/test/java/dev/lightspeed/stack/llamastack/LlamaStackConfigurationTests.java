package dev.lightspeed.stack.llamastack;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lightspeed.stack.config.ConfigurationSections;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.support.TestConfigurations;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.UnsatisfiedDependencyException;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The beans other features get: a {@link LlamaStackStatus} that hands out the connected
 * {@link LlamaStackBackend}, and no general-purpose HTTP clients.
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
		return new ApplicationContextRunner()
			.withUserConfiguration(ConfigurationSections.class, LlamaStackConfiguration.class)
			.withBean("lightspeedConfiguration", LightspeedConfiguration.class, () -> TestConfigurations.yaml("""
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
			assertThat(context).hasSingleBean(LlamaStackStatus.class);
			assertThat(context.getBean(LlamaStackStatus.class).version()).contains("0.2.22");
			LlamaStackBackend backend = context.getBean(LlamaStackStatus.class).backend();
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
			context.getBean(LlamaStackStatus.class).backend().shields();
			context.getBean(LlamaStackStatus.class).backend().shields();
			llamaStack.verify(2, getRequestedFor(urlEqualTo("/v1/shields")));
		});
	}

	@Test
	void llamaStacksHttpClientsShouldNotBeInjectableByType() {
		llamaStack.stubFor(get("/v1/version").willReturn(okJson("{\"version\": \"0.2.22\"}")));

		runner().run((context) -> {
			AutowireCapableBeanFactory beans = context.getAutowireCapableBeanFactory();
			assertThatExceptionOfType(UnsatisfiedDependencyException.class)
				.isThrownBy(() -> beans.createBean(WantsHttpClient.class));
			assertThat(context.getBean("llamaStackHttpClient")).isInstanceOf(CloseableHttpClient.class);
		});
	}

	@Test
	void unsupportedLlamaStackShouldFailTheStart() {
		llamaStack.stubFor(get("/v1/version").willReturn(okJson("{\"version\": \"2.0.0\"}")));

		runner().run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.isInstanceOf(LlamaStackStartupException.class)
			.hasMessage("Llama Stack version < 2.0.0 is required, but 2.0.0 is used"));
	}

	@Test
	void llamaStack05ShouldBeSpokenToThroughTheResponsesApi() {
		llamaStack.stubFor(get("/v1/version").willReturn(okJson("{\"version\": \"0.5.4\"}")));

		runner().run((context) -> assertThat(context.getBean(LlamaStackStatus.class).generation())
			.contains("Responses API"));
	}

	@Test
	void unreachableLlamaStackShouldNotFailTheStart() {
		runner("http://127.0.0.1:1").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(LlamaStackStatus.class).connected()).isFalse();
			assertThatExceptionOfType(LlamaStackUnavailableException.class)
				.isThrownBy(() -> context.getBean(LlamaStackStatus.class).backend());
		});
	}

	record WantsHttpClient(CloseableHttpClient httpClient) {
	}

}
