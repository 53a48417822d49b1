package dev.lightspeed.stack.clients;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A client's view as a cell of the tables in {@code docs/clients.md}: the text it shows
 * (in the scenario's labels), then its tool cards, sources, error and whether it
 * finished, joined with {@code " · "}.
 */
final class Cells {

	private Cells() {
	}

	static String render(ClientView view, Scenario scenario) {
		Map<String, Pattern> labels = scenario.labels();
		List<String> parts = new ArrayList<>();
		parts.add(view.text().isEmpty() ? "no text" : describe(view.text(), labels));
		if (!view.tools().isEmpty()) {
			parts.add("tools: "
					+ view.tools().stream().map((card) -> card(card, labels)).collect(Collectors.joining(", ")));
		}
		if (!view.sources().isEmpty()) {
			parts.add("sources: "
					+ view.sources().stream().map(ClientView.Source::title).collect(Collectors.joining(", ")));
		}
		if (view.error() != null) {
			parts.add(view.error().isEmpty() ? "error without text" : "error " + describe(view.error(), labels));
		}
		if (view.stopped()) {
			parts.add("stopped");
		}
		if (!view.finished()) {
			parts.add("unfinished");
		}
		return String.join(" · ", parts);
	}

	private static String card(ClientView.ToolCard card, Map<String, Pattern> labels) {
		String name = card.name().isEmpty() ? "(no name)" : card.name();
		String arguments = (card.arguments() != null) ? "(" + label(card.arguments(), labels) + ")" : "";
		String response = (card.response() != null) ? " → " + describe(card.response(), labels) : "";
		return name + arguments + response;
	}

	private static String label(String json, Map<String, Pattern> labels) {
		for (Map.Entry<String, Pattern> label : labels.entrySet()) {
			if (label.getValue().matcher(json).matches()) {
				return label.getKey();
			}
		}
		return json;
	}

	/**
	 * The text as labels and quoted literals joined with {@code " + "}; at each position
	 * the longest label that matches there wins.
	 */
	static String describe(String text, Map<String, Pattern> labels) {
		List<String> parts = new ArrayList<>();
		StringBuilder literal = new StringBuilder();
		int position = 0;
		while (position < text.length()) {
			String best = null;
			int end = position;
			for (Map.Entry<String, Pattern> label : labels.entrySet()) {
				Matcher matcher = label.getValue().matcher(text).region(position, text.length());
				if (matcher.lookingAt() && matcher.end() > end) {
					best = label.getKey();
					end = matcher.end();
				}
			}
			if (best == null) {
				literal.append(text.charAt(position++));
				continue;
			}
			if (!literal.isEmpty()) {
				parts.add(quote(literal.toString()));
				literal.setLength(0);
			}
			parts.add(best);
			position = end;
		}
		if (!literal.isEmpty()) {
			parts.add(quote(literal.toString()));
		}
		return String.join(" + ", parts);
	}

	private static String quote(String text) {
		return "\"" + text.replace("\n", "\\n").replace("|", "\\|") + "\"";
	}

}
