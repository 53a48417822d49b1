package dev.lightspeed.stack.datacollector;

import java.nio.file.Path;

/**
 * A storage root the collector reads.
 *
 * @param prefix the top directory of its files in the archive ({@code feedback} or
 * {@code transcripts}), as the dataverse exporter lays them out
 * @param root the directory
 * @param minDepth how deep below the root the files are at least: 1 for feedback
 * ({@code <id>.json}), 3 for transcripts ({@code <user>/<conversation>/<id>.json})
 * @param maxDepth how deep at most: 1 for feedback; no limit for transcripts, whose user
 * id may be several directories ({@code user:default/guest/<conversation>/<id>.json})
 */
record Source(String prefix, Path root, int minDepth, int maxDepth) {

	static Source feedback(Path root) {
		return new Source("feedback", root, 1, 1);
	}

	static Source transcripts(Path root) {
		return new Source("transcripts", root, 3, Integer.MAX_VALUE);
	}

	boolean holdsFilesAt(int depth) {
		return depth >= this.minDepth && depth <= this.maxDepth;
	}

}
