/**
 * One error path: every failure becomes LCS 0.2.0's {@code {"detail": ...}} body.
 */
@NullMarked
package dev.lightspeed.stack.errors;

import org.jspecify.annotations.NullMarked;
