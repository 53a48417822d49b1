/**
 * The client of Llama Stack: one
 * {@link dev.lightspeed.stack.llamastack.LlamaStackBackend} interface, a backend per API
 * generation (Agents API for 0.2.17-0.2.x, Responses API from 0.3.0), chosen at start-up
 * from {@code GET /v1/version} and handed out by
 * {@link dev.lightspeed.stack.llamastack.LlamaStackStatus#backend()}.
 */
@NullMarked
package dev.lightspeed.stack.llamastack;

import org.jspecify.annotations.NullMarked;
