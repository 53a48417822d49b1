package dev.lightspeed.stack.auth;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.lightspeed.stack.auth.BypassCallers.Caller;
import dev.lightspeed.stack.support.ApplicationClient;
import dev.lightspeed.stack.support.Captures;
import dev.lightspeed.stack.support.RunningApplication;
import dev.lightspeed.stack.support.TestConfigurations;
import dev.lightspeed.stack.support.WireMockLlamaStack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.lightspeed.stack.auth.GovernanceBypassIT.ADMIN;
import static dev.lightspeed.stack.auth.GovernanceBypassIT.directory;
import static dev.lightspeed.stack.auth.GovernanceBypassIT.llamaStack;
import static dev.lightspeed.stack.auth.GovernanceBypassIT.table;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quotas exhausted exactly at the limit and mid-stream, concurrent requests racing the
 * last tokens of a quota, and request rates. A turn's cost is what the first query of a
 * fresh quota shows it spent (Llama Stack 0.2 reports no usage: the service estimates it
 * from the texts); every refusal must come before Llama Stack is asked.
 */
final class QuotaBypasses {

	static final String TURN = "/v1/agents/[^/]+/session/s/turn";

	private QuotaBypasses() {
	}

	static void run() throws Exception {
		long cost;
		try (RunningApplication app = RunningApplication
			.start(TestConfigurations.application("bypass-quota-keys", llamaStack.baseUrl(), directory, """
					user_data_collection: {}
					authentication: {module: api-key-token, api_key_config: {admin_api_key: %s}}
					""".formatted(ADMIN)))) {
			ApplicationClient client = app.client();
			cost = 1_000_000 - left(key(client, 1_000_000, "").send(client, "POST", "/v1/query", BypassCallers.QUERY));
			assertThat(cost).as("a query's cost").isPositive();
			atTheLimit(client, cost);
			midStream(client, cost);
			Caller racer = key(client, 3 * cost + cost / 2, "");
			race("API key quota", app, 12, (i) -> racer, cost, "api_key");
			Caller limited = key(client, 1_000_000, ",\"requests_per_minute\":2");
			limited.send(client, "POST", "/v1/query", BypassCallers.QUERY);
			limited.send(client, "POST", "/v1/query", BypassCallers.QUERY);
			HttpResponse<String> third = table.attempt("request rate", "third query in a minute of a key allowed 2",
					429, limited.send(client, "POST", "/v1/query", BypassCallers.QUERY));
			assertThat(third.headers().firstValue("Retry-After")).isPresent();
		}
		clusterAndUsers(cost);
	}

	private static void atTheLimit(ApplicationClient client, long cost) {
		Caller exact = key(client, 2 * cost, "");
		left(exact.send(client, "POST", "/v1/query", BypassCallers.QUERY));
		assertThat(left(exact.send(client, "POST", "/v1/query", BypassCallers.QUERY))).isZero();
		long turns = turns();
		table.attempt("token quota", "query with the quota spent exactly to 0", 429,
				exact.send(client, "POST", "/v1/query", BypassCallers.QUERY));
		assertThat(turns()).as("refused before Llama Stack").isEqualTo(turns);
		Caller oneLeft = key(client, 2 * cost + 1, "");
		oneLeft.send(client, "POST", "/v1/query", BypassCallers.QUERY);
		oneLeft.send(client, "POST", "/v1/query", BypassCallers.QUERY);
		assertThat(left(oneLeft.send(client, "POST", "/v1/query", BypassCallers.QUERY)))
			.as("one token left still admits a query, as in LCS")
			.isEqualTo(1 - cost);
	}

	private static void midStream(ApplicationClient client, long cost) {
		Caller half = key(client, Math.max(1, cost / 2), "");
		HttpResponse<String> stream = half.send(client, "POST", "/v1/streaming_query", BypassCallers.QUERY);
		JsonNode end = stream.body()
			.lines()
			.filter((line) -> line.startsWith("data: {\"event\": \"end\""))
			.map((line) -> JsonMapper.shared().readTree(line.substring(6)))
			.findFirst()
			.orElseThrow();
		assertThat(end.at("/available_quotas/api_key").asLong()).as("the stream ran out mid-answer and ended")
			.isEqualTo(Math.max(1, cost / 2) - cost);
		long turns = turns();
		table.attempt("token quota", "streaming query after the quota ran out mid-stream", 429,
				half.send(client, "POST", "/v1/streaming_query", BypassCallers.QUERY));
		table.attempt("token quota", "query after the quota ran out mid-stream", 429,
				half.send(client, "POST", "/v1/query", BypassCallers.QUERY));
		assertThat(turns()).as("refused before Llama Stack").isEqualTo(turns);
	}

