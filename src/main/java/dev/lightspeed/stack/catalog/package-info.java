/**
 * Llama Stack's catalogue as LCS 0.3-0.6 shows it: providers, tools, prompts.
 */
@NullMarked
package dev.lightspeed.stack.catalog;

import org.jspecify.annotations.NullMarked;
