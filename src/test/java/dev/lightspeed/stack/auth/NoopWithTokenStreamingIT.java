package dev.lightspeed.stack.auth;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = StreamingBehindAuthentication.App.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "test.authentication=module: noop-with-token")
class NoopWithTokenStreamingIT {

	@LocalServerPort
	int port;

	@Test
	void streamShouldDeliverEveryEventEmittedLaterFromAnotherThread() throws Exception {
		StreamingBehindAuthentication.Streamed response = StreamingBehindAuthentication.stream(this.port, "Bearer t");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.lines()).hasSize(StreamingBehindAuthentication.EVENTS)
			.first()
			.isEqualTo("data:{\"event\":\"token\",\"n\":0,\"user\":\"lightspeed-user\"}");
		assertThat(response.lines()).last().asString().contains("\"n\":4");
	}

	@Test
	void streamWithoutTokenShouldBeRefusedBeforeItStarts() throws Exception {
		StreamingBehindAuthentication.Streamed response = StreamingBehindAuthentication.stream(this.port, null);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.lines()).containsExactly("{\"detail\":\"No Authorization header found\"}");
	}

}
