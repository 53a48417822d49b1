package dev.lightspeed.stack.web;

import dev.lightspeed.stack.config.DatabaseConfig;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.support.ApplicationClient;
import dev.lightspeed.stack.support.LlamaStackStub;
import dev.lightspeed.stack.support.TestConfigurations;
import dev.lightspeed.stack.support.TestDatabases;
import dev.lightspeed.stack.support.WireMockLlamaStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application on the test PostgreSQL ({@code scripts/with-postgres.sh}) with
 * every log at DEBUG, the connection pool, the driver and the migrations included: the
 * database password never reaches the log or {@code /v1/config}.
 */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_PORT, matches = "\\d+")
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.root=DEBUG", "logging.level.wiremock=INFO" })
class PostgresPasswordNotLoggedIT {

	@RegisterExtension
	static final LlamaStackStub llamaStack = LlamaStackStub.answeringQueries();

	private static final DatabaseConfig.Postgres database = TestDatabases.postgres(null);

	@Autowired
	private JdbcClient jdbc;

	@AfterEach
	void dropNamespace() {
		this.jdbc.sql("DROP SCHEMA \"" + database.namespace() + "\" CASCADE").update();
	}

	@Test
	void thePasswordIsNeverLogged(@LocalServerPort int port, CapturedOutput output) {
		ApplicationClient app = ApplicationClient.http(port);
		assertThat(app.send("POST", "/v1/query", "{\"query\": \"What is Kubernetes?\"}").statusCode()).isEqualTo(200);
		assertThat(app.send("GET", "/v1/conversations").body()).contains(WireMockLlamaStack.AGENT);
		assertThat(app.send("GET", "/v1/config").body()).contains("\"password\":\"**********\"")
			.doesNotContain(database.password());
		// The conversation really went to PostgreSQL, in the configured namespace.
		assertThat(this.jdbc.sql("SELECT count(*) FROM user_conversation").query(Integer.class).single()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT current_schema()").query(String.class).single())
			.isEqualTo(database.namespace());
		assertThat(output.getAll()).contains("DEBUG", "com.zaxxer.hikari").doesNotContain(database.password());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		LightspeedConfiguration lightspeedConfiguration() {
			return TestConfigurations.yaml("""
					name: postgres-secrets
					service: {}
					llama_stack:
					  url: %s
					user_data_collection: {}
					""".formatted(llamaStack.baseUrl()) + TestDatabases.yaml(database));
		}

	}

}
