package dev.lightspeed.stack.llamastack;

import java.util.Optional;

/**
 * Whether this service has made contact with Llama Stack, and the backend it chose for
 * the version found. At start-up the service checks Llama Stack's version and registers
 * the MCP servers; when Llama Stack cannot be reached it keeps trying in the background,
 * and until then {@link #backend()} fails with {@link LlamaStackUnavailableException}
 * (503).
 */
public interface LlamaStackStatus {

	/**
	 * Whether the start-up handshake (version check, MCP registration) succeeded.
	 * @return true once connected; it stays true even if Llama Stack goes away later
	 */
	boolean connected();

	/**
	 * The version Llama Stack reported.
	 * @return the version, empty while not connected
	 */
	Optional<String> version();

	/**
	 * The API this service speaks to the connected Llama Stack.
	 * @return {@code Agents API} or {@code Responses API}, empty while not connected
	 */
	Optional<String> generation();

	/**
	 * The backend for the connected Llama Stack's API generation; other features call
	 * Llama Stack through it.
	 * @return the backend
	 * @throws LlamaStackUnavailableException while not connected
	 */
	LlamaStackBackend backend();

}
