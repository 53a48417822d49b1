package dev.lightspeed.stack.clients;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.llamastack.TurnEvent;
import dev.lightspeed.stack.support.ConnectedLlamaStack;
import dev.lightspeed.stack.support.ScriptedLlamaStack;
import dev.lightspeed.stack.support.TestConfigurations;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 27 item 5: the parsers of the real clients ({@link Client}) read live answers of
 * the whole application, one request per client, in both stream dialects: every client
 * must show what its cell in {@code docs/clients.md} says ({@link ClientTables}), and
 * every client gets the conversation id (RHDH 2.x also the request id its Stop button
 * needs). The turns are what a real Llama Stack streamed ({@link Scenario}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(StreamClientsIT.Backend.class)
class StreamClientsIT {

	@TempDir
	static Path directory;

	@Nested
	class Compatible extends Scenarios {

		Compatible() {
			super(ClientTables.Dialect.COMPATIBLE);
		}

	}

	@Nested
	@TestPropertySource(properties = "lightspeed.query.stream-dialect=lcs-0.2")
	class Lcs02 extends Scenarios {

		Lcs02() {
			super(ClientTables.Dialect.LCS_0_2);
		}

	}

	abstract static class Scenarios {

		private final ClientTables.Dialect dialect;

		@LocalServerPort
		private int port;

		@Autowired
		private ScriptedLlamaStack llamaStack;

		Scenarios(ClientTables.Dialect dialect) {
			this.dialect = dialect;
		}

		@ParameterizedTest(name = "{0}")
		@EnumSource(mode = EnumSource.Mode.EXCLUDE, names = "INTERRUPT")
		void everyClientShowsItsCell(Scenario scenario) throws Exception {
			this.llamaStack.withDelayPerEvent(0).answering(scenario.turn().toArray(TurnEvent[]::new));
			// the question does not matter: the turn is scripted
			assertShowTheirCells(scenario, askEveryClient(scenario.title() + "?", false));
		}

		@Test
		void stoppedByTheUser() throws Exception {
			this.llamaStack.withDelayPerEvent(Scenario.SLOW_TOKEN_MILLIS)
				.answering(Scenario.INTERRUPT.turn().toArray(TurnEvent[]::new));
			Map<Client, LiveStreams.Answer> answers = askEveryClient("Say something slowly", true);
			// compatible gives every stream a request_id, so the user can stop any of
			// them (RHDH 2.x with its own button); LCS 0.2.0's gives none: no Stop works
			int stopped = (this.dialect == ClientTables.Dialect.COMPATIBLE) ? 200 : 0;
			answers.values().forEach((answer) -> assertThat(answer.stopStatus()).isEqualTo(stopped));
			assertShowTheirCells(Scenario.INTERRUPT, answers);
		}

		private Map<Client, LiveStreams.Answer> askEveryClient(String query, boolean stop) throws Exception {
			LiveStreams streams = new LiveStreams(this.port);
			Map<Client, LiveStreams.Answer> answers = new LinkedHashMap<>();
			for (Client client : Client.values()) {
				answers.put(client,
						stop ? streams.askAndStop(client.parser(), query) : streams.ask(client.parser(), query));
			}
			return answers;
		}

		private void assertShowTheirCells(Scenario scenario, Map<Client, LiveStreams.Answer> answers) {
			ClientTables tables = ClientTables.read();
			SoftAssertions softly = new SoftAssertions();
			answers.forEach((client, answer) -> {
				ClientView view = answer.view();
				softly.assertThat(answer.conversationId()).as("%s: the stream's conversation id", client).isNotEmpty();
				softly.assertThat(view.conversationId())
					.as("%s: conversation id", client)
					.isEqualTo(answer.conversationId());
				softly.assertThat(view.requestId())
					.as("%s: request id", client)
					.isEqualTo(client.canStop() ? answer.requestId() : "");
				softly.assertThat(Cells.render(view, scenario))
					.as("%s, %s, %s: %s", scenario.title(), client.title(), this.dialect, ClientTables.DOCUMENT)
					.isEqualTo(tables.cell(scenario, client, this.dialect));
			});
			if (this.dialect == ClientTables.Dialect.COMPATIBLE) {
				softly.assertThat(answers.get(Client.RHDH_2).requestId()).as("RHDH 2.x: request id").isNotEmpty();
			}
			softly.assertAll();
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	@Import(ConnectedLlamaStack.class)
	static class Backend {

		@Bean
		LightspeedConfiguration lightspeedConfiguration(
				@Value("${lightspeed.query.stream-dialect:compatible}") String dialect) {
			return TestConfigurations.application("clients-" + dialect, "http://127.0.0.1:9", directory,
					"user_data_collection: {}\n");
		}

		@Bean
		@Primary
		ScriptedLlamaStack scriptedLlamaStack() {
			return new ScriptedLlamaStack();
		}

	}

}
