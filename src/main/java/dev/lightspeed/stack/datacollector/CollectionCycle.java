package dev.lightspeed.stack.datacollector;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One collection: scan, split into batches, and upload them one by one; a batch is
 * recorded ({@link InFlightBatch}) before it is sent and its files are deleted or
 * remembered ({@link Settlement}) only after the ingress server accepted it. The first
 * failure ends the cycle: its batch stays recorded and is sent again, unchanged, first at
 * the next cycle, and the files not sent yet stay as they are. Files written meanwhile
 * wait for the next cycle.
 */
final class CollectionCycle {

	/** With less time than this before shutdown, no upload is started. */
	static final Duration MIN_UPLOAD_TIME = Duration.ofSeconds(1);

	private static final Logger logger = LoggerFactory.getLogger(CollectionCycle.class);

	private final List<Source> sources;

	private final Settlement settlement;

	private final IngressClient ingress;

	private final Duration timeout;

	private final @Nullable InFlightBatch inFlight;

	CollectionCycle(List<Source> sources, boolean cleanupAfterSend, IngressClient ingress, Duration timeout) {
		this.sources = List.copyOf(sources);
		this.settlement = new Settlement(cleanupAfterSend);
		this.ingress = ingress;
		this.timeout = timeout;
		this.inFlight = this.sources.isEmpty() ? null : new InFlightBatch(this.sources.get(0).root());
	}

	/**
	 * Runs the cycle.
	 * @param stopBy when the service must be done (shutdown); no upload runs past it
	 * @return what was sent
	 * @throws InterruptedException when stopped during an upload (its batch stays
	 * recorded)
	 */
	Outcome run(Supplier<Instant> stopBy) throws InterruptedException {
		InFlightBatch record = this.inFlight;
		if (record == null) {
			return new Outcome(0, 0, 0);
		}
		Map<String, CollectedFile> files = collect();
		Optional<Batch> unconfirmed;
		try {
			unconfirmed = resume(record, files);
		}
		catch (IOException ex) {
			logger.error("Data collector cannot read or update its batch record {}, so it sends nothing: {}",
					record.file(), ex.toString());
			return new Outcome(0, 0, files.size());
		}
		List<Supplier<Batch>> queue = new ArrayList<>();
		unconfirmed.ifPresent((batch) -> queue.add(() -> batch));
		Batch.split(List.copyOf(files.values())).forEach((group) -> queue.add(() -> Batch.of(group)));
		int total = files.size() + unconfirmed.map((batch) -> batch.files().size()).orElse(0);
		int sent = 0;
		int batches = 0;
		for (Supplier<Batch> next : queue) {
			Batch batch = next.get();
			if (!send(record, batch, stopBy.get())) {
				break;
			}
			sent += batch.files().size();
			batches++;
		}
		if (total > 0) {
			logger.info("Data collector cycle: {} files sent in {} batches, {} left for the next cycle", sent, batches,
					total - sent);
		}
		else {
			logger.debug("Data collector: nothing to upload");
		}
		return new Outcome(sent, batches, total - sent);
	}

	private Map<String, CollectedFile> collect() {
		// keyed by path: two storage roots may overlap
		Map<Path, CollectedFile> byPath = new LinkedHashMap<>();
		for (Source source : this.sources) {
			Set<String> skip;
			try {
				skip = this.settlement.alreadySent(source);
			}
			catch (IOException ex) {
				// without the ledger, files could be sent twice: skip this root
				logger.error("Data collector cannot read its record of sent files in {}: {}", source.root(),
						ex.toString());
				continue;
			}
			for (CollectedFile file : FileScanner.scan(source, skip)) {
				byPath.putIfAbsent(file.path().toAbsolutePath().normalize(), file);
			}
		}
		Map<String, CollectedFile> files = new LinkedHashMap<>();
		byPath.values().forEach((file) -> files.putIfAbsent(file.memberName(), file));
		return files;
	}

