package dev.lightspeed.stack.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The table a reliability suite ({@code *Reliability}, {@code make test-reliability})
 * produces: one Markdown row per scenario, printed and appended to
 * {@code target/reliability/<name>.md}, which the first row of a run starts with the
 * header (the Maven profile {@code reliability} empties {@code target/reliability}
 * first). {@code docs/reliability.md} shows these tables from a run.
 */
public final class ReliabilityReport {

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
		// the suite runs in two JVMs, and two classes may share a table: the lock on the
		// file
		// makes its header and each row one write
		synchronized (ReliabilityReport.class) {
			try {
				Files.createDirectories(file.getParent());
				try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
						StandardOpenOption.APPEND); FileLock lock = channel.lock()) {
					String text = (channel.size() == 0) ? line((Object[]) this.columns) + "\n"
							+ line(Arrays.stream(this.columns).map((column) -> "---").toArray()) + "\n" : "";
					channel.write(ByteBuffer.wrap((text + row + "\n").getBytes(StandardCharsets.UTF_8)));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	private static String line(Object... cells) {
		return Arrays.stream(cells).map(String::valueOf).collect(Collectors.joining(" | ", "| ", " |"));
	}

}
