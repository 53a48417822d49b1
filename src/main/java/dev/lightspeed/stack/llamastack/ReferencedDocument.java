package dev.lightspeed.stack.llamastack;

import org.jspecify.annotations.Nullable;

/**
 * A document the knowledge search found for an answer.
 *
 * @param url where the document lives, null when its metadata has none
 * @param title its title, null when its metadata has none
 */
public record ReferencedDocument(@Nullable String url, @Nullable String title) {
}
