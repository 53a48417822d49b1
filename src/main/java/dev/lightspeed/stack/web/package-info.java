/**
 * HTTP plumbing around the endpoints: CORS, the access log, log format and start-up notes
 * on the {@code service} settings.
 */
@NullMarked
package dev.lightspeed.stack.web;

import org.jspecify.annotations.NullMarked;
