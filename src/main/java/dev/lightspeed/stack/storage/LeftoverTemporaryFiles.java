package dev.lightspeed.stack.storage;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.lightspeed.stack.config.UserDataCollectionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Removes the temporary files of {@link AtomicFiles} that a crash (kill -9, power loss)
 * left in the feedback and transcript directories: their write was never acknowledged, so
 * nothing is lost, and no exporter reads them. Only files older than a minute go: another
 * replica sharing the volume may be writing the younger ones. Runs once, in the
 * background, when the service has started.
 */
@Component
class LeftoverTemporaryFiles {

	private static final Logger logger = LoggerFactory.getLogger(LeftoverTemporaryFiles.class);

	private final List<Path> roots = new ArrayList<>();

	private final Clock clock;

	private final Duration minAge;

	@Autowired
	LeftoverTemporaryFiles(UserDataCollectionConfig userDataCollection,
			@Value("${lightspeed.storage.leftover-age:1m}") Duration minAge) {
		this(roots(userDataCollection), Clock.systemUTC(), minAge);
	}

	LeftoverTemporaryFiles(List<Path> roots, Clock clock, Duration minAge) {
		this.roots.addAll(roots);
		this.clock = clock;
		this.minAge = minAge;
	}

	private static List<Path> roots(UserDataCollectionConfig config) {
		List<Path> roots = new ArrayList<>();
		if (config.feedbackStorage() != null) {
			roots.add(Path.of(config.feedbackStorage()));
		}
		if (config.transcriptsStorage() != null) {
			roots.add(Path.of(config.transcriptsStorage()));
		}
		return roots;
	}

	@EventListener(ApplicationStartedEvent.class)
	void sweepInBackground() {
		Thread.ofVirtual().name("leftover-temporary-files").start(() -> {
			sweep();
			try {
				Thread.sleep(this.minAge);
				sweep();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
	}

	/**
	 * Removes the leftovers now.
	 * @return how many files were removed
	 */
	int sweep() {
		Instant before = this.clock.instant().minus(this.minAge);
		AtomicInteger removed = new AtomicInteger();
		for (Path root : this.roots) {
			if (!Files.isDirectory(root)) {
				continue;
			}
			try {
				Files.walkFileTree(root, new SimpleFileVisitor<>() {
					@Override
					public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
						if (AtomicFiles.isTemporary(file.getFileName().toString()) && attributes.isRegularFile()
								&& attributes.lastModifiedTime().toInstant().isBefore(before)
								&& Files.deleteIfExists(file)) {
							removed.incrementAndGet();
						}
						return FileVisitResult.CONTINUE;
					}

					@Override
					public FileVisitResult visitFileFailed(Path file, IOException ex) {
						return FileVisitResult.CONTINUE;
					}
				});
			}
			catch (IOException ex) {
				logger.warn("Could not look for leftover temporary files under {}: {}", root, ex.toString());
			}
		}
		if (removed.get() > 0) {
			logger.info("Removed {} temporary files that an interrupted write left behind", removed.get());
		}
		return removed.get();
	}

}
