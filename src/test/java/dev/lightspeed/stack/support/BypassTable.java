package dev.lightspeed.stack.support;

import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Attempts to get past the service's governance, each with how it must be refused and
 * what the service did; printed as a table at the end of the run.
 */
public final class BypassTable {

	private final List<Row> rows = new ArrayList<>();

	/**
	 * Records a request that must be refused.
	 * @param group what is attacked, e.g. {@code api-key-token}
	 * @param attempt what was tried
	 * @param expected the status the service must refuse it with
	 * @param response what the service answered
	 * @return the response, for more checks
	 */
	public synchronized HttpResponse<String> attempt(String group, String attempt, int expected,
			HttpResponse<String> response) {
		int status = response.statusCode();
		this.rows.add(new Row(group, attempt, String.valueOf(expected), String.valueOf(status),
				status >= 200 && status < 300, status != expected));
		return response;
	}

	/**
	 * Records an attempt judged by its effect rather than one answer, such as requests
	 * racing for the last tokens of a quota.
	 * @param group what is attacked
	 * @param attempt what was tried
	 * @param expected what must hold
	 * @param observed what was seen
	 * @param held whether it held
	 */
	public synchronized void outcome(String group, String attempt, String expected, String observed, boolean held) {
		this.rows.add(new Row(group, attempt, expected, observed, !held, false));
	}

	/**
	 * The attempts the service let through.
	 * @return the accepted attempts
	 */
	public synchronized List<Row> accepted() {
		return this.rows.stream().filter(Row::accepted).toList();
	}

	/**
	 * The requests refused with another status than expected.
	 * @return those rows
	 */
	public synchronized List<Row> unexpected() {
		return this.rows.stream().filter(Row::unexpected).toList();
	}

	/**
	 * Prints the table and the figures.
	 * @param out where to print
	 */
	public synchronized void print(PrintStream out) {
		out.println("| Target | Bypass attempt | Must be | Was |");
		out.println("|---|---|---|---|");
		for (Row row : this.rows) {
			out.println("| " + row.group() + " | " + row.attempt() + " | " + row.expected() + " | " + row.observed()
					+ (row.accepted() ? " ACCEPTED" : "") + " |");
		}
		out.println("Bypass attempts: " + this.rows.size() + ", accepted: " + accepted().size()
				+ ", refused with another status than expected: " + unexpected().size());
	}

	/**
	 * One attempt.
	 *
	 * @param group what is attacked
	 * @param attempt what was tried
	 * @param expected how it must be refused
	 * @param observed what the service did
	 * @param accepted whether it got through
	 * @param unexpected whether it was refused otherwise than expected
	 */
	public record Row(String group, String attempt, String expected, String observed, boolean accepted,
			boolean unexpected) {
	}

}
