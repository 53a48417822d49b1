/**
 * Library mode ({@code llama_stack.use_as_library_client: true}): LCS runs Llama Stack
 * inside its own Python process; this service, a JVM, starts a Llama Stack or OGX server
 * from the same run configuration on a loopback port instead, and supervises it: its
 * output goes to the log, it is started again when it dies and stopped with the service,
 * also when the service is killed. The Llama Stack client then talks to it as to any
 * server.
 */
@NullMarked
package dev.lightspeed.stack.llamastack.library;

import org.jspecify.annotations.NullMarked;
