package dev.lightspeed.stack.datacollector;

import java.nio.file.Path;

/**
 * A storage root the collector reads.
 *
 * @param prefix the top directory of its files in the archive ({@code feedback} or
 * {@code transcripts}), as the dataverse exporter lays them out
 * @param root the directory
 * @param depth how deep below the root the files are: 1 for feedback ({@code <id>.json}),
 * 3 for transcripts ({@code <user>/<conversation>/<id>.json})
 */
record Source(String prefix, Path root, int depth) {

	static Source feedback(Path root) {
		return new Source("feedback", root, 1);
	}

	static Source transcripts(Path root) {
		return new Source("transcripts", root, 3);
	}

}
