package dev.lightspeed.stack.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The table a reliability suite ({@code *Reliability}, {@code make test-reliability})
 * produces: one Markdown row per scenario, printed and appended to
 * {@code target/reliability/<name>.md}, which the first row of a run starts afresh with
 * the header. {@code docs/reliability.md} shows these tables from a run.
 */
public final class ReliabilityReport {

	private static final Set<String> started = Collections.synchronizedSet(new HashSet<>());

	private final String name;

	private final String[] columns;

	/**
	 * A table.
	 * @param name the file name, without {@code .md}
	 * @param columns the column headers
	 */
	public ReliabilityReport(String name, String... columns) {
		this.name = name;
		this.columns = columns.clone();
	}

	/**
	 * Prints a row and adds it to the file.
	 * @param cells one per column
	 */
	public void row(Object... cells) {
		if (cells.length != this.columns.length) {
			throw new IllegalArgumentException(this.columns.length + " cells expected: " + Arrays.toString(cells));
		}
		String row = line(cells);
		System.out.println(this.name + ": " + row);
		Path file = Path.of("target", "reliability", this.name + ".md");
		try {
			synchronized (started) {
				if (started.add(this.name)) {
					Files.createDirectories(file.getParent());
					Files.writeString(file, line((Object[]) this.columns) + "\n"
							+ line(Arrays.stream(this.columns).map((column) -> "---").toArray()) + "\n");
				}
				Files.writeString(file, row + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String line(Object... cells) {
		return Arrays.stream(cells).map(String::valueOf).collect(Collectors.joining(" | ", "| ", " |"));
	}

}
