package dev.lightspeed.stack.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LeftoverTemporaryFilesTests {

	private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

	@TempDir
	Path directory;

	@Test
	void temporaryFilesOfInterruptedWritesAreRemovedAndEverythingElseIsKept() throws IOException {
		Path feedback = this.directory.resolve("feedback");
		Path transcripts = this.directory.resolve("transcripts");
		Path oldFeedback = file(feedback.resolve(".a.json.0b5a.tmp"), NOW.minusSeconds(3600));
		Path oldTranscript = file(transcripts.resolve("user:default/guest/c1/.t.json.77.tmp"), NOW.minusSeconds(61));
		Path fresh = file(transcripts.resolve("u/c2/.t.json.88.tmp"), NOW.minusSeconds(10));
		Path record = file(feedback.resolve("a.json"), NOW.minusSeconds(3600));
		Path notOurs = file(transcripts.resolve("u/c2/notes.tmp"), NOW.minusSeconds(3600));

		int removed = new LeftoverTemporaryFiles(List.of(feedback, transcripts, this.directory.resolve("absent")),
				Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(1))
			.sweep();

		assertThat(removed).isEqualTo(2);
		assertThat(oldFeedback).doesNotExist();
		assertThat(oldTranscript).doesNotExist();
		assertThat(fresh).exists();
		assertThat(record).exists();
		assertThat(notOurs).exists();
	}

	private static Path file(Path path, Instant modified) throws IOException {
		Files.createDirectories(path.getParent());
		Files.writeString(path, "{\"half\": ");
		Files.setLastModifiedTime(path, FileTime.from(modified));
		return path;
	}

}
