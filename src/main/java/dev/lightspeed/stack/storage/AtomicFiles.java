package dev.lightspeed.stack.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file so that readers see either nothing or the whole content: the bytes go to
 * a hidden temporary file in the target directory (same file system, and a name that an
 * exporter looking for {@code *.json} does not pick up), are forced to disk, and the file
 * is then renamed atomically.
 */
public final class AtomicFiles {

	private static final String TEMP_SUFFIX = ".tmp";

	private AtomicFiles() {
	}

	/**
	 * Writes text as UTF-8, creating missing directories.
	 * @param target the file to write; replaced when it exists
	 * @param content the text
	 * @throws IOException when the file cannot be written; nothing is left behind then
	 */
	public static void writeString(Path target, String content) throws IOException {
		write(target, content.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Writes bytes, creating missing directories.
	 * @param target the file to write; replaced when it exists
	 * @param content the bytes
	 * @throws IOException when the file cannot be written; nothing is left behind then
	 */
	public static void write(Path target, byte[] content) throws IOException {
		Path directory = target.toAbsolutePath().getParent();
		try {
			writeIn(directory, target, content);
		}
		catch (NoSuchFileException ex) {
			// An exporter may remove an emptied directory between our mkdir and our
			// write.
			writeIn(directory, target, content);
		}
	}

	/**
	 * Whether a file name is one of our temporary files.
	 * @param fileName the name
	 * @return true for a temporary file
	 */
	public static boolean isTemporary(String fileName) {
		return fileName.startsWith(".") && fileName.endsWith(TEMP_SUFFIX);
	}

	private static void writeIn(Path directory, Path target, byte[] content) throws IOException {
		Files.createDirectories(directory);
		Path temp = directory.resolve("." + target.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
		try {
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE)) {
				ByteBuffer buffer = ByteBuffer.wrap(content);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				channel.force(true);
			}
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temp);
		}
		syncDirectory(directory);
	}

	private static void syncDirectory(Path directory) {
		// Makes the rename durable; not every platform can open a directory, which only
		// weakens durability, not atomicity.
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException | UnsupportedOperationException ex) {
			// best effort
		}
	}

}