	private static void clusterAndUsers(long cost) throws Exception {
		try (RunningApplication app = RunningApplication.start(
				TestConfigurations.application("bypass-quota-cluster", llamaStack.baseUrl(), directory,
						"""
								user_data_collection: {}
								quota_handlers:
								  limiters:
								    - {name: cluster_daily, type: cluster_limiter, initial_quota: %d, quota_increase: 0, period: 1 day}
								    - {name: user_daily, type: user_limiter, initial_quota: %d, quota_increase: 0, period: 1 day}
								  enable_token_history: true
								"""
							.formatted(4 * cost + cost / 2 + 1000 * cost, 2 * cost)),
				"lightspeed.quota.reservation=" + cost)) {
			ApplicationClient client = app.client();
			Caller alice = new Caller("alice", (r) -> r, "alice");
			JsonNode quotas = JsonMapper.shared()
				.readTree(alice.send(client, "POST", "/v1/query", BypassCallers.QUERY).body())
				.get("available_quotas");
			assertThat(quotas.propertyNames()).containsExactlyInAnyOrder("cluster_daily", "user_daily");
			alice.send(client, "POST", "/v1/query", BypassCallers.QUERY);
			table.attempt("token quota", "user over their own quota (user_limiter)", 429,
					alice.send(client, "POST", "/v1/query", BypassCallers.QUERY));
			assertThat(new Caller("bob", (r) -> r, "bob").send(client, "POST", "/v1/query", BypassCallers.QUERY)
				.statusCode()).as("another user keeps their quota").isEqualTo(200);
			JdbcClient jdbc = JdbcClient.create(app.bean(DataSource.class));
			jdbc.sql("UPDATE quota_counter SET available = :left WHERE limiter = 'cluster_daily'")
				.param("left", 3 * cost + cost / 2)
				.update();
			race("cluster quota", app, 16, (i) -> new Caller("user" + i, (r) -> r, "user" + i), cost, "cluster_daily");
			assertThat(jdbc.sql("SELECT COUNT(*) FROM token_usage").query(Long.class).single())
				.as("token history kept per user")
				.isGreaterThan(2);
		}
	}

	/**
	 * Sends {@code count} queries at once while Llama Stack takes its time, then checks
	 * the quota was not overspent by more than one query's cost and every refusal came
	 * before Llama Stack.
	 */
	private static void race(String quota, RunningApplication app, int count,
			java.util.function.IntFunction<Caller> callers, long cost, String limiter) throws Exception {
		llamaStack.stubFor(post(urlPathMatching(TURN)).willReturn(aResponse().withFixedDelay(400)
			.withHeader("Content-Type", "text/event-stream")
			.withBody(Captures.of("plain.sse"))));
		long turns = turns();
		List<Future<HttpResponse<String>>> responses = new ArrayList<>();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < count; i++) {
				Caller caller = callers.apply(i);
				responses
					.add(executor.submit(() -> caller.send(app.client(), "POST", "/v1/query", BypassCallers.QUERY)));
			}
		}
		WireMockLlamaStack.stubQueries(llamaStack);
		int admitted = 0;
		int refused = 0;
		for (Future<HttpResponse<String>> response : responses) {
			int status = response.get().statusCode();
			admitted += (status == 200) ? 1 : 0;
			refused += (status == 429) ? 1 : 0;
		}
		long left = JdbcClient.create(app.bean(DataSource.class))
			.sql("SELECT MIN(available) FROM quota_counter WHERE limiter = :limiter")
			.param("limiter", limiter)
			.query(Long.class)
			.single();
		boolean held = admitted + refused == count && admitted >= 1 && left >= -cost && turns() - turns == admitted;
		table.outcome(quota, count + " concurrent queries racing the last 3.5 queries' tokens",
				"overspent by at most one query (" + cost + " tokens); refusals before Llama Stack",
				admitted + " admitted, " + refused + " refused, " + left + " tokens left", held);
	}

	private static Caller key(ApplicationClient client, long tokens, String more) {
		return Caller.bearer("key",
				ApiKeyBypasses.issue(client, "{\"user_id\":\"quota-user\",\"token_quota\":" + tokens + more + "}")
					.at("/api_key")
					.asString());
	}

	private static long left(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(200);
		return JsonMapper.shared().readTree(response.body()).at("/available_quotas/api_key").asLong();
	}

	private static long turns() {
		return llamaStack.countRequestsMatching(postRequestedFor(urlPathMatching(TURN)).build()).getCount();
	}

}
