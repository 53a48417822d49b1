/**
 * The {@code lightspeed-stack.yaml} contract: immutable records, environment substitution
 * and validation.
 * <p>
 * {@link ConfigReader} reads the parsed YAML tree into the records by their canonical
 * constructors, instead of Jackson binding and Bean Validation, as house style would have
 * it: both built metadata for every configuration record at each start and used it once
 * (0.27–0.31 s of the main thread, {@code docs/performance.md}). A new key is one
 * component: its name ({@code @JsonProperty}, {@code @JsonAlias}) and Java type say how
 * it is read, {@code @Schema} (required, minimum, maximum, allowable values),
 * {@link HttpUrl} and {@link ExistingFile} its rules; rules across keys are the record's
 * {@link CrossChecked#crossCheck}.
 */
@NullMarked
package dev.lightspeed.stack.config;

import org.jspecify.annotations.NullMarked;
