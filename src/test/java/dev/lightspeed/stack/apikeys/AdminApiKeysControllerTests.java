package dev.lightspeed.stack.apikeys;

import java.nio.file.Path;
import java.time.Clock;

import javax.sql.DataSource;

import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.storage.DatabaseVendor;
import dev.lightspeed.stack.support.TestConfigurations;
import dev.lightspeed.stack.support.TestDatabases;
import dev.lightspeed.stack.support.WebSlice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /v1/admin/api-keys} behind the real security chain, over a real SQLite store.
 */
@WebMvcTest(AdminApiKeysController.class)
@Import({ WebSlice.class, AdminApiKeysControllerTests.Configuration.class })
class AdminApiKeysControllerTests {

	static final String ADMIN = "Bearer admin-credential-0123456789";

	@TempDir
	static Path directory;

	@Autowired
	MockMvcTester mvc;

	@Test
	void withoutOrWithAWrongAdminCredentialEveryEndpointShouldBe401() {
		String key = issue().at("/api_key").asString();
		for (String authorization : new String[] { null, "Bearer wrong-credential-0123456789", "Bearer " + key,
				"Bearer static-key", "Basic YWRtaW46YWRtaW4=" }) {
			for (MockMvcTester.MockMvcRequestBuilder request : new MockMvcTester.MockMvcRequestBuilder[] {
					this.mvc.get().uri("/v1/admin/api-keys"), this.mvc.post().uri("/v1/admin/api-keys"),
					this.mvc.delete().uri("/v1/admin/api-keys/0123456789abcdef"),
					this.mvc.post().uri("/v1/admin/api-keys/0123456789abcdef/rotate") }) {
				if (authorization != null) {
					request.header("Authorization", authorization);
				}
				assertThat(request.contentType(MediaType.APPLICATION_JSON).content("{\"user_id\":\"mallory\"}"))
					.hasStatus(401)
					.bodyJson()
					.extractingPath("$.detail.response")
					.isEqualTo("Missing or invalid credentials provided by client");
			}
		}
	}

	@Test
	void aRefusalBeforeTheBodyWasReadShouldCloseTheConnection() {
		assertThat(this.mvc.post()
			.uri("/v1/admin/api-keys")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"user_id\":\"mallory\"}")).hasStatus(401).hasHeader("Connection", "close");
		assertThat(this.mvc.get().uri("/v1/admin/api-keys")).hasStatus(401).doesNotContainHeader("Connection");
	}

	@Test
	void issueShouldAnswer201WithTheKeyShownOnce() {
		JsonNode issued = issue();
		String id = issued.at("/key/id").asString();
		assertThat(issued.at("/api_key").asString()).startsWith("lsk_");
		assertThat(issued.at("/key/user_id").asString()).isEqualTo("alice");
		assertThat(issued.at("/key/roles").toString()).isEqualTo("[\"reader\"]");
		assertThat(issued.at("/key/status").asString()).isEqualTo("active");
		assertThat(this.mvc.get().uri("/v1/admin/api-keys/" + id).header("Authorization", ADMIN)).hasStatusOk()
			.bodyText()
			.contains("\"user_id\":\"alice\"")
			.doesNotContain(issued.at("/api_key").asString(), "key_hash");
		assertThat(this.mvc.get().uri("/v1/admin/api-keys").header("Authorization", ADMIN)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.api_keys[0].id")
			.isEqualTo(id);
	}

	@Test
	void rotateAndRevokeShouldAnswerTheKeyAfterwards() {
		String id = issue().at("/key/id").asString();
		MvcTestResult rotated = this.mvc.post()
			.uri("/v1/admin/api-keys/" + id + "/rotate")
			.header("Authorization", ADMIN)
			.exchange();
		assertThat(rotated).hasStatusOk().bodyJson().extractingPath("$.key.rotated_at").isNotNull();
		assertThat(this.mvc.delete().uri("/v1/admin/api-keys/" + id).header("Authorization", ADMIN)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("revoked");
		assertThat(this.mvc.post().uri("/v1/admin/api-keys/" + id + "/rotate").header("Authorization", ADMIN))
			.hasStatus(409);
		assertThat(this.mvc.delete().uri("/v1/admin/api-keys/ffffffffffffffff").header("Authorization", ADMIN))
			.hasStatus(404);
	}

	@Test
	void invalidRequestsShouldBe422InFastApiShape() {
		assertThat(this.mvc.post()
			.uri("/v1/admin/api-keys")
			.header("Authorization", ADMIN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"x\",\"color\":\"red\"}")).hasStatus(422)
			.bodyJson()
			.extractingPath("$.detail[*].type")
			.asArray()
			.containsExactly("missing", "extra_forbidden");
		assertThat(this.mvc.post()
			.uri("/v1/admin/api-keys")
			.header("Authorization", ADMIN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"user_id\":\"a\",\"quota_period\":\"fortnightly\",\"token_quota\":5}")).hasStatus(422)
			.bodyJson()
			.extractingPath("$.detail[0].msg")
			.asString()
			.contains("Period should be a positive number and a unit");
	}

	private JsonNode issue() {
		MvcTestResult result = this.mvc.post()
			.uri("/v1/admin/api-keys")
			.header("Authorization", ADMIN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"user_id\":\"alice\",\"roles\":[\"reader\"]}")
			.exchange();
		assertThat(result).hasStatus(201);
		return JsonMapper.shared().readTree(result.getResponse().getContentAsByteArray());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		@Primary
		LightspeedConfiguration apiKeyConfiguration() {
			return TestConfigurations.minimalWith("""
					authentication:
					  module: api-key-token
					  api_key_config:
					    api_key: static-key
					    admin_api_key: admin-credential-0123456789
					""");
		}

		@Bean(destroyMethod = "close")
		DataSource keyDatabase() {
			return TestDatabases.sqlite(directory);
		}

		@Bean
		ApiKeyService apiKeyService(DataSource keyDatabase) {
			return new ApiKeyService(
					new ApiKeyStore(JdbcClient.create(keyDatabase), DatabaseVendor.SQLITE, Clock.systemUTC()),
					Clock.systemUTC());
		}

	}

}
