package dev.lightspeed.stack.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Library mode, as RHDH's local setup runs it ({@code use_as_library_client: true} and a
 * Llama Stack run configuration): the service starts the harness's generation of Llama
 * Stack itself, from the harness's run configuration and with its Python, answers through
 * it, starts it again when it is killed, and takes it down with itself, also when the
 * service is killed outright.
 */
class LibraryModeE2E {

	private static final Duration GONE_WITHIN = Duration.ofSeconds(30);

	@Test
	void serviceShouldRunItsOwnLlamaStackAnswerThroughItAndRestartItWhenKilled() throws Exception {
		long restarted;
		try (LightspeedService service = start("library")) {
			Http http = new Http(service.url());
			JsonNode info = Http.json(http.get("/v1/info"));
			assertThat(info.path("llama_stack_version").asString()).isEqualTo(E2eEnvironment.llamaStackVersion());
			assertAnswers(http);
			long first = llamaStack(service);

			ProcessHandle.of(first).orElseThrow().destroyForcibly();
			awaitGone(first);
			restarted = awaitNewLlamaStack(service, first);
			awaitReady(http);
			assertAnswers(http);
			assertThat(service.log()).contains("(pid " + first + ") exited with status 137 after ")
				// Llama Stack's own log, under a logger of its own
				.containsPattern("llama-stack +: INFO ");
			// the supervisor's health probe says so on its next round, which may come
			// after the service found Llama Stack ready on its own
			long answering = restarted;
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(service.log())
					.contains("(pid " + answering + ") answers on http://127.0.0.1:"));
		}
		awaitGone(restarted);
	}

	@Test
	void llamaStackShouldNotOutliveAServiceKilledOutright() throws Exception {
		try (LightspeedService service = start("killed")) {
			long llamaStack = llamaStack(service);
			ProcessHandle.of(service.pid()).orElseThrow().destroyForcibly();
			awaitGone(llamaStack);
		}
	}

	private static LightspeedService start(String name) throws Exception {
		String configuration = """
				name: e2e-library-mode
				service:
				  host: 127.0.0.1
				  port: ${PORT}
				  color_log: false
				llama_stack:
				  use_as_library_client: true
				  library_client_config_path: %s
				user_data_collection: {}
				database:
				  sqlite:
				    db_path: ${DIR}/lightspeed.db
				""".formatted(E2eEnvironment.runConfiguration());
		// word by word (a word may hold a comma):
		// lightspeed.llama-stack.library.python[i]
		List<String> python = E2eEnvironment.libraryModePython(name);
		Map<String, String> environment = new HashMap<>();
		for (int i = 0; i < python.size(); i++) {
			environment.put("LIGHTSPEED_LLAMASTACK_LIBRARY_PYTHON_" + i, python.get(i));
		}
		return LightspeedService.start(configuration, environment);
	}

	// the LLM stand-in by name: after a restart Llama Stack may list the guard stand-in
	// first
	private static void assertAnswers(Http http) throws Exception {
		JsonNode model = null;
		for (JsonNode candidate : Http.json(http.get("/v1/models")).path("models")) {
			if (candidate.path("provider_resource_id").asString().equals("fake-model")) {
				model = candidate;
			}
		}
		assertThat(model).as("the LLM stand-in among the models").isNotNull();
		HttpResponse<String> response = http.post("/v1/query", Http.JSON.writeValueAsString(Map.of("query",
				"What is Kubernetes?", "model", "fake-model", "provider", model.path("provider_id").asString())));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(Http.json(response).path("response").asString()).startsWith("Kubernetes is");
	}

	// the service's only child: the Python (chroot and env run it in their place)
	private static long llamaStack(LightspeedService service) {
		List<ProcessHandle> children = ProcessHandle.of(service.pid()).orElseThrow().children().toList();
		assertThat(children).as("the service's child processes").hasSize(1);
		return children.get(0).pid();
	}

	private static long awaitNewLlamaStack(LightspeedService service, long old) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			List<ProcessHandle> children = ProcessHandle.of(service.pid()).orElseThrow().children().toList();
			if (children.size() == 1 && children.get(0).pid() != old) {
				return children.get(0).pid();
			}
			Thread.sleep(200);
		}
		throw new AssertionError("Llama Stack was not started again:\n" + service.log());
	}

	private static void awaitReady(Http http) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		HttpResponse<String> response = http.get("/readiness");
		while (response.statusCode() != 200 && Instant.now().isBefore(deadline)) {
			Thread.sleep(250);
			response = http.get("/readiness");
		}
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	private static void awaitGone(long pid) throws InterruptedException {
		Instant deadline = Instant.now().plus(GONE_WITHIN);
		while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
		}
		assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
			.as("Llama Stack (pid " + pid + ") still running " + GONE_WITHIN + " later")
			.isFalse();
	}

}
