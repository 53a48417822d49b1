package dev.lightspeed.stack.conversations;

import java.time.OffsetDateTime;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes a timestamp as Python's {@code time()} float: seconds since the epoch with up to
 * six decimals, never in exponent notation ({@code 1755684672.123456},
 * {@code 1755684672.0}), as LCS 0.3.x lists conversations.
 */
class EpochSeconds extends ValueSerializer<OffsetDateTime> {

	static String format(OffsetDateTime time) {
		long seconds = time.toEpochSecond();
		int micros = time.getNano() / 1000;
		String fraction = (micros == 0) ? "0" : String.format("%06d", micros).replaceAll("0+$", "");
		return seconds + "." + fraction;
	}

	@Override
	public void serialize(OffsetDateTime value, JsonGenerator gen, SerializationContext ctxt) {
		gen.writeNumber(format(value));
	}

}
