package dev.lightspeed.stack.clients;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parsers of assisted-installer, lightspeed-evaluation, the OpenShift console and the
 * reference UI reproduce the quirks their descriptions name.
 */
class OtherClientsTests {

	private static final String START = "data: {\"event\": \"start\", \"data\": {\"conversation_id\": \"c1\"}}\n\n";

	private static final String TOKEN = "data: {\"event\": \"token\", \"data\": {\"id\": 0, \"token\": \"hi\"}}\n\n";

	private static final String END = "data: {\"event\": \"end\", \"data\": {\"referenced_documents\": []}}\n\n";

	@Test
	void assistedInstallerAbortsTheWholeAnswerOnAnEmptyBlock() throws Exception {
		ClientView view = new AssistedInstallerClient().read(NetworkChunks.delivered(START, TOKEN, "\n\n", END));

		assertThat(view.error()).isEqualTo(AssistedInstallerClient.ERROR);
		assertThat(view.finished()).isFalse();
	}

	@Test
	void assistedInstallerTakesAnAnswerWithoutEndForAnError() throws Exception {
		ClientView view = new AssistedInstallerClient().read(NetworkChunks.delivered(START, TOKEN));

		assertThat(view.text()).isEqualTo("hi");
		assertThat(view.error()).isEqualTo(AssistedInstallerClient.ERROR);
	}

	@Test
	void assistedInstallerReadsAToolCallEventWithAResponseAsTheAnswerOfTheCallOfItsId() throws Exception {
		String call = "data: {\"event\": \"tool_call\", \"data\": {\"id\": \"c\", \"token\": {\"tool_name\": \"t\", "
				+ "\"arguments\": {\"a\": 1}}}}\n\n";
		String answer = "data: {\"event\": \"tool_call\", \"data\": {\"id\": \"c\", \"token\": {\"tool_name\": \"t\", "
				+ "\"response\": \"ok\"}}}\n\n";

		assertThat(new AssistedInstallerClient().read(NetworkChunks.delivered(START, call, answer, END)).tools())
			.containsExactly(new ClientView.ToolCard("c", "t", "{\"a\":1}", "ok"));
	}

	@Test
	void evaluationAnswersWithTurnCompleteCutOfEveryDataPrefix() throws Exception {
		String complete = "data: {\"event\": \"turn_complete\", \"data\": {\"id\": 1, \"token\": \"see data: x\"}}\n\n";

		ClientView view = new EvaluationClient().read(NetworkChunks.delivered(START, TOKEN, complete, END));
		assertThat(view.text()).isEqualTo("see x");
		assertThat(view.finished()).isTrue();
	}

	@Test
	void evaluationSkipsLinesWithoutTheSpaceAndNeedsAFinalAnswer() throws Exception {
		String complete = "data:{\"event\": \"turn_complete\", \"data\": {\"id\": 1, \"token\": \"hi\"}}\n\n";

		ClientView view = new EvaluationClient().read(NetworkChunks.delivered(START, complete, END));
		assertThat(view.error()).isEqualTo("No final response found");
		assertThat(view.finished()).isFalse();
	}

	@Test
	void evaluationRaisesTheTokenOfAnErrorEvent() throws Exception {
		String error = "data: {\"event\": \"error\", \"data\": {\"id\": 1, \"token\": \"boom\"}}\n\n";

		assertThat(new EvaluationClient().read(NetworkChunks.delivered(START, error, END)).error())
			.isEqualTo("Streaming API error: boom");
	}

	@Test
	void consoleActsOnlyOnEventsWithDataAndShowsResponseAndCauseOfAnError() throws Exception {
		String error = "data: {\"event\": \"error\", \"data\": {\"response\": \"Failed\", \"cause\": \"why\"}}\n\n";
		String bareEnd = "data: {\"event\": \"end\"}\n\n";

		ClientView view = new ConsoleClient().read(NetworkChunks.delivered(START, error, bareEnd));
		assertThat(view.error()).isEqualTo("Failed: why");
		assertThat(view.finished()).isFalse();
	}

	@Test
	void consoleJoinsALineSplitBetweenChunksButTheReferenceUiDoesNot() throws Exception {
		String[] body = { START, TOKEN.substring(0, 20), TOKEN.substring(20), END };

		assertThat(new ConsoleClient().read(NetworkChunks.delivered(body)).text()).isEqualTo("hi");
		ClientView referenceUi = new ReferenceUiClient().read(NetworkChunks.delivered(body));
		assertThat(referenceUi.text()).isEmpty();
		assertThat(referenceUi.error()).isNotNull();
	}

	@Test
	void referenceUiShowsAToolCallOnlyWhenItsTokenHasNameAndArguments() throws Exception {
		String call = "data: {\"event\": \"tool_call\", \"data\": {\"id\": 1, \"token\": {\"tool_name\": \"t\", "
				+ "\"arguments\": {}}}}\n\n";
		String answer = "data: {\"event\": \"tool_call\", \"data\": {\"id\": 2, \"token\": {\"tool_name\": \"t\", "
				+ "\"response\": \"ok\"}}}\n\n";

		assertThat(new ReferenceUiClient().read(NetworkChunks.delivered(START, call, answer, END)).tools())
			.containsExactly(new ClientView.ToolCard("", "t", "{}", null));
	}

}
