package dev.lightspeed.stack.llamastack;

import java.io.InputStream;

/**
 * A file to upload, read from its stream as it is sent: never held whole.
 *
 * @param filename the name Llama Stack keeps
 * @param contentType the part's media type
 * @param content the bytes, read once
 */
public record FileUpload(String filename, String contentType, InputStream content) {
}
