package dev.lightspeed.stack.storage;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The tables, brought up to date at start-up: LCS 0.2.0's {@code user_conversation} (SQL
 * per vendor in {@code db/schema/<vendor>.sql}) with the columns LCS 0.3.x
 * ({@code topic_summary}) and this service ({@code llama_session_id}) add,
 * {@code user_feedback}, {@code conversation_turn} (when each turn started and ended),
 * {@code mcp_server} (MCP servers registered at run time), {@code knowledge_owner} (who
 * created each vector store and file), {@code api_key}, the quota tables
 * ({@code db/schema/quota-<vendor>.sql}, which a separate quota database gets alone), and
 * on PostgreSQL {@code active_stream} and {@code stream_listener} (which replica streams
 * what, for interrupts). Like LCS's own start-up (SQLAlchemy's {@code create_all}), every
 * step leaves alone what is already there, so a database that LCS 0.2.0 or 0.3.x created,
 * or an earlier version of this service (its {@code flyway_schema_history} table stays,
 * unused), keeps its rows. The steps run in one transaction; on PostgreSQL under an
 * advisory lock, so replicas that start together do not race.
 */
public final class DatabaseSchema {

	private static final String CONVERSATIONS = "user_conversation";

	private static final List<String> ADDED_CONVERSATION_COLUMNS = List.of("topic_summary", "llama_session_id");

	// any constant key: it only has to be the same for every replica
	private static final long POSTGRES_LOCK_KEY = 0x4c53_5363_6865_6d61L;

	private DatabaseSchema() {
	}

	/**
	 * Creates the tables, indexes and columns a database lacks.
	 * @param dataSource the database
	 * @param vendor its vendor
	 * @throws DatabaseStartupException (unchecked) when the database refuses a step
	 */
	public static void apply(DataSource dataSource, DatabaseVendor vendor) {
		apply(dataSource, vendor, true);
	}

	/**
	 * Creates the quota tables a database of its own for quotas lacks.
	 * @param dataSource the database
	 * @param vendor its vendor
	 * @throws DatabaseStartupException (unchecked) when the database refuses a step
	 */
	public static void applyQuotaTables(DataSource dataSource, DatabaseVendor vendor) {
		apply(dataSource, vendor, false);
	}

	private static void apply(DataSource dataSource, DatabaseVendor vendor, boolean service) {
		try (Connection connection = dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				if (vendor == DatabaseVendor.POSTGRESQL) {
					try (Statement statement = connection.createStatement()) {
						statement.execute("SELECT pg_advisory_xact_lock(" + POSTGRES_LOCK_KEY + ")");
					}
				}
				if (service) {
					ScriptUtils.executeSqlScript(connection,
							new ClassPathResource("db/schema/" + vendor.id() + ".sql"));
					for (String column : ADDED_CONVERSATION_COLUMNS) {
						addColumnIfMissing(connection, column);
					}
				}
				ScriptUtils.executeSqlScript(connection,
						new ClassPathResource("db/schema/quota-" + vendor.id() + ".sql"));
				connection.commit();
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException | RuntimeException ex) {
			throw new DatabaseStartupException("Database schema set-up failed: " + ex.getMessage(), ex);
		}
	}

	// SQLite has no ADD COLUMN IF NOT EXISTS
	private static void addColumnIfMissing(Connection connection, String column) throws SQLException {
		if (hasColumn(connection, column)) {
			return;
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("ALTER TABLE " + CONVERSATIONS + " ADD COLUMN " + column + " TEXT");
		}
	}

	private static boolean hasColumn(Connection connection, String column) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		try (ResultSet columns = metaData.getColumns(connection.getCatalog(), connection.getSchema(), CONVERSATIONS,
				null)) {
			while (columns.next()) {
				if (column.equals(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT))) {
					return true;
				}
			}
		}
		return false;
	}

}
