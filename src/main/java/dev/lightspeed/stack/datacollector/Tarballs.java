package dev.lightspeed.stack.datacollector;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Packs files as a gzip-compressed tar, as the dataverse exporter does: one member per
 * file, named by {@link CollectedFile#memberName()}. Long or non-ASCII names get POSIX
 * (pax) headers, which Python's {@code tarfile} also writes.
 * <p>
 * The same files give the same bytes, so that a batch sent again after a timeout or a
 * crash is the very same payload under the same id ({@link Batch}): members in the given
 * order, each file's own modification time in whole seconds (not the time of packing), no
 * owner names, and a gzip header without a timestamp (the JDK writes none).
 */
final class Tarballs {

	private static final int FILE_MODE = 0100644;

	private Tarballs() {
	}

	static byte[] pack(List<CollectedFile> files) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes),
				StandardCharsets.UTF_8.name())) {
			tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
			tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
			tar.setAddPaxHeadersForNonAsciiNames(true);
			for (CollectedFile file : files) {
				TarArchiveEntry entry = new TarArchiveEntry(file.memberName());
				entry.setSize(file.content().length);
				entry.setMode(FILE_MODE);
				// the constructor fills in the name of the user running the service
				entry.setUserName("");
				entry.setGroupName("");
				// whole seconds: a fraction would add a pax header per member
				entry.setLastModifiedTime(FileTime.from(file.modified().to(TimeUnit.SECONDS), TimeUnit.SECONDS));
				tar.putArchiveEntry(entry);
				tar.write(file.content());
				tar.closeArchiveEntry();
			}
		}
		catch (IOException ex) {
			// only memory is written to
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

}
