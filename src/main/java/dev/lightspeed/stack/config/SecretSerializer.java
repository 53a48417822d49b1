package dev.lightspeed.stack.config;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Masks a secret whenever configuration is written as JSON ({@code /v1/config},
 * {@code -d}, logs).
 */
class SecretSerializer extends ValueSerializer<Object> {

	static final String MASK = "**********";

	@Override
	public void serialize(Object value, JsonGenerator gen, SerializationContext ctxt) {
		gen.writeString(MASK);
	}

}
