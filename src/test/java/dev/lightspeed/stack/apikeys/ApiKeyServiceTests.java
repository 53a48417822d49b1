package dev.lightspeed.stack.apikeys;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import dev.lightspeed.stack.auth.ApiKeyGrant;
import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.errors.ErrorDetail;
import dev.lightspeed.stack.storage.DataSources;
import dev.lightspeed.stack.storage.DatabaseVendor;
import dev.lightspeed.stack.support.MovableClock;
import dev.lightspeed.stack.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Issuing, rotating, revoking and recognising keys, on SQLite.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyServiceTests {

	private final MovableClock clock = new MovableClock(Instant.parse("2026-11-02T10:00:00Z"));

	@TempDir
	Path directory;

	private DataSource dataSource;

	private ApiKeyService keys;

	@BeforeEach
	void createService() {
		this.dataSource = TestDatabases.sqlite(this.directory);
		this.keys = new ApiKeyService(
				new ApiKeyStore(JdbcClient.create(this.dataSource), DatabaseVendor.SQLITE, this.clock), this.clock);
	}

	@AfterEach
	void close() {
		DataSources.close(this.dataSource);
	}

	@Test
	void anIssuedKeyShouldStandForItsUserRolesAndLimitsAndBeStoredOnlyAsADigest() {
		IssuedApiKey issued = this.keys.issue(
				new ApiKeyRequest("alice", "Alice", null, List.of("reader"), "Be brief.", 1000L, "1 day", 10, null),
				"tester");
		assertThat(issued.apiKey()).startsWith("lsk_").hasSize(47);
		assertThat(issued.key().keyPrefix()).isEqualTo(issued.apiKey().substring(0, 12));
		assertThat(this.keys.verify(issued.apiKey())).hasValue(new AuthenticatedUser("alice", "Alice", false, "",
				Set.of("reader"), new ApiKeyGrant(issued.key().id(), "Be brief.", 1000L, "1 day", 10)));
		String row = JdbcClient.create(this.dataSource).sql("SELECT * FROM api_key").query().listOfRows().toString();
		assertThat(row).doesNotContain(issued.apiKey().substring(12));
	}

	@Test
	void rotationShouldRetireTheOldKeyAtOnce() {
		IssuedApiKey issued = this.keys.issue(ApiKeyStoreContract.request("alice"), "tester");
		IssuedApiKey rotated = this.keys.rotate(issued.key().id(), "tester");
		assertThat(rotated.key().id()).isEqualTo(issued.key().id());
		assertThat(this.keys.verify(issued.apiKey())).isEmpty();
		assertThat(this.keys.verify(rotated.apiKey())).map(AuthenticatedUser::userId).hasValue("alice");
	}

	@Test
	void aRevokedKeyShouldNoLongerWorkNorBeRotated() {
		IssuedApiKey issued = this.keys.issue(ApiKeyStoreContract.request("alice"), "tester");
		assertThat(this.keys.revoke(issued.key().id(), "tester").status()).isEqualTo(ApiKey.REVOKED);
		assertThat(this.keys.verify(issued.apiKey())).isEmpty();
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> this.keys.rotate(issued.key().id(), "tester"))
			.satisfies((ex) -> assertThat(ex.status().value()).isEqualTo(409));
	}

	@Test
	void anExpiredKeyShouldBe401SayingSo() {
		IssuedApiKey issued = this.keys.issue(
				new ApiKeyRequest("alice", null, null, null, null, null, null, null, "2026-11-02T11:00:00Z"), "tester");
		assertThat(this.keys.verify(issued.apiKey())).isPresent();
		this.clock.advance(Duration.ofHours(1));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> this.keys.verify(issued.apiKey()))
			.satisfies((ex) -> {
				assertThat(ex.status().value()).isEqualTo(401);
				assertThat(ex.detail()).isEqualTo("API key has expired");
			});
	}

	@Test
	void forgedKeysShouldMatchNothing() {
		IssuedApiKey issued = this.keys.issue(ApiKeyStoreContract.request("alice"), "tester");
		String key = issued.apiKey();
		char last = key.charAt(key.length() - 1);
		assertThat(this.keys.verify(key.substring(0, key.length() - 1) + ((last == 'A') ? 'B' : 'A'))).isEmpty();
		assertThat(this.keys.verify(ApiKeySecrets.newKey())).isEmpty();
		assertThat(this.keys.verify(issued.key().keyPrefix())).isEmpty();
		String storedDigest = JdbcClient.create(this.dataSource)
			.sql("SELECT key_hash FROM api_key")
			.query(String.class)
			.single();
		assertThat(this.keys.verify(storedDigest)).isEmpty();
	}

	@Test
	void anExpiryInThePastShouldBeRefused() {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> this.keys.issue(
					new ApiKeyRequest("alice", null, null, null, null, null, null, null, "2026-11-02T09:00:00Z"), "t"))
			.satisfies((ex) -> assertThat(ex.status().value()).isEqualTo(422));
	}

	@Test
	void unknownOrMalformedIdsShouldBe404() {
		for (String id : List.of("0123456789abcdef", "../../etc", "")) {
			assertThatExceptionOfType(ApiException.class).isThrownBy(() -> this.keys.show(id, "tester"))
				.satisfies((ex) -> assertThat(ex.detail())
					.isEqualTo(new ErrorDetail("API key not found", "API key " + id + " does not exist")));
		}
	}

	@Test
	void everyAdminActionShouldBeAuditedWithoutTheKey(CapturedOutput output) {
		IssuedApiKey issued = this.keys.issue(ApiKeyStoreContract.request("alice"), "admin API from 10.0.0.7");
		IssuedApiKey rotated = this.keys.rotate(issued.key().id(), "admin API from 10.0.0.7");
		this.keys.list("command line (ops)");
		this.keys.show(issued.key().id(), "command line (ops)");
		this.keys.revoke(issued.key().id(), "command line (ops)");
		String id = issued.key().id();
		assertThat(output.getOut())
			.contains(
					"Admin action by admin API from 10.0.0.7 at 2026-11-02T10:00Z: issued API key " + id
							+ " for user alice with roles []",
					"Admin action by admin API from 10.0.0.7 at 2026-11-02T10:00Z: rotated API key " + id,
					"Admin action by command line (ops) at 2026-11-02T10:00Z: listed API keys",
					"Admin action by command line (ops) at 2026-11-02T10:00Z: read API key " + id,
					"Admin action by command line (ops) at 2026-11-02T10:00Z: revoked API key " + id)
			.doesNotContain(issued.apiKey(), rotated.apiKey());
	}

}
