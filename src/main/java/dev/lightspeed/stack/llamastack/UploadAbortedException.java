package dev.lightspeed.stack.llamastack;

import java.io.IOException;

/**
 * Reading the file being uploaded failed (the client went away, or the file grew past a
 * limit), so the upload to Llama Stack was abandoned; the cause is the exception the
 * file's stream threw. Not a Llama Stack failure.
 */
public class UploadAbortedException extends RuntimeException {

	UploadAbortedException(IOException cause) {
		super("Reading the uploaded file failed: " + cause.getMessage(), cause);
	}

	@Override
	public synchronized IOException getCause() {
		return (IOException) super.getCause();
	}

}
