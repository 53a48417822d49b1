package dev.lightspeed.stack.clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The tables of {@code docs/clients.md}: per scenario (a {@code ###} heading with its
 * title), a row per client, a column per stream dialect, each cell what the client shows
 * as {@link Cells} renders it. The live-stream tests assert that every client shows what
 * its cell says.
 */
final class ClientTables {

	static final Path DOCUMENT = Path.of("docs/clients.md");

	/**
	 * The dialects, in the order of the tables' columns.
	 */
	enum Dialect {

		COMPATIBLE, LCS_0_2

	}

	private final List<String> lines;

	private ClientTables(List<String> lines) {
		this.lines = lines;
	}

	static ClientTables read() {
		try {
			return new ClientTables(Files.readAllLines(DOCUMENT));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The cell of a client in a scenario's table.
	 * @throws IllegalStateException when the document has no such cell
	 */
	String cell(Scenario scenario, Client client, Dialect dialect) {
		int heading = this.lines.indexOf("### " + scenario.title());
		if (heading < 0) {
			throw new IllegalStateException(DOCUMENT + " has no section ### " + scenario.title());
		}
		for (String line : this.lines.subList(heading + 1, this.lines.size())) {
			if (line.startsWith("#")) {
				break;
			}
			if (line.startsWith("| " + client.title() + " |")) {
				// cells may hold \| (an escaped bar), never a bare one
				List<String> cells = Arrays.stream(line.split("(?<!\\\\)\\|", -1)).map(String::strip).toList();
				return cells.get(2 + dialect.ordinal());
			}
		}
		throw new IllegalStateException(DOCUMENT + " has no row " + client.title() + " under ### " + scenario.title());
	}

}
