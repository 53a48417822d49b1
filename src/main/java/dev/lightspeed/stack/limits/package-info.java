/**
 * The limits on what a request may carry ({@code lightspeed.limits.*}), read by the web
 * filter that counts bodies, the JSON reader of request bodies and the query checks.
 */
@NullMarked
package dev.lightspeed.stack.limits;

import org.jspecify.annotations.NullMarked;
