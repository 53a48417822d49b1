package dev.lightspeed.stack.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Version 2: adds {@code topic_summary} (LCS 0.3.x) and {@code llama_session_id} (ours)
 * to {@code user_conversation} unless they are there already, as in a database LCS 0.3.x
 * used. SQLite has no {@code ADD COLUMN IF NOT EXISTS}, hence a Java migration.
 */
class ConversationColumnsMigration implements JavaMigration {

	private static final String TABLE = "user_conversation";

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("2");
	}

	@Override
	public String getDescription() {
		return "conversation topic summary and session";
	}

	@Override
	public Integer getChecksum() {
		return 2;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		addColumnIfMissing(connection, "topic_summary");
		addColumnIfMissing(connection, "llama_session_id");
	}

	private static void addColumnIfMissing(Connection connection, String column) throws SQLException {
		if (hasColumn(connection, column)) {
			return;
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("ALTER TABLE " + TABLE + " ADD COLUMN " + column + " TEXT");
		}
	}

	private static boolean hasColumn(Connection connection, String column) throws SQLException {
		var metaData = connection.getMetaData();
		try (ResultSet columns = metaData.getColumns(connection.getCatalog(), connection.getSchema(), TABLE, null)) {
			while (columns.next()) {
				if (column.equals(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT))) {
					return true;
				}
			}
		}
		return false;
	}

}
