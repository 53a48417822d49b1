package dev.lightspeed.stack.topicsummary;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Service knobs of topic summaries (in {@code application.properties} or as environment
 * variables, e.g. {@code LIGHTSPEED_TOPIC_SUMMARY_ENABLED=false}).
 *
 * @param enabled generate a topic summary after the first turn of a new conversation
 */
@ConfigurationProperties("lightspeed.topic-summary")
record TopicSummaryProperties(@DefaultValue("true") boolean enabled) {
}
