package dev.lightspeed.stack.datacollector;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What becomes of files the ingress server accepted: deleted, with the directories they
 * leave empty ({@code cleanup_after_send: true}), or remembered in each root's
 * {@link SentLedger} so that they are not sent again.
 */
final class Settlement {

	private static final Logger logger = LoggerFactory.getLogger(Settlement.class);

	private final boolean cleanupAfterSend;

	Settlement(boolean cleanupAfterSend) {
		this.cleanupAfterSend = cleanupAfterSend;
	}

	/**
	 * The files of a root already sent, which a scan leaves out.
	 * @param source the root
	 * @return relative paths; none when sent files are deleted
	 * @throws IOException when the record of sent files cannot be read
	 */
	Set<String> alreadySent(Source source) throws IOException {
		return this.cleanupAfterSend ? Set.of() : new SentLedger(source).read();
	}

	void settle(List<CollectedFile> files) {
		if (this.cleanupAfterSend) {
			files.forEach(Settlement::delete);
			return;
		}
		Map<Source, List<String>> sent = new HashMap<>();
		files.forEach((file) -> sent.computeIfAbsent(file.source(), (s) -> new ArrayList<>()).add(file.relativePath()));
		sent.forEach((source, paths) -> {
			try {
				new SentLedger(source).add(source.root(), paths);
			}
			catch (IOException ex) {
				logger.error("Data collector cannot record the files sent from {}; they will be sent again: {}",
						source.root(), ex.toString());
			}
		});
	}

	private static void delete(CollectedFile file) {
		try {
			Files.deleteIfExists(file.path());
			Path root = file.source().root().toAbsolutePath().normalize();
			for (Path dir = file.path().toAbsolutePath().normalize().getParent(); dir != null && !dir.equals(root)
					&& dir.startsWith(root); dir = dir.getParent()) {
				Files.delete(dir);
			}
		}
		catch (DirectoryNotEmptyException | NoSuchFileException ex) {
			// a directory still in use stays
		}
		catch (IOException ex) {
			logger.warn("Data collector cannot delete {}: {}", file.path(), ex.toString());
		}
	}

}
