package dev.lightspeed.stack.query;

/**
 * Which SSE events {@code /v1/streaming_query} writes
 * ({@code lightspeed.query.stream-dialect}).
 */
enum StreamDialect {

	/**
	 * Every real client reads it right (the default): LCS 0.2.0's events and shapes, plus
	 * what LCS 0.3-0.7 clients look for where a 0.2.0 client ignores it: {@code start}
	 * carries {@code request_id}; a tool call carries both the 0.2.0 {@code token} and
	 * the MCP-style {@code name}, {@code args}, {@code type}; a tool's answer is a
	 * {@code tool_result} event with both shapes; {@code error} carries
	 * {@code status_code}, {@code response} and {@code cause} beside its {@code token};
	 * an interrupted answer ends with {@code interrupted}, then {@code end}.
	 */
	COMPATIBLE,

	/**
	 * LCS 0.2.0's events byte for byte, for a client that wants nothing more: no
	 * {@code request_id} (so no interrupt), tool answers as {@code tool_call} events.
	 */
	LCS_0_2

}
