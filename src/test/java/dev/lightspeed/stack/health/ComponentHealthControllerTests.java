package dev.lightspeed.stack.health;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How component checks add up: healthy, degraded (only optional components down),
 * unhealthy (a critical one down: 503), a check that hangs.
 */
class ComponentHealthControllerTests {

	static final ComponentCheck DATABASE = ComponentCheck.of("database", true, () -> "sqlite");

	static final ComponentCheck MCP_DOWN = ComponentCheck.of("mcp:files", false, () -> {
		throw new java.net.ConnectException("Connection refused");
	});

	@Test
	void everyComponentHealthyShouldBe200WithEachLatency() {
		ResponseEntity<ComponentHealth> health = health(DATABASE, ComponentCheck.of("llama_stack", true, () -> null));
		assertThat(health.getStatusCode().value()).isEqualTo(200);
		assertThat(health.getBody().status()).isEqualTo("healthy");
		assertThat(health.getBody().components()).extracting(ComponentHealth.Component::name)
			.containsExactly("database", "llama_stack");
		assertThat(health.getBody().components().get(0).message()).isEqualTo("sqlite");
		assertThat(health.getBody().components()).allSatisfy((c) -> assertThat(c.latencyMs()).isNotNegative());
	}

	@Test
	void anOptionalComponentDownShouldBeDegraded() {
		ResponseEntity<ComponentHealth> health = health(DATABASE, MCP_DOWN);
		assertThat(health.getStatusCode().value()).isEqualTo(200);
		assertThat(health.getBody().status()).isEqualTo("degraded");
		assertThat(health.getBody().components().get(1))
			.extracting(ComponentHealth.Component::status, ComponentHealth.Component::message)
			.containsExactly("unhealthy", "Connection refused");
	}

	@Test
	void aCriticalComponentDownShouldBe503() {
		ResponseEntity<ComponentHealth> health = health(MCP_DOWN, ComponentCheck.of("database", true, () -> {
			throw new IllegalStateException("database is locked");
		}));
		assertThat(health.getStatusCode().value()).isEqualTo(503);
		assertThat(health.getBody().status()).isEqualTo("unhealthy");
	}

	@Test
	void aCheckThatHangsShouldBeUnhealthyAtTheDeadlineWithoutHoldingTheOthers() {
		ComponentCheck hanging = ComponentCheck.of("authentication:jwk_set", true, () -> {
			Thread.sleep(10_000);
			return null;
		});
		long start = System.nanoTime();
		ResponseEntity<ComponentHealth> health = new ComponentHealthController(
				List.of(() -> List.of(hanging, DATABASE)), Duration.ofMillis(300))
			.health();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		assertThat(health.getStatusCode().value()).isEqualTo(503);
		assertThat(health.getBody().components().get(0).message()).isEqualTo("No answer within 300 ms");
		assertThat(health.getBody().components().get(1).status()).isEqualTo("healthy");
	}

	private static ResponseEntity<ComponentHealth> health(ComponentCheck... checks) {
		return new ComponentHealthController(
				List.of(() -> List.of(checks[0]), () -> List.of(checks).subList(1, checks.length)))
			.health();
	}

}
