package dev.lightspeed.stack.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The {@code user_data_collection} section: where feedback and transcripts are written.
 *
 * @param feedbackEnabled whether {@code POST /v1/feedback} accepts feedback
 * @param feedbackStorage directory of feedback files
 * @param transcriptsEnabled whether a transcript is written per turn
 * @param transcriptsStorage root directory of transcript files
 * @param dataCollector the built-in uploader of those files
 */
public record UserDataCollectionConfig(@JsonProperty("feedback_enabled") Boolean feedbackEnabled,
		@JsonProperty("feedback_storage") @Nullable String feedbackStorage,
		@JsonProperty("transcripts_enabled") Boolean transcriptsEnabled,
		@JsonProperty("transcripts_storage") @Nullable String transcriptsStorage,
		@JsonProperty("data_collector") DataCollectorConfig dataCollector) implements CrossChecked {

	public UserDataCollectionConfig {
		feedbackEnabled = (feedbackEnabled != null) ? feedbackEnabled : false;
		transcriptsEnabled = (transcriptsEnabled != null) ? transcriptsEnabled : false;
		dataCollector = (dataCollector != null) ? dataCollector
				: new DataCollectorConfig(null, null, null, null, null, null, null);
	}

	@Override
	public void crossCheck(SectionCheck section) {
		section.check(!this.feedbackEnabled || this.feedbackStorage != null, "feedback_storage",
				"feedback_storage is required when feedback is enabled");
		section.check(!this.transcriptsEnabled || this.transcriptsStorage != null, "transcripts_storage",
				"transcripts_storage is required when transcripts is enabled");
	}

}
