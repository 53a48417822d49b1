package dev.lightspeed.stack.config;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.util.Instantiatable;

/**
 * Python's {@code json.dumps(indent=4)} layout: one value per line, {@code ": "} after
 * names, empty containers as {@code []} and {@code {}}.
 */
final class IndentedPrettyPrinter implements PrettyPrinter, Instantiatable<IndentedPrettyPrinter> {

	private int depth;

	@Override
	public IndentedPrettyPrinter createInstance() {
		return new IndentedPrettyPrinter();
	}

	@Override
	public void writeRootValueSeparator(JsonGenerator g) {
		g.writeRaw('\n');
	}

	@Override
	public void writeStartObject(JsonGenerator g) {
		g.writeRaw('{');
		this.depth++;
	}

	@Override
	public void beforeObjectEntries(JsonGenerator g) {
		newLine(g);
	}

	@Override
	public void writeObjectNameValueSeparator(JsonGenerator g) {
		g.writeRaw(": ");
	}

	@Override
	public void writeObjectEntrySeparator(JsonGenerator g) {
		g.writeRaw(',');
		newLine(g);
	}

	@Override
	public void writeEndObject(JsonGenerator g, int nrOfEntries) {
		this.depth--;
		if (nrOfEntries > 0) {
			newLine(g);
		}
		g.writeRaw('}');
	}

	@Override
	public void writeStartArray(JsonGenerator g) {
		g.writeRaw('[');
		this.depth++;
	}

	@Override
	public void beforeArrayValues(JsonGenerator g) {
		newLine(g);
	}

	@Override
	public void writeArrayValueSeparator(JsonGenerator g) {
		g.writeRaw(',');
		newLine(g);
	}

	@Override
	public void writeEndArray(JsonGenerator g, int nrOfValues) {
		this.depth--;
		if (nrOfValues > 0) {
			newLine(g);
		}
		g.writeRaw(']');
	}

	private void newLine(JsonGenerator g) {
		g.writeRaw('\n');
		g.writeRaw("    ".repeat(this.depth));
	}

}
