/**
 * The built-in data collector ({@code user_data_collection.data_collector}): uploads the
 * feedback and transcript files to an ingress server in the dataverse exporter's wire
 * format, periodically and once more at shutdown.
 */
@NullMarked
package dev.lightspeed.stack.datacollector;

import org.jspecify.annotations.NullMarked;
