package dev.lightspeed.stack.llamastack;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The catalogue a backend keeps for {@code catalog-ttl}: a query does not list models,
 * shields and vector stores again, readiness always sees the providers' current health.
 */
class CatalogBackendTests {

	@RegisterExtension
	static WireMockExtension llamaStack = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private final AgentsApiBackend backend = new AgentsApiBackend(TestClients.http(llamaStack.baseUrl(), null),
			Duration.ofSeconds(30));

	@Test
	void catalogueShouldBeAskedForOnceWithinTheTtl() {
		llamaStack.stubFor(get("/v1/models").willReturn(okJson("{\"data\": [{\"identifier\": \"vllm/m\"}]}")));
		llamaStack.stubFor(get("/v1/shields").willReturn(okJson("{\"data\": [{\"identifier\": \"guard\"}]}")));
		llamaStack.stubFor(get("/v1/vector-dbs").willReturn(okJson("{\"data\": [{\"identifier\": \"vs_1\"}]}")));

		for (int i = 0; i < 2; i++) {
			assertThat(this.backend.models()).extracting(Model::identifier).containsExactly("vllm/m");
			assertThat(this.backend.shields()).extracting(Shield::identifier).containsExactly("guard");
			assertThat(this.backend.vectorStoreIds()).containsExactly("vs_1");
		}

		llamaStack.verify(1, getRequestedFor(urlEqualTo("/v1/models")));
		llamaStack.verify(1, getRequestedFor(urlEqualTo("/v1/shields")));
		llamaStack.verify(1, getRequestedFor(urlEqualTo("/v1/vector-dbs")));
	}

	@Test
	void aChangeMadeHereShouldListTheVectorStoresAgain() {
		llamaStack.stubFor(get("/v1/vector-dbs").willReturn(okJson("{\"data\": [{\"identifier\": \"vs_1\"}]}")));
		this.backend.vectorStoreIds();
		llamaStack.stubFor(get("/v1/vector-dbs")
			.willReturn(okJson("{\"data\": [{\"identifier\": \"vs_1\"}, {\"identifier\": \"vs_2\"}]}")));

		this.backend.vectorStoresChanged();

		assertThat(this.backend.vectorStoreIds()).containsExactly("vs_1", "vs_2");
	}

	@Test
	void failuresShouldNotBeKept() {
		llamaStack.stubFor(get("/v1/shields").willReturn(serverError()));
		assertThatExceptionOfType(LlamaStackApiException.class).isThrownBy(this.backend::shields);
		llamaStack.stubFor(get("/v1/shields").willReturn(okJson("{\"data\": [{\"identifier\": \"guard\"}]}")));

		assertThat(this.backend.shields()).extracting(Shield::identifier).containsExactly("guard");
	}

	@Test
	void providersShouldNeverBeKept() {
		llamaStack.stubFor(get("/v1/providers").willReturn(okJson("{\"data\": []}")));

		this.backend.providers();
		this.backend.providers();

		llamaStack.verify(2, getRequestedFor(urlEqualTo("/v1/providers")));
	}

}
