package dev.lightspeed.stack.datacollector;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.SSLException;

import org.jspecify.annotations.Nullable;

/**
 * An upload that got no answer, with its cause in words for the log line: the JDK
 * client's exceptions often carry no message (a refused connection is a bare
 * {@code ConnectException}) or name the symptom, not the cause.
 */
final class UploadFailure extends Exception {

	UploadFailure(String cause) {
		super(cause, null, false, false);
	}

	static UploadFailure of(Throwable failure, URI url, Duration deadline) {
		// the innermost cause first: a refused connection and an unknown host are both a
		// ConnectException, told apart by what they wrap
		List<Throwable> chain = new ArrayList<>();
		for (Throwable cause = failure; cause != null && chain.size() < 10; cause = cause.getCause()) {
			chain.add(0, cause);
		}
		for (Throwable cause : chain) {
			String described = describe(cause, url, deadline);
			if (described != null) {
				return new UploadFailure(described);
			}
		}
		return new UploadFailure(failure.toString());
	}

	private static @Nullable String describe(Throwable cause, URI url, Duration deadline) {
		String message = (cause.getMessage() != null) ? cause.getMessage() : "";
		String lower = message.toLowerCase(Locale.ROOT);
		if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
			return "unknown host " + url.getHost();
		}
		if (cause instanceof HttpConnectTimeoutException) {
			return "no connection within " + duration(deadline);
		}
		if (cause instanceof HttpTimeoutException) {
			return "no answer within " + duration(deadline);
		}
		if (cause instanceof ConnectException) {
			return (message.isEmpty() || lower.contains("refused")) ? "connection refused"
					: "cannot connect: " + message;
		}
		if (cause instanceof SocketException && lower.contains("reset")) {
			return "connection reset by the server";
		}
		// the JDK client reports a connection the server dropped before its answer as an
		// EOF or, when the reset came while it waited for the status line, as a header
		// parser that received nothing
		if (cause instanceof EOFException || lower.contains("header parser received no bytes")) {
			return "connection closed by the server before it answered";
		}
		if (cause instanceof SSLException) {
			return "TLS failure: " + message;
		}
		return null;
	}

	static String duration(Duration duration) {
		return (duration.toMillisPart() == 0) ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
	}

}
