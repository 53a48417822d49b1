package dev.lightspeed.stack.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 exchange over a fresh socket, bytes as given: for requests that no client
 * library sends (CR/LF or NUL in a header, a malformed escape, a body that contradicts
 * its headers). The request should ask for {@code Connection: close}.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Sends a request and reads the answer until the server closes the connection.
	 * @param port the server's loopback port
	 * @param request the request's bytes
	 * @return the answer
	 */
	public static Response exchange(int port, byte[] request) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(60_000);
			try {
				socket.getOutputStream().write(request);
				socket.getOutputStream().flush();
			}
			catch (SocketException ex) {
				// the server answered and closed before reading it all (a 413 does)
			}
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			InputStream in = socket.getInputStream();
			try {
				in.transferTo(answer);
			}
			catch (SocketException ex) {
				// reset after the answer: what was read is the answer
			}
			return Response.parse(answer.toString(StandardCharsets.UTF_8));
		}
	}

	/**
	 * A parsed answer.
	 *
	 * @param status the status code, 0 when none came
	 * @param headers the header lines, lower case
	 * @param body the body as text
	 */
	public record Response(int status, String headers, String body) {

		static Response parse(String text) {
			int end = text.indexOf("\r\n\r\n");
			if (!text.startsWith("HTTP/1.1 ") || end < 0) {
				return new Response(0, "", text);
			}
			return new Response(Integer.parseInt(text.substring(9, 12)),
					text.substring(0, end).toLowerCase(Locale.ROOT), text.substring(end + 4));
		}

		public boolean json() {
			return this.headers.contains("content-type: application/json");
		}

	}

}
