package dev.lightspeed.stack.query;

import java.time.Duration;
import java.util.UUID;

import dev.lightspeed.stack.errors.ApiException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * {@link PostgresStreams} while PostgreSQL cannot be reached: a stream still runs (it can
 * then be stopped only through its own replica), and an interrupt that would have to look
 * elsewhere is a 503 in LCS's error shape.
 */
class PostgresStreamsOutageTests {

	private final PostgresStreams streams = new PostgresStreams(
			JdbcClient.create(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/nothing")),
			Duration.ofMinutes(10));

	@Test
	void aStreamIsPublishedNowhereAndRunsOn() {
		String requestId = UUID.randomUUID().toString();
		assertThatNoException().isThrownBy(() -> this.streams.publish(requestId, "alice").close());
	}

	@Test
	void anInterruptThatCannotLookElsewhereIsA503() {
		String requestId = UUID.randomUUID().toString();
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> this.streams.interrupt(requestId, "alice"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE))
			.withMessage(
					"Unable to reach the database: Streaming Request with ID " + requestId + " could not be looked up");
	}

}
