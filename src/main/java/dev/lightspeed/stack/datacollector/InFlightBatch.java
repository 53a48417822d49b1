package dev.lightspeed.stack.datacollector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lightspeed.stack.storage.AtomicFiles;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The record of the batch being uploaded, written (atomically) before the upload and
 * removed once its files are deleted or remembered as sent: after a timeout or a crash,
 * this batch, and only it, is sent again, first, with the same content and id. It also
 * notes the ingress server's {@code 202}, so that a crash between the {@code 202} and the
 * clean-up finishes the clean-up instead of sending again.
 * <p>
 * The file ({@code .data-collector-batch}, JSON) lives in the first storage root, hidden
 * and not {@code *.json}: neither this collector nor the dataverse exporter uploads it.
 */
final class InFlightBatch {

	static final String FILE_NAME = ".data-collector-batch";

	private static final Logger logger = LoggerFactory.getLogger(InFlightBatch.class);

	private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path file;

	InFlightBatch(Path directory) {
		this.file = directory.resolve(FILE_NAME);
	}

	/**
	 * The batch an earlier cycle left in flight. A record that cannot be understood is
	 * removed (its files then go in new batches).
	 * @return the record, if any
	 * @throws IOException when the record exists but cannot be read
	 */
	Optional<Entry> read() throws IOException {
		byte[] content;
		try {
			content = Files.readAllBytes(this.file);
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		try {
			Entry entry = JSON.readValue(content, Entry.class);
			if (entry.batchId() != null && ID.matcher(entry.batchId()).matches() && entry.members() != null
					&& !entry.members().isEmpty()) {
				return Optional.of(entry);
			}
		}
		catch (JacksonException ex) {
			// reported below
		}
		logger.warn("Data collector ignores its unreadable batch record {}; the files it named go in new batches",
				this.file);
		clear();
		return Optional.empty();
	}

	/** Records a batch about to be sent. */
	void sending(Batch batch) throws IOException {
		write(new Entry(batch.id(), batch.members(), false, null));
	}

	/** Records that the ingress server accepted the batch. */
	void accepted(Batch batch, @Nullable String requestId) throws IOException {
		write(new Entry(batch.id(), batch.members(), true, requestId));
	}

	void clear() throws IOException {
		Files.deleteIfExists(this.file);
	}

	Path file() {
		return this.file;
	}

	private void write(Entry entry) throws IOException {
		AtomicFiles.writeString(this.file, JSON.writeValueAsString(entry));
	}

	/**
	 * The record's content.
	 *
	 * @param batchId the batch id
	 * @param members the archive member names, in order
	 * @param accepted whether the ingress server answered {@code 202}
	 * @param requestId the ingress server's {@code request_id}, when accepted
	 */
	record Entry(@JsonProperty("batch_id") String batchId, List<String> members, boolean accepted,
			@JsonProperty("request_id") @Nullable String requestId) {
	}

}
