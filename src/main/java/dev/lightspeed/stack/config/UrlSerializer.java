package dev.lightspeed.stack.config;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes a URL the way pydantic's {@code AnyHttpUrl} shows it in LCS 0.2.0's
 * {@code /v1/config}: a URL without a path gains a trailing {@code /}. The configured
 * value itself is used unchanged.
 */
class UrlSerializer extends ValueSerializer<String> {

	@Override
	public void serialize(String value, JsonGenerator gen, SerializationContext ctxt) {
		gen.writeString(normalise(value));
	}

	static String normalise(String url) {
		int scheme = url.indexOf("://");
		if (scheme < 0) {
			return url;
		}
		int start = scheme + 3;
		int end = start;
		while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
			end++;
		}
		boolean hasPath = end < url.length() && url.charAt(end) == '/';
		return hasPath ? url : url.substring(0, end) + "/" + url.substring(end);
	}

}
