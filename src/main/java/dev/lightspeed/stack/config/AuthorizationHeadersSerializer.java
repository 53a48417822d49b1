package dev.lightspeed.stack.config;

import java.util.Map;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes {@code mcp_servers[].authorization_headers} with its keywords shown and its file
 * paths masked: a value that is not a keyword may be a token written where a path
 * belongs.
 */
class AuthorizationHeadersSerializer extends ValueSerializer<Map<String, String>> {

	@Override
	public void serialize(Map<String, String> value, JsonGenerator gen, SerializationContext ctxt) {
		gen.writeStartObject();
		for (Map.Entry<String, String> header : value.entrySet()) {
			String source = header.getValue().strip();
			gen.writeStringProperty(header.getKey(),
					McpServerConfig.KEYWORDS.contains(source) ? source : SecretSerializer.MASK);
		}
		gen.writeEndObject();
	}

}
