package dev.lightspeed.stack.auth;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = StreamingBehindAuthentication.App.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JwkTokenStreamingIT {

	static final WireMockServer jwks = new WireMockServer(options().dynamicPort());

	static {
		jwks.start();
		jwks.stubFor(get("/jwks").willReturn(okJson(TestKeys.jwkSet())));
	}

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void authentication(DynamicPropertyRegistry registry) {
		registry.add("test.authentication", () -> """
				module: jwk-token
				jwk_config:
				  url: %s/jwks
				""".formatted(jwks.baseUrl()));
	}

	@AfterAll
	static void stopJwks() {
		jwks.stop();
	}

	@Test
	void streamShouldDeliverEveryEventEmittedLaterFromAnotherThread() throws Exception {
		StreamingBehindAuthentication.Streamed response = StreamingBehindAuthentication.stream(this.port,
				"Bearer " + TestKeys.rs256(TestKeys.claims()));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.lines()).hasSize(StreamingBehindAuthentication.EVENTS)
			.allSatisfy((line) -> assertThat(line).startsWith("data:{\"event\":\"token\"").contains("\"alice\""));
		assertThat(response.lines()).last().asString().contains("\"n\":4");
	}

	@Test
	void streamWithForgedTokenShouldBeRefusedBeforeItStarts() throws Exception {
		StreamingBehindAuthentication.Streamed response = StreamingBehindAuthentication.stream(this.port,
				"Bearer " + TestKeys.hmacWithPublicKey(TestKeys.claims()));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.lines())
			.containsExactly("{\"detail\":\"Invalid token: signed by unknown key or algorithm mismatch\"}");
	}

}
