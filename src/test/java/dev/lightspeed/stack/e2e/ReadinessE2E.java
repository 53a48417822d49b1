package dev.lightspeed.stack.e2e;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness follows Llama Stack: 503 while it is down, 200 again once it is back.
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
		awaitStatus("/readiness", 200);
		E2eEnvironment.stack("ls-stop");
		try {
			JsonNode down = Http.json(awaitStatus("/v1/readiness", 503));
			assertThat(down.path("ready").asBoolean()).isFalse();
			assertThat(down.path("providers").get(0).path("status").asString()).isEqualTo("Error");
			assertThat(http.post("/v1/query", "{\"query\":\"hi\"}").statusCode()).isEqualTo(503);
		}
		finally {
			E2eEnvironment.stack("ls-start");
		}
		JsonNode up = Http.json(awaitStatus("/readiness", 200));
		assertThat(up.path("ready").asBoolean()).isTrue();
	}

	private static java.net.http.HttpResponse<String> awaitStatus(String path, int status) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		java.net.http.HttpResponse<String> response = http.get(path);
		while (response.statusCode() != status && Instant.now().isBefore(deadline)) {
			Thread.sleep(500);
			response = http.get(path);
		}
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
		return response;
	}

}
