package dev.lightspeed.stack.clients;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.lightspeed.stack.llamastack.CapturedTurns;
import dev.lightspeed.stack.llamastack.InterleavedContent;
import dev.lightspeed.stack.llamastack.TurnEvent;

/**
 * The turns the clients read, each a turn a real Llama Stack 0.2.22 streamed (captured by
 * the e2e harness), but the interrupted one, which is a slow model stopped by its user;
 * and the names the tables give to the strings a client shows.
 */
enum Scenario {

	PLAIN("Plain answer", "plain.sse"),

	MCP_TOOL("MCP tool call and its result", "mcp_tool.sse"),

	DOCUMENTS("Referenced documents (knowledge_search)", "rag_tool.sse"),

	ERROR("Error mid-stream", "error_midstream.sse"),

	INTERRUPT("Stopped by the user", null),

	INPUT_SHIELD("Input shield violation", "input_violation.sse"),

	OUTPUT_SHIELD("Output shield violation", "output_violation.sse");

	/**
	 * The slow answer of {@link #INTERRUPT}: tokens {@code tok0 }, {@code tok1 }, ...,
	 * then the turn completes.
	 */
	static final int SLOW_TOKENS = 30;

	static final long SLOW_TOKEN_MILLIS = 20;

	static final String STOP_NOTE = "\n\n*Response stopped by the user.*";

	private static final String EVALUATION_CUT = "data: ";

	private static final String REFUSAL = "I can't answer that. Can I help with something else?";

	private final String title;

	private final String capture;

	Scenario(String title, String capture) {
		this.title = title;
		this.capture = capture;
	}

	String title() {
		return this.title;
	}

	/**
	 * The turn; the slow answer is to be streamed with {@link #SLOW_TOKEN_MILLIS} between
	 * its events.
	 */
	List<TurnEvent> turn() {
		if (this.capture != null) {
			return CapturedTurns.of(this.capture);
		}
		List<TurnEvent> slow = new ArrayList<>(List.of(new TurnEvent.StepStarted("inference")));
		StringBuilder answer = new StringBuilder();
		for (int i = 0; i < SLOW_TOKENS; i++) {
			slow.add(new TurnEvent.TextDelta("tok" + i + " "));
			answer.append("tok").append(i).append(' ');
		}
		slow.add(new TurnEvent.TurnCompleted(answer.toString()));
		return slow;
	}

	/**
	 * Names for strings the clients show, the longest first, each the text it stands for
	 * as a pattern.
	 */
	Map<String, Pattern> labels() {
		Map<String, String> labels = new LinkedHashMap<>();
		List<TurnEvent> turn = turn();
		String streamed = turn.stream()
			.filter(TurnEvent.TextDelta.class::isInstance)
			.map((delta) -> ((TurnEvent.TextDelta) delta).text())
			.collect(Collectors.joining());
		for (TurnEvent event : turn) {
			switch (event) {
				case TurnEvent.TurnCompleted completed ->
					labels.put(completed.outputText().equals(REFUSAL) ? "refusal" : "answer", completed.outputText());
				case TurnEvent.ShieldChecked checked when checked.violation() != null ->
					labels.put("violation", "Violation: " + REFUSAL + " (Metadata: {'violation_type': 'S1'})");
				case TurnEvent.ToolExecuted executed -> {
					labels.put("args", executed.calls().getFirst().arguments().toString());
					labels.put("result", InterleavedContent.flatten(executed.responses().getFirst().content()));
				}
				case TurnEvent.StreamFailed failed -> labels.put("message", failed.message());
				default -> {
				}
			}
		}
		String answer = labels.get("answer");
		if (answer != null && answer.contains(EVALUATION_CUT)) {
			// lightspeed-evaluation strips its prefix with line.replace("data: ", "")
			labels.put("answer with \"data: \" cut out", answer.replace(EVALUATION_CUT, ""));
		}
		if (this == ERROR || this == OUTPUT_SHIELD) {
			labels.put((this == ERROR) ? "partial" : "blocked", streamed);
		}
		Map<String, Pattern> patterns = new LinkedHashMap<>();
		labels.forEach((name, text) -> patterns.put(name, Pattern.compile(Pattern.quote(text))));
		if (this == INTERRUPT) {
			patterns.put("partial", Pattern.compile("(tok\\d+ ){2,}"));
			patterns.put("note", Pattern.compile(Pattern.quote(STOP_NOTE)));
		}
		return patterns;
	}

	/**
	 * The legend of the labels, for the tables.
	 */
	List<String> legend() {
		List<String> legend = new ArrayList<>();
		labels().forEach((name, pattern) -> legend.add("`" + name + "` = " + describe(name, pattern)));
		return legend;
	}

	private String describe(String name, Pattern pattern) {
		if (this == INTERRUPT && !name.equals("note")) {
			return name.equals("answer")
					? "`tok0 ` to `tok" + (SLOW_TOKENS - 1) + " `, one token every " + SLOW_TOKEN_MILLIS + " ms"
					: "the tokens streamed before Stop";
		}
		if (name.startsWith("answer with")) {
			return "`answer` with every `data: ` removed";
		}
		String text = pattern.pattern().replace("\\Q", "").replace("\\E", "").replace("\n", "\\n");
		return "`" + ((text.length() > 110) ? text.substring(0, 107) + "…" : text) + "`";
	}

}
