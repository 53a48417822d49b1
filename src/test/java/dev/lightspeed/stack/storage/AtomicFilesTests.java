package dev.lightspeed.stack.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class AtomicFilesTests {

	@TempDir
	Path root;

	@Test
	void writesTheContentAndLeavesNoTemporaryFile() throws IOException {
		Path target = this.root.resolve("a/b/file.json");
		AtomicFiles.writeString(target, "{\"k\": \"caf\\u00e9\"}");
		assertThat(target).hasContent("{\"k\": \"caf\\u00e9\"}");
		assertThat(names(target.getParent())).containsExactly("file.json");
	}

	@Test
	void recreatesADirectoryAnExporterDeleted() throws IOException {
		Path directory = this.root.resolve("user/conversation");
		AtomicFiles.writeString(directory.resolve("1.json"), "one");
		Files.delete(directory.resolve("1.json"));
		Files.delete(directory);
		Files.delete(directory.getParent());
		AtomicFiles.writeString(directory.resolve("2.json"), "two");
		assertThat(directory.resolve("2.json")).hasContent("two");
	}

	@Test
	void failureLeavesNeitherAJsonFileNorATemporaryFile() throws IOException {
		Path target = this.root.resolve("taken.json");
		Files.createDirectory(target);
		Files.writeString(target.resolve("keep"), "x");
		assertThatIOException().isThrownBy(() -> AtomicFiles.writeString(target, "content"));
		assertThat(names(this.root)).containsExactly("taken.json");
		assertThat(target).isDirectory();
	}

	@Test
	void failureWhenTheParentIsAFileLeavesNothing() throws IOException {
		Path file = this.root.resolve("plain");
		Files.writeString(file, "x");
		assertThatIOException().isThrownBy(() -> AtomicFiles.writeString(file.resolve("f.json"), "content"));
		assertThat(names(this.root)).containsExactly("plain");
	}

	@Test
	void temporaryFilesDoNotLookLikeJsonFiles() {
		assertThat(AtomicFiles.isTemporary(".f.json.0b7a.tmp")).isTrue();
		assertThat(AtomicFiles.isTemporary("f.json")).isFalse();
	}

	@Test
	void aReaderPollingTheDirectoryNeverSeesAPartialJsonFile() throws Exception {
		String content = "{\"data\": \"" + "x".repeat(512 * 1024) + "\"}";
		AtomicBoolean done = new AtomicBoolean();
		List<String> problems = new CopyOnWriteArrayList<>();
		Thread reader = Thread.ofPlatform().start(() -> {
			while (!done.get()) {
				try (Stream<Path> files = Files.list(this.root)) {
					for (Path file : files.toList()) {
						String name = file.getFileName().toString();
						if (name.endsWith(".json")) {
							checkComplete(file, content, problems);
						}
					}
				}
				catch (IOException ex) {
					problems.add(ex.toString());
				}
			}
		});
		for (int i = 0; i < 40; i++) {
			AtomicFiles.writeString(this.root.resolve(i + ".json"), content);
		}
		done.set(true);
		reader.join();
		assertThat(problems).isEmpty();
		assertThat(names(this.root)).hasSize(40).allMatch((name) -> name.endsWith(".json"));
	}

	private static void checkComplete(Path file, String expected, List<String> problems) {
		try {
			String read = Files.readString(file, StandardCharsets.UTF_8);
			if (!read.equals(expected)) {
				problems.add("partial " + file + ": " + read.length() + " characters");
			}
		}
		catch (NoSuchFileException ex) {
			// never happens for a renamed file, but a listing race is not our concern
		}
		catch (IOException ex) {
			problems.add(ex.toString());
		}
	}

	private static List<String> names(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((p) -> p.getFileName().toString()).sorted().toList();
		}
	}

}
