package dev.lightspeed.stack.web;

import org.apache.coyote.http11.Http11NioProtocol;

/**
 * Tomcat's NIO HTTP/1.1 connector with a smaller servlet response buffer. Tomcat gives
 * every response an 8 KB byte buffer and a 16 KB char buffer, held for as long as the
 * response is open; an answer stream is open for as long as the turn takes, ten thousand
 * at a time. SSE events are flushed one by one and are far smaller, so 2 KB is enough; a
 * larger JSON body is written in more chunks.
 */
public class StreamSizedHttp11NioProtocol extends Http11NioProtocol {

	static final int RESPONSE_BUFFER_SIZE = 2048;

	@Override
	public int getDesiredBufferSize() {
		return RESPONSE_BUFFER_SIZE;
	}

}
