package dev.lightspeed.stack.llamastack;

import java.io.IOException;
import java.io.InputStream;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;

/**
 * An open event-stream body.
 */
final class EventStream implements AutoCloseable {

	private final HttpUriRequestBase request;

	private final ClassicHttpResponse response;

	private final InputStream body;

	private volatile boolean closed;

	EventStream(HttpUriRequestBase request, ClassicHttpResponse response, InputStream body) {
		this.request = request;
		this.response = response;
		this.body = body;
	}

	InputStream body() {
		return this.body;
	}

	/**
	 * Ends the exchange now. Reading the rest of the body to keep the connection would
	 * wait for the whole answer, so the connection is dropped instead; a stream read to
	 * its end is closed by its reader before this and keeps its connection.
	 */
	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.request.cancel();
		try {
			this.response.close();
		}
		catch (IOException ex) {
			// the connection is gone either way
		}
	}

	/**
	 * Ends an exchange whose body was read to its end, keeping the connection.
	 */
	void finished() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		try {
			this.body.close();
			this.response.close();
		}
		catch (IOException ex) {
			// the connection is gone either way
		}
	}

}
