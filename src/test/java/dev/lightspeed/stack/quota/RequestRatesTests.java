package dev.lightspeed.stack.quota;

import java.util.Set;

import dev.lightspeed.stack.auth.ApiKeyGrant;
import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.errors.ErrorDetail;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Requests per minute, per user and per API key, refused with 429 and
 * {@code Retry-After}.
 */
class RequestRatesTests {

	@Test
	void aUserOverTheRateShouldBe429WithRetryAfter() {
		RequestRates rates = new RequestRates(2);
		AuthenticatedUser alice = new AuthenticatedUser("alice", "alice", false, "");
		rates.take(alice);
		rates.take(alice);
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> rates.take(alice)).satisfies((ex) -> {
			assertThat(ex.status().value()).isEqualTo(429);
			assertThat(((ErrorDetail) ex.detail()).response()).isEqualTo("The request rate limit has been exceeded");
			assertThat(((ErrorDetail) ex.detail()).cause()).startsWith("User alice may make 2 requests per minute");
			assertThat(Long.parseLong(ex.headers().getFirst("Retry-After"))).isBetween(1L, 30L);
		});
		assertThatNoException().as("another user has a bucket of their own")
			.isThrownBy(() -> rates.take(new AuthenticatedUser("bob", "bob", false, "")));
	}

	@Test
	void anApiKeysRateShouldApplyToTheKeyWithoutAUserRate() {
		RequestRates rates = new RequestRates(0);
		AuthenticatedUser key = new AuthenticatedUser("ci", "ci", false, "", Set.of(),
				new ApiKeyGrant("0123456789abcdef", null, null, null, 1));
		rates.take(key);
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> rates.take(key))
			.satisfies((ex) -> assertThat(((ErrorDetail) ex.detail()).cause())
				.startsWith("API key 0123456789abcdef may make 1 requests per minute"));
		for (int i = 0; i < 100; i++) {
			rates.take(new AuthenticatedUser("ci", "ci", false, ""));
		}
	}

}
