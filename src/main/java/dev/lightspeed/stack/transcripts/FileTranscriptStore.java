package dev.lightspeed.stack.transcripts;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Supplier;

import dev.lightspeed.stack.config.LightspeedConfiguration;
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
 * LCS 0.2.0 does, but atomically. Where LCS normalises a user or conversation id that
 * would climb out of the storage root ({@code ../../etc} becomes {@code etc}), this store
 * refuses it and writes nothing: a normalised id would file one user's transcript under
 * another's name. Ids without {@code /}, {@code \}, control characters and other than
 * {@code .} and {@code ..} (every UUID and user name) give the same path as LCS. A
 * failure to write is logged and does not fail the turn that produced it.
 */
@Component
class FileTranscriptStore implements TranscriptStore {

	private static final Logger logger = LoggerFactory.getLogger(FileTranscriptStore.class);

	private final UserDataCollectionConfig config;

	private final Clock clock;

	private final Supplier<UUID> uuids;

	@Autowired
	FileTranscriptStore(LightspeedConfiguration configuration) {
		this(configuration.userDataCollection(), Clock.systemUTC(), UUID::randomUUID);
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
		if (!Identifiers.isSafePathSegment(transcript.userId())
				|| !Identifiers.isSafePathSegment(transcript.conversationId())) {
			logger.warn("Transcript not stored: unsafe user id '{}' or conversation id '{}'",
					Identifiers.printable(transcript.userId()), Identifiers.printable(transcript.conversationId()));
			return;
		}
		Path directory = Path.of(root).resolve(transcript.userId()).resolve(transcript.conversationId());
		Path file = directory.resolve(this.uuids.get() + ".json");
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
