package dev.lightspeed.stack.datacollector;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One upload: a bounded group of files, its archive and its id, the SHA-256 of the
 * archive in hex. The archive is deterministic ({@link Tarballs}), so the same files give
 * the same id: a consumer that keeps the ids (or hashes the payloads) it has seen can
 * drop a batch sent again after a timeout or a crash.
 *
 * @param id the SHA-256 of the archive, 64 lower-case hex digits
 * @param files the files, in archive order
 * @param archive the gzip tar
 */
record Batch(String id, List<CollectedFile> files, byte[] archive) {

	/**
	 * Most files in one batch: what can be delivered twice after a timeout or a crash.
	 */
	static final int MAX_FILES = 100;

	/** Most uncompressed bytes in one batch, as the exporter chunks. */
	static final long MAX_BYTES = 100L * 1024 * 1024;

	static Batch of(List<CollectedFile> files) {
		byte[] archive = Tarballs.pack(files);
		return new Batch(sha256(archive), List.copyOf(files), archive);
	}

	/**
	 * Splits files, in order, into groups of at most {@link #MAX_FILES} files and
	 * {@link #MAX_BYTES} bytes (a larger single file goes alone).
	 * @param files the files
	 * @return the groups
	 */
	static List<List<CollectedFile>> split(List<CollectedFile> files) {
		List<List<CollectedFile>> groups = new ArrayList<>();
		List<CollectedFile> group = new ArrayList<>();
		long size = 0;
		for (CollectedFile file : files) {
			if (!group.isEmpty() && (group.size() == MAX_FILES || size + file.content().length > MAX_BYTES)) {
				groups.add(group);
				group = new ArrayList<>();
				size = 0;
			}
			group.add(file);
			size += file.content().length;
		}
		if (!group.isEmpty()) {
			groups.add(group);
		}
		return groups;
	}

	/**
	 * The archive's file name in the upload, naming the batch.
	 * @return {@code lightspeed-assistant-<id>.tgz}
	 */
	String fileName() {
		return "lightspeed-assistant-" + this.id + ".tgz";
	}

	List<String> members() {
		return this.files.stream().map(CollectedFile::memberName).toList();
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			// every JDK has SHA-256
			throw new IllegalStateException(ex);
		}
	}

}
