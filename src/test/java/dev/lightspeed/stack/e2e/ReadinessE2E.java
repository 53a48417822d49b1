package dev.lightspeed.stack.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness follows Llama Stack: 503 while it is down, 200 again once it is back, also
 * for a service that started while it was down.
 */
class ReadinessE2E {

	private static LightspeedService service;

	private static Http http;

	@BeforeAll
	static void start() throws Exception {
		service = LightspeedService
			.start(LightspeedService.configuration("e2e-readiness", "user_data_collection: {}\n"));
		http = new Http(service.url());
	}

	@AfterAll
	static void stop() throws Exception {
		if (service != null) {
			service.close();
		}
	}

	@Test
	void readinessFlipsWhenLlamaStackStopsAndComesBack() throws Exception {
		// ready since start(); the other scenario may have restarted Llama Stack since
		awaitStatus(http, "/readiness", 200);
		E2eEnvironment.stack("ls-stop");
		try {
			JsonNode down = Http.json(awaitStatus(http, "/v1/readiness", 503));
			assertThat(down.path("ready").asBoolean()).isFalse();
			assertThat(down.path("providers").get(0).path("status").asString()).isEqualTo("Error");
			assertThat(http.post("/v1/query", "{\"query\":\"hi\"}").statusCode()).isEqualTo(503);
		}
		finally {
			E2eEnvironment.stack("ls-start");
		}
		JsonNode up = Http.json(awaitStatus(http, "/readiness", 200));
		assertThat(up.path("ready").asBoolean()).isTrue();
	}

	@Test
	void serviceStartedWhileLlamaStackIsDownIsLiveAndBecomesReadyWhenItComesUp() throws Exception {
		E2eEnvironment.stack("ls-stop");
		try (LightspeedService late = startWhileDown()) {
			Http lateHttp = new Http(late.url());
			assertThat(lateHttp.get("/liveness").statusCode()).isEqualTo(200);
			JsonNode down = Http.json(awaitStatus(lateHttp, "/readiness", 503));
			assertThat(down.path("providers").get(0).path("message").asString()).contains("Connection error.");
			E2eEnvironment.stack("ls-start");
			// the service keeps trying to connect (at most 10 s apart)
			assertThat(Http.json(awaitStatus(lateHttp, "/readiness", 200)).path("ready").asBoolean()).isTrue();
		}
		finally {
			E2eEnvironment.stack("ls-start");
		}
	}

	private static LightspeedService startWhileDown() throws Exception {
		return LightspeedService.startLive(LightspeedService.configuration("e2e-late", "user_data_collection: {}\n"));
	}

	private static HttpResponse<String> awaitStatus(Http client, String path, int status) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		HttpResponse<String> response = client.get(path);
		while (response.statusCode() != status && Instant.now().isBefore(deadline)) {
			Thread.sleep(500);
			response = client.get(path);
		}
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
		return response;
	}

}
