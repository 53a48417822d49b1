package dev.lightspeed.stack.errors;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import org.springframework.http.HttpStatusCode;

/**
 * Jetty's own error responses, for requests it refuses before they reach Spring (a
 * malformed request line, an ambiguous or undecodable path such as {@code %2F} or
 * {@code %00} in an id) in the {@code {"detail": ...}} shape of every other error,
 * instead of Jetty's HTML page, whatever the method (Jetty writes a body only for GET,
 * POST and HEAD).
 */
public final class JettyErrorHandler extends ErrorHandler {

	private static final HttpField JSON_CONTENT_TYPE = new HttpField(HttpHeader.CONTENT_TYPE,
			MimeTypes.Type.APPLICATION_JSON.asString());

	@Override
	protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
			Callback callback) {
		response.getHeaders().put(JSON_CONTENT_TYPE);
		response.write(true, body(code), callback);
	}

	@Override
	public boolean errorPageForMethod(String method) {
		return true;
	}

	@Override
	public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
		fields.put(JSON_CONTENT_TYPE);
		return body(status);
	}

	private static ByteBuffer body(int status) {
		// a reason phrase or a number: nothing in it needs escaping
		String detail = ApiExceptionHandler.reasonPhrase(HttpStatusCode.valueOf(status));
		return ByteBuffer.wrap(("{\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8));
	}

}
