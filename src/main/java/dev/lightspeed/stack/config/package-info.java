/**
 * The {@code lightspeed-stack.yaml} contract: immutable records, environment substitution
 * and validation.
 */
@NullMarked
package dev.lightspeed.stack.config;

import org.jspecify.annotations.NullMarked;
