package dev.lightspeed.stack.health;

import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;

/**
 * One component {@code /v1/health} reports on: a bean of the feature that uses it (Llama
 * Stack, a database, an MCP server, the authentication back end).
 */
public interface ComponentCheck {

	/**
	 * The component's name in the report.
	 * @return e.g. {@code database} or {@code mcp:filesystem}
	 */
	String component();

	/**
	 * Whether the service cannot answer without the component: a critical component down
	 * makes the service unhealthy, any other only degraded.
	 * @return true by default
	 */
	default boolean critical() {
		return true;
	}

	/**
	 * Asks the component whether it works.
	 * @return what it said, or null
	 * @throws Exception when it does not work; the message says why
	 */
	@Nullable String check() throws Exception;

	/**
	 * A check from a function.
	 * @param component the component's name
	 * @param critical whether the service needs it to answer
	 * @param check what {@link #check()} does
	 * @return the check
	 */
	static ComponentCheck of(String component, boolean critical, Callable<@Nullable String> check) {
		return new ComponentCheck() {

			@Override
			public String component() {
				return component;
			}

			@Override
			public boolean critical() {
				return critical;
			}

			@Override
			public @Nullable String check() throws Exception {
				return check.call();
			}

		};
	}

}
