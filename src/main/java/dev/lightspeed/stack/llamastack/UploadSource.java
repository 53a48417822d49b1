package dev.lightspeed.stack.llamastack;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.jspecify.annotations.Nullable;

/**
 * The stream of a file being uploaded, remembering why reading it failed: the request
 * fails with an I/O error either way, and only this tells the caller's failure from Llama
 * Stack's.
 */
final class UploadSource extends FilterInputStream {

	private volatile @Nullable IOException failure;

	private final Runnable abandon;

	UploadSource(InputStream in, Runnable abandon) {
		super(in);
		this.abandon = abandon;
	}

	@Override
	public int read() throws IOException {
		try {
			return super.read();
		}
		catch (IOException ex) {
			failed(ex);
			throw ex;
		}
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		try {
			return super.read(buffer, offset, length);
		}
		catch (IOException ex) {
			failed(ex);
			throw ex;
		}
	}

	// The request must break off: the client library would otherwise close the chunked
	// body with its last chunk, and Llama Stack would keep the truncated file as whole.
	private void failed(IOException ex) {
		this.failure = ex;
		this.abandon.run();
	}

	@Nullable IOException failure() {
		return this.failure;
	}

}
