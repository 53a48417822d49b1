package dev.lightspeed.stack.datacollector;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * A complete JSON file picked up for upload, read once: the bytes archived are the bytes
 * checked.
 *
 * @param source the storage root it was found under
 * @param path the file
 * @param relativePath its path below the root, {@code /}-separated
 * @param content its bytes
 * @param modified its modification time, kept in the archive
 */
record CollectedFile(Source source, Path path, String relativePath, byte[] content, FileTime modified) {

	/**
	 * The archive member name: {@code feedback/<id>.json},
	 * {@code transcripts/<user>/<conversation>/<id>.json}.
	 * @return the name
	 */
	String memberName() {
		return this.source.prefix() + "/" + this.relativePath;
	}

}
