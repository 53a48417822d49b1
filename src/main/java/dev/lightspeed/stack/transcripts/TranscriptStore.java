package dev.lightspeed.stack.transcripts;

/**
 * Writes transcripts when {@code user_data_collection.transcripts_enabled} is set.
 */
public interface TranscriptStore {

	/**
	 * Writes a transcript file atomically, or does nothing when transcripts are disabled.
	 * @param transcript the turn
	 */
	void store(Transcript transcript);

}
