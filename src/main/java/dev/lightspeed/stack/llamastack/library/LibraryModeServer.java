package dev.lightspeed.stack.llamastack.library;

import java.util.Optional;

/**
 * The Llama Stack server this service started for library mode.
 */
public interface LibraryModeServer {

	/**
	 * Where the server listens.
	 * @return its base URL ({@code http://127.0.0.1:<port>}), or empty when the
	 * configuration names a server of its own ({@code llama_stack.url})
	 */
	Optional<String> url();

}
