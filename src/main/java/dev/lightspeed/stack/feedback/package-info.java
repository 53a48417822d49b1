/**
 * User feedback: {@code POST /v1/feedback} writes one JSON file per submission where the
 * feedback harvester expects it and, when {@code lightspeed.feedback.store-in-database}
 * is true (default false), a {@code user_feedback} row as well.
 */
@NullMarked
package dev.lightspeed.stack.feedback;

import org.jspecify.annotations.NullMarked;
