/**
 * The built-in data collector ({@code user_data_collection.data_collector}): uploads the
 * feedback and transcript files to an ingress server in the dataverse exporter's wire
 * format, periodically and once more at shutdown, in bounded batches that are recorded
 * before they are sent, so that after a timeout or a crash only the batch in flight goes
 * again, unchanged and under the same id (docs/user-data.md, "Delivery promise").
 */
@NullMarked
package dev.lightspeed.stack.datacollector;

import org.jspecify.annotations.NullMarked;
