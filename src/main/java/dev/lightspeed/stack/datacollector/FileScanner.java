package dev.lightspeed.stack.datacollector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the files worth uploading under a storage root: regular {@code *.json} files (not
 * symbolic links, not hidden, so never the atomic writer's {@code .*.tmp} files) at the
 * layout's depths, that hold a complete JSON document (a file another writer is still
 * writing fails to parse and waits for the next cycle).
 */
final class FileScanner {

	/** Larger files are left alone: the exporter's payload limit. */
	static final long MAX_FILE_SIZE = 100L * 1024 * 1024;

	private static final Logger logger = LoggerFactory.getLogger(FileScanner.class);

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private FileScanner() {
	}

	/**
	 * Scans one root.
	 * @param source the root
	 * @param skip relative paths to leave out (already sent)
	 * @return the complete files, in path order
	 */
	static List<CollectedFile> scan(Source source, Set<String> skip) {
		Path root;
		try {
			root = source.root().toRealPath();
		}
		catch (NoSuchFileException ex) {
			return List.of();
		}
		catch (IOException ex) {
			logger.warn("Data collector cannot read {}: {}", source.root(), ex.toString());
			return List.of();
		}
		// the files carry the resolved root, so that deleting stays below it
		Source resolved = new Source(source.prefix(), root, source.minDepth(), source.maxDepth());
		List<CollectedFile> files = new ArrayList<>();
		// Files.walk does not follow symbolic links, so a deep walk cannot loop
		try (Stream<Path> paths = Files.walk(root, source.maxDepth())) {
			paths.filter((path) -> source.holdsFilesAt(root.relativize(path).getNameCount()))
				.sorted()
				.forEach((path) -> read(resolved, root, path, skip).ifPresent(files::add));
		}
		catch (IOException | UncheckedIOException ex) {
			// a directory removed while walking: what was found so far is still good
			logger.debug("Data collector scan of {} cut short: {}", root, ex.toString());
		}
		return files;
	}

	private static Optional<CollectedFile> read(Source source, Path root, Path path, Set<String> skip) {
		String name = path.getFileName().toString();
		String relative = relativeName(root.relativize(path));
		if (!name.endsWith(".json") || name.startsWith(".") || skip.contains(relative)
				|| relative.chars().anyMatch(Character::isISOControl)) {
			return Optional.empty();
		}
		try {
			BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
					LinkOption.NOFOLLOW_LINKS);
			if (!attributes.isRegularFile()) {
				return Optional.empty();
			}
			if (attributes.size() > MAX_FILE_SIZE) {
				logger.warn("Data collector skips {}: {} bytes is more than an upload may carry", path,
						attributes.size());
				return Optional.empty();
			}
			byte[] content = Files.readAllBytes(path);
			JsonNode document = JSON.readTree(content);
			if (document == null || document.isMissingNode()) {
				logger.debug("Data collector skips {} for now: empty", path);
				return Optional.empty();
			}
			return Optional.of(new CollectedFile(source, path, relative, content, attributes.lastModifiedTime()));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			logger.warn("Data collector cannot read {}: {}", path, ex.toString());
			return Optional.empty();
		}
		catch (JacksonException ex) {
			logger.debug("Data collector skips {} for now: not a complete JSON document", path);
			return Optional.empty();
		}
	}

	static String relativeName(Path relative) {
		List<String> parts = new ArrayList<>();
		relative.forEach((part) -> parts.add(part.toString()));
		return String.join("/", parts);
	}

}
