package dev.lightspeed.stack.storage;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Connections that keep their prepared statements, for the pool to open: sqlite-jdbc
 * compiles every statement anew ({@code sqlite3_prepare_v2}; for a turn's upsert that
 * costs as much as running it) and HikariCP caches none.
 * <p>
 * {@code prepareStatement(sql)} hands out the connection's statement for that SQL when it
 * is free, through a handle of its own; closing the handle clears the parameters and
 * frees the statement for the next caller. A statement still in use when the same SQL is
 * prepared again is not shared: the second caller gets a statement of its own, closed
 * with its handle. Each connection keeps the {@link #STATEMENTS_PER_CONNECTION} most
 * recently used and closes them all when it closes.
 */
final class StatementCachingDataSource extends DelegatingDataSource {

	static final int STATEMENTS_PER_CONNECTION = 32;

	private static final Logger logger = LoggerFactory.getLogger(StatementCachingDataSource.class);

	StatementCachingDataSource(DataSource target) {
		super(target);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return caching(obtainTargetDataSource().getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return caching(obtainTargetDataSource().getConnection(username, password));
	}

	private static Connection caching(Connection connection) {
		return proxy(Connection.class, new CachingConnection(connection));
	}

	private static <T> T proxy(Class<T> type, InvocationHandler handler) {
		return type.cast(Proxy.newProxyInstance(StatementCachingDataSource.class.getClassLoader(),
				new Class<?>[] { type }, handler));
	}

	/** Calls the target's method, with its own exception rather than a reflective one. */
	private static @Nullable Object delegate(Object target, Method method, @Nullable Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	/**
	 * The proxy's own {@code equals}, {@code hashCode} and {@code toString}: identity, as
	 * for any connection or statement.
	 */
	private static Object objectMethod(Object proxy, Method method, @Nullable Object[] args, Object target) {
		return switch (method.getName()) {
			case "equals" -> proxy == args[0];
			case "hashCode" -> System.identityHashCode(proxy);
			default -> "Caching[" + target + "]";
		};
	}

	private static final class CachingConnection implements InvocationHandler {

		private final Connection target;

		/** Guarded by itself; the pool closes a connection from its own thread. */
		private final Map<String, CachedStatement> statements = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, CachedStatement> eldest) {
				if (size() <= STATEMENTS_PER_CONNECTION) {
					return false;
				}
				eldest.getValue().evict();
				return true;
			}

		};

		CachingConnection(Connection target) {
			this.target = target;
		}

		@Override
		public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
			if (method.getDeclaringClass() == Object.class) {
				return objectMethod(proxy, method, args, this.target);
			}
			if (method.getName().equals("prepareStatement") && args != null && args.length == 1) {
				return prepare((String) args[0]);
			}
			if (method.getName().equals("close")) {
				closeStatements();
			}
			return delegate(this.target, method, args);
		}

		private PreparedStatement prepare(String sql) throws SQLException {
			CachedStatement statement;
			synchronized (this.statements) {
				statement = this.statements.get(sql);
				if (statement == null) {
					statement = new CachedStatement(this.target.prepareStatement(sql));
					this.statements.put(sql, statement);
				}
			}
			if (!statement.lend()) {
				return this.target.prepareStatement(sql);
			}
			return proxy(PreparedStatement.class, new Handle(statement));
		}

		private void closeStatements() {
			List<CachedStatement> open;
			synchronized (this.statements) {
				open = new ArrayList<>(this.statements.values());
				this.statements.clear();
			}
			for (CachedStatement statement : open) {
				statement.evict();
			}
		}

	}

	/** A prepared statement a connection keeps, lent to one caller at a time. */
	private static final class CachedStatement {

		private final PreparedStatement target;

		/** Guarded by this, as is {@link #evicted}. */
		private boolean inUse;

		private boolean evicted;

		CachedStatement(PreparedStatement target) {
			this.target = target;
		}

		/** Lent to a caller, false when another has it or it is out of the cache. */
		synchronized boolean lend() {
			if (this.inUse || this.evicted) {
				return false;
			}
			this.inUse = true;
			return true;
		}

		/**
		 * Given back by its caller: free for the next one, or closed if evicted
		 * meanwhile.
		 */
		synchronized void release() throws SQLException {
			if (this.evicted) {
				this.target.close();
				return;
			}
			this.target.clearParameters();
			this.inUse = false;
		}

		/** Out of the cache: closed now, or when its caller gives it back. */
		synchronized void evict() {
			this.evicted = true;
			if (!this.inUse) {
				try {
					this.target.close();
				}
				catch (SQLException ex) {
					logger.warn("Closing a prepared statement failed: {}", ex.getMessage());
				}
			}
		}

	}

	/** One caller's use of a kept statement; {@code close()} gives the statement back. */
	private static final class Handle implements InvocationHandler {

		private final CachedStatement statement;

		private boolean closed;

		Handle(CachedStatement statement) {
			this.statement = statement;
		}

		@Override
		public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
			if (method.getDeclaringClass() == Object.class) {
				return objectMethod(proxy, method, args, this.statement.target);
			}
			switch (method.getName()) {
				case "close" -> {
					if (!this.closed) {
						this.closed = true;
						this.statement.release();
					}
					return null;
				}
				case "isClosed" -> {
					return this.closed || this.statement.target.isClosed();
				}
				default -> {
					if (this.closed) {
						throw new SQLException("Statement is closed");
					}
					return delegate(this.statement.target, method, args);
				}
			}
		}

	}

}
