package dev.lightspeed.stack.datacollector;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One collection: scan, pack, upload, then delete the uploaded files
 * ({@code cleanup_after_send}) or remember them. A file is deleted or remembered only
 * after the ingress server accepted the archive holding it; anything else leaves the
 * files as they were for the next cycle.
 */
final class CollectionCycle {

	/** Uncompressed bytes per archive, as the exporter chunks. */
	static final long MAX_PAYLOAD = 100L * 1024 * 1024;

	private static final Logger logger = LoggerFactory.getLogger(CollectionCycle.class);

	private final List<Source> sources;

	private final boolean cleanupAfterSend;

	private final IngressClient ingress;

	CollectionCycle(List<Source> sources, boolean cleanupAfterSend, IngressClient ingress) {
		this.sources = List.copyOf(sources);
		this.cleanupAfterSend = cleanupAfterSend;
		this.ingress = ingress;
	}

	/**
	 * Runs the cycle.
	 * @return what was sent
	 * @throws InterruptedException when stopped during an upload (nothing is deleted
	 * then)
	 */
	Outcome run() throws InterruptedException {
		List<CollectedFile> files = collect();
		if (files.isEmpty()) {
			logger.debug("Data collector: nothing to upload");
			return new Outcome(0, 0, true);
		}
		int sentFiles = 0;
		int archives = 0;
		for (List<CollectedFile> chunk : chunks(files)) {
			if (!upload(chunk)) {
				return new Outcome(sentFiles, archives, false);
			}
			archives++;
			sentFiles += chunk.size();
			settle(chunk);
		}
		return new Outcome(sentFiles, archives, true);
	}

	private List<CollectedFile> collect() {
		// keyed by path: two storage roots may overlap
		Map<Path, CollectedFile> files = new LinkedHashMap<>();
		for (Source source : this.sources) {
			Set<String> skip = Set.of();
			if (!this.cleanupAfterSend) {
				try {
					skip = new SentLedger(source).read();
				}
				catch (IOException ex) {
					// without the ledger, files could be sent twice: skip this root
					logger.error("Data collector cannot read its record of sent files in {}: {}", source.root(),
							ex.toString());
					continue;
				}
			}
			for (CollectedFile file : FileScanner.scan(source, skip)) {
				files.putIfAbsent(file.path().toAbsolutePath().normalize(), file);
			}
		}
		return new ArrayList<>(files.values());
	}

	private static List<List<CollectedFile>> chunks(List<CollectedFile> files) {
		List<List<CollectedFile>> chunks = new ArrayList<>();
		List<CollectedFile> chunk = new ArrayList<>();
		long size = 0;
		for (CollectedFile file : files) {
			if (!chunk.isEmpty() && size + file.content().length > MAX_PAYLOAD) {
				chunks.add(chunk);
				chunk = new ArrayList<>();
				size = 0;
			}
			chunk.add(file);
			size += file.content().length;
		}
		chunks.add(chunk);
		return chunks;
	}

	private boolean upload(List<CollectedFile> chunk) throws InterruptedException {
		try {
			IngressClient.Answer answer = this.ingress.upload(Tarballs.pack(chunk));
			if (answer.accepted()) {
				logger.info("Data collector uploaded {} files to {}", chunk.size(), this.ingress.target());
				return true;
			}
			logger.warn("Data collector upload to {} refused with status {}: {}; the files are kept for the next cycle",
					this.ingress.target(), answer.status(), abbreviate(answer.body()));
		}
		catch (IOException ex) {
			logger.warn("Data collector upload to {} failed: {}; the files are kept for the next cycle",
					this.ingress.target(), ex.toString());
		}
		return false;
	}

	private void settle(List<CollectedFile> chunk) {
		if (this.cleanupAfterSend) {
			chunk.forEach(CollectionCycle::delete);
			return;
		}
		Map<Source, List<String>> sent = new HashMap<>();
		chunk.forEach((file) -> sent.computeIfAbsent(file.source(), (s) -> new ArrayList<>()).add(file.relativePath()));
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

	private static String abbreviate(String text) {
		return (text.length() > 200) ? text.substring(0, 200) + "..." : text;
	}

	/**
	 * What a cycle did.
	 *
	 * @param files files uploaded
	 * @param archives archives uploaded
	 * @param complete false when an upload failed and files were left for the next cycle
	 */
	record Outcome(int files, int archives, boolean complete) {
	}

}
