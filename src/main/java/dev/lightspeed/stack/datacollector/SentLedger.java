package dev.lightspeed.stack.datacollector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import dev.lightspeed.stack.storage.AtomicFiles;

/**
 * Remembers which files of a storage root were uploaded, for
 * {@code cleanup_after_send: false}: a text file in the root, one relative path per line,
 * named so that nothing looking for {@code *.json} picks it up. It lives with the files,
 * so replicas with their own disks keep their own, and it forgets files that are gone.
 */
final class SentLedger {

	static final String FILE_PREFIX = ".data-collector-sent-";

	private final Path file;

	SentLedger(Source source) {
		this.file = source.root().resolve(FILE_PREFIX + source.prefix());
	}

	Set<String> read() throws IOException {
		try {
			Set<String> sent = new TreeSet<>(Files.readAllLines(this.file, StandardCharsets.UTF_8));
			sent.remove("");
			return sent;
		}
		catch (NoSuchFileException ex) {
			return new TreeSet<>();
		}
	}

	/**
	 * Adds paths and drops the ones whose file no longer exists.
	 * @param root the storage root the paths are relative to
	 * @param sent the paths just uploaded
	 */
	void add(Path root, Collection<String> sent) throws IOException {
		Set<String> all = read();
		all.addAll(sent);
		all.removeIf((relative) -> !Files.exists(root.resolve(relative)));
		AtomicFiles.writeString(this.file, all.isEmpty() ? "" : String.join("\n", all) + "\n");
	}

}
