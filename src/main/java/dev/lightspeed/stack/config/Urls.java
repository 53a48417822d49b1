package dev.lightspeed.stack.config;

import java.net.URI;
import java.net.URISyntaxException;

import org.jspecify.annotations.Nullable;

/**
 * What a URL must be to be used: the one check behind {@link HttpUrl} configuration keys,
 * MCP server registrations and {@code MCP-HEADERS} keys.
 */
public final class Urls {

	private Urls() {
	}

	/**
	 * Whether a text is an {@code http} or {@code https} URL with a host.
	 * @param value the text
	 * @return true when it is
	 */
	public static boolean isHttpUrl(String value) {
		URI uri = withHost(value);
		return uri != null && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
	}

	/**
	 * Whether a text parses as a URI with a server-based authority: a host name, an IPv4
	 * address or a well-formed IPv6 literal, as pydantic's URL types require.
	 * @param value the text
	 * @return true when it does
	 */
	public static boolean hasHost(String value) {
		return withHost(value) != null;
	}

	private static @Nullable URI withHost(String value) {
		try {
			URI uri = new URI(value);
			return (uri.getHost() != null && !uri.getHost().isEmpty()) ? uri : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
