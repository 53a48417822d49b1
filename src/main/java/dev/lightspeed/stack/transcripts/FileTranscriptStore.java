package dev.lightspeed.stack.transcripts;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import dev.lightspeed.stack.config.UserDataCollectionConfig;
import dev.lightspeed.stack.json.PythonJson;
import dev.lightspeed.stack.storage.AtomicFiles;
import dev.lightspeed.stack.storage.Identifiers;
import dev.lightspeed.stack.storage.PythonDateTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Writes {@code <transcripts_storage>/<user_id>/<conversation_id>/<uuid4>.json} the way
 * LCS 0.2.0 does, but atomically. The ids become directories as in LCS: a Backstage user
 * {@code user:default/guest} is {@code user:default/guest/}, two levels. An id that LCS
 * would rewrite into another one's directory ({@code ../bob}) or fail on (NUL, a segment
 * longer than a file name) is refused and nothing is written
 * ({@link Identifiers#relativePath}). A failure to write is logged and does not fail the
 * turn that produced it.
 */
@Component
class FileTranscriptStore implements TranscriptStore {

	private static final Logger logger = LoggerFactory.getLogger(FileTranscriptStore.class);

	private final UserDataCollectionConfig config;

	private final Clock clock;

	private final Supplier<UUID> uuids;

	@Autowired
	FileTranscriptStore(UserDataCollectionConfig config) {
		this(config, Clock.systemUTC(), UUID::randomUUID);
	}

	FileTranscriptStore(UserDataCollectionConfig config, Clock clock, Supplier<UUID> uuids) {
		this.config = config;
		this.clock = clock;
		this.uuids = uuids;
	}

	@Override
	public void store(Transcript transcript) {
		String root = this.config.transcriptsStorage();
		if (!this.config.transcriptsEnabled() || root == null) {
			return;
		}
		Optional<String> user = Identifiers.relativePath(transcript.userId());
		Optional<String> conversation = Identifiers.relativePath(transcript.conversationId());
		if (user.isEmpty() || conversation.isEmpty()) {
			logger.warn(
					"Transcript not stored: user id '{}' or conversation id '{}' cannot name a directory "
							+ "below transcripts_storage ('..', control characters, nothing but '/' and '.', or a part "
							+ "over 255 bytes)",
					Identifiers.printable(transcript.userId()), Identifiers.printable(transcript.conversationId()));
			return;
		}
		Path file;
		try {
			file = Path.of(root).resolve(user.get()).resolve(conversation.get()).resolve(this.uuids.get() + ".json");
		}
		catch (InvalidPathException ex) {
			// non-ASCII under a locale that is not UTF-8, or half a surrogate pair
			logger.error(
					"Transcript not stored: user id '{}' cannot be a file name with this JVM's file name "
							+ "encoding (run with a UTF-8 locale, e.g. LANG=C.UTF-8): {}",
					Identifiers.printable(transcript.userId()), ex.getMessage());
			return;
		}
		String timestamp = PythonDateTimes.isoformat(OffsetDateTime.now(this.clock));
		try {
			AtomicFiles.writeString(file, PythonJson.write(TranscriptFile.of(transcript, timestamp)));
			logger.debug("Transcript stored in {}", file);
		}
		catch (IOException | RuntimeException ex) {
			logger.error("Transcript could not be stored in {}: {}", file, ex.getMessage(), ex);
		}
	}

}