	/**
	 * Takes up the batch an earlier cycle or process left recorded: finishes its clean-up
	 * when it was accepted, or returns it to be sent again when it can be rebuilt
	 * unchanged. Its files are taken out of {@code files} either way.
	 */
	private Optional<Batch> resume(InFlightBatch record, Map<String, CollectedFile> files) throws IOException {
		Optional<InFlightBatch.Entry> read = record.read();
		if (read.isEmpty()) {
			return Optional.empty();
		}
		InFlightBatch.Entry entry = read.get();
		List<CollectedFile> found = entry.members().stream().map(files::get).filter(Objects::nonNull).toList();
		if (entry.accepted()) {
			logger.info("Data collector finishes the clean-up of batch {}, accepted before the service stopped; "
					+ "it is not sent again", entry.batchId());
			found.forEach((file) -> files.remove(file.memberName()));
			this.settlement.settle(found);
			record.clear();
			return Optional.empty();
		}
		Batch batch = found.isEmpty() ? null : Batch.of(found);
		if (batch != null && found.size() == entry.members().size() && batch.id().equals(entry.batchId())) {
			logger.info("Data collector sends batch {} ({} files) again, first: its last upload was not confirmed",
					batch.id(), found.size());
			found.forEach((file) -> files.remove(file.memberName()));
			return Optional.of(batch);
		}
		logger.warn(
				"Data collector cannot send batch {} again unchanged: its files changed or are gone ({} of {} "
						+ "still there); those still there go in new batches",
				entry.batchId(), found.size(), entry.members().size());
		record.clear();
		return Optional.empty();
	}

	private boolean send(InFlightBatch record, Batch batch, Instant stopBy) throws InterruptedException {
		Duration remaining = Duration.between(Instant.now(), stopBy);
		if (remaining.compareTo(MIN_UPLOAD_TIME) < 0) {
			return false;
		}
		Duration deadline = (remaining.compareTo(this.timeout) < 0) ? remaining : this.timeout;
		String what = "batch " + batch.id() + " (" + batch.files().size() + " files) to " + this.ingress.target();
		try {
			record.sending(batch);
		}
		catch (IOException ex) {
			logger.error("Data collector does not send {}: it cannot record it first, and an unrecorded batch "
					+ "could be sent again with others after a failure: {}", what, ex.toString());
			return false;
		}
		IngressClient.Answer answer;
		try {
			answer = this.ingress.upload(batch, deadline);
		}
		catch (UploadFailure ex) {
			logger.warn("Data collector upload of {} failed: {}; the batch is sent again, unchanged, at the next cycle",
					what, ex.getMessage());
			return false;
		}
		if (!answer.accepted()) {
			logger.warn("Data collector upload of {} refused with status {}: {}; the batch is sent again, unchanged, "
					+ "at the next cycle", what, answer.status(), answer.excerpt());
			return false;
		}
		String requestId = answer.requestId();
		if (answer.body() == null) {
			logger.warn(
					"Data collector upload of {}: the server answered 202 but its body did not come within {}; "
							+ "the batch counts as delivered (request_id unknown)",
					what, UploadFailure.duration(deadline));
		}
		else {
			logger.info("Data collector uploaded {}: request_id {}", what,
					Objects.requireNonNullElse(requestId, "none"));
		}
		settle(record, batch, requestId);
		return true;
	}

	private void settle(InFlightBatch record, Batch batch, @Nullable String requestId) {
		try {
			record.accepted(batch, requestId);
		}
		catch (IOException ex) {
			logger.warn("Data collector cannot note that batch {} was accepted; should the service stop before the "
					+ "clean-up, the batch is sent again: {}", batch.id(), ex.toString());
		}
		this.settlement.settle(batch.files());
		try {
			record.clear();
		}
		catch (IOException ex) {
			logger.warn("Data collector cannot remove its batch record {}: {}", record.file(), ex.toString());
		}
	}

	/**
	 * What a cycle did.
	 *
	 * @param files files uploaded
	 * @param batches batches uploaded
	 * @param left files found but not uploaded (a failed upload, or no time left before
	 * shutdown); they stay for the next cycle
	 */
	record Outcome(int files, int batches, int left) {

		boolean complete() {
			return this.left == 0;
		}

	}

}
