/**
 * The {@code lightspeed-stack.yaml} contract: immutable records, environment substitution
 * and validation.
 * <p>
 * Each record reads itself from the parsed YAML tree ({@code read(Section)}) instead of
 * being bound by Jackson and checked by Bean Validation, as house style would have it:
 * both built metadata for every configuration record at each start and used it once
 * (0.27–0.31 s of the main thread, {@code docs/performance.md}). A new key needs a line
 * in its record's {@code read} factory, and {@code @Schema} on the component when the
 * OpenAPI document should show it as required or bounded.
 */
@NullMarked
package dev.lightspeed.stack.config;

import org.jspecify.annotations.NullMarked;
