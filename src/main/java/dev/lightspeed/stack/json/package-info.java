/**
 * JSON written the way Python's {@code json.dumps} writes it, for SSE payloads and files
 * on disk that LCS clients and exporters read.
 */
@NullMarked
package dev.lightspeed.stack.json;

import org.jspecify.annotations.NullMarked;
