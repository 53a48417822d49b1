package dev.lightspeed.stack.config;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes an absent flag as {@code false}, as LCS 0.2.0 shows it.
 */
class FalseSerializer extends ValueSerializer<Object> {

	@Override
	public void serialize(Object value, JsonGenerator gen, SerializationContext ctxt) {
		gen.writeBoolean(false);
	}

}
