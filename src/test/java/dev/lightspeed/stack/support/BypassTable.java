package dev.lightspeed.stack.support;

import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Attempts to get past the service's governance, each with the status it must be refused
 * with, and what the service answered; printed as a table at the end of the run.
 */
public final class BypassTable {

	private final List<Row> rows = new ArrayList<>();

	/**
	 * Records an attempt.
	 * @param group what is attacked, e.g. {@code api-key-token}
	 * @param attempt what was tried
	 * @param expected the status the service must refuse it with
	 * @param response what the service answered
	 * @return the response, for more checks
	 */
	public synchronized HttpResponse<String> attempt(String group, String attempt, int expected,
			HttpResponse<String> response) {
		this.rows.add(new Row(group, attempt, expected, response.statusCode()));
		return response;
	}

	/**
	 * The attempts the service let through (a 2xx answer).
	 * @return the accepted attempts
	 */
	public synchronized List<Row> accepted() {
		return this.rows.stream().filter(Row::accepted).toList();
	}

	/**
	 * The attempts refused with another status than expected.
	 * @return those rows
	 */
	public synchronized List<Row> unexpected() {
		return this.rows.stream().filter((row) -> row.expected() != row.status()).toList();
	}

	public synchronized int size() {
		return this.rows.size();
	}

	/**
	 * Prints the table and the figures.
	 * @param out where to print
	 */
	public synchronized void print(PrintStream out) {
		out.println("| Target | Bypass attempt | Expected | Answered |");
		out.println("|---|---|---|---|");
		for (Row row : this.rows) {
			out.println("| " + row.group() + " | " + row.attempt() + " | " + row.expected() + " | " + row.status()
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
	 * @param expected the status it must be refused with
	 * @param status the status the service answered
	 */
	public record Row(String group, String attempt, int expected, int status) {

		boolean accepted() {
			return this.status >= 200 && this.status < 300;
		}

	}

}
