package dev.lightspeed.stack.storage;

import java.nio.file.Path;

import dev.lightspeed.stack.config.ConfigurationSections;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.support.TestConfigurations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseConfigurationTests {

	@TempDir
	Path directory;

	private ApplicationContextRunner runner(String database) {
		LightspeedConfiguration configuration = TestConfigurations.minimalWith("""
				database:
				%s
				""".formatted(database.indent(2)));
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class))
			.withBean("lightspeedConfiguration", LightspeedConfiguration.class, () -> configuration)
			.withUserConfiguration(ConfigurationSections.class, DatabaseConfiguration.class);
	}

	@Test
	void startUpCreatesTheTablesOfTheConfiguredSqliteDatabase() {
		Path db = this.directory.resolve("lcs.db");
		runner("sqlite:\n  db_path: " + db).run((context) -> {
			assertThat(context).hasNotFailed();
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			assertThat(SqliteDatabaseTests.columns(jdbc, "user_conversation")).contains("id", "llama_session_id");
			assertThat(SqliteDatabaseTests.columns(jdbc, "user_feedback")).contains("id", "categories");
			assertThat(context.getBean(DatabaseVendor.class)).isEqualTo(DatabaseVendor.SQLITE);
		});
	}

	@Test
	void startUpFailsWhenTheSqliteDirectoryDoesNotExist() {
		Path db = this.directory.resolve("nope/lcs.db");
		runner("sqlite:\n  db_path: " + db).run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.isInstanceOf(DatabaseStartupException.class)
			.hasMessage("SQLite database directory does not exist: " + db));
	}

	@Test
	void theFailureAnalyzerReportsTheMessage() {
		var analysis = new DatabaseStartupFailureAnalyzer().analyze(new IllegalStateException(
				new DatabaseStartupException("SQLite database directory does not " + "exist: /x/y.db")));
		assertThat(analysis.getDescription()).isEqualTo("SQLite database directory does not exist: /x/y.db");
	}

}
