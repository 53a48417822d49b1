/**
 * One transcript file per turn, where the dataverse exporter expects it.
 */
@NullMarked
package dev.lightspeed.stack.transcripts;

import org.jspecify.annotations.NullMarked;
