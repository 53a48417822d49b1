package dev.lightspeed.stack.replicas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.lightspeed.stack.config.DatabaseConfig;
import dev.lightspeed.stack.storage.DataSources;
import dev.lightspeed.stack.support.ApplicationClient;
import dev.lightspeed.stack.support.PackagedJar;
import dev.lightspeed.stack.support.ResponsesLlamaStack;
import dev.lightspeed.stack.support.RoundRobinProxy;
import dev.lightspeed.stack.support.ServiceProcess;
import dev.lightspeed.stack.support.TestDatabases;

import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Replicas of the packaged jar, each a process of its own as in its own pod, on one
 * PostgreSQL database (a namespace of their own, empty until they start together) and one
 * directory of feedback and transcripts, in front of one WireMock Llama Stack 0.5.4
 * (Responses API), behind a {@link RoundRobinProxy}.
 */
final class ReplicaSet implements AutoCloseable {

	/**
	 * Questions containing this are answered after a pause (so that a kill finds some).
	 */
	static final String UNHURRIED = "unhurried question";

	/** Questions containing this are streamed over 20 s (so that one can stop them). */
	static final String SLOW = "slow answer";

	private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

	final WireMockServer llamaStack;

	final List<ServiceProcess> replicas = new ArrayList<>();

	final RoundRobinProxy proxy;

	final Path transcripts;

	final Path feedback;

	final Duration startUp;

	private final DatabaseConfig.Postgres database;

	private final DataSource dataSource;

	final JdbcClient jdbc;

	private ReplicaSet(Path directory, int count) throws Exception {
		this.llamaStack = llamaStack();
		this.database = TestDatabases.postgres(null);
		this.transcripts = Files.createDirectories(directory.resolve("transcripts"));
		this.feedback = Files.createDirectories(directory.resolve("feedback"));
		long started = System.nanoTime();
		try {
			startReplicas(directory, count);
		}
		catch (Exception | AssertionError ex) {
			for (ServiceProcess replica : this.replicas) {
				replica.kill();
			}
			this.llamaStack.stop();
			throw ex;
		}
		this.startUp = Duration.ofNanos(System.nanoTime() - started);
		this.proxy = RoundRobinProxy.start(this.replicas.stream().map(ServiceProcess::port).toList());
		this.dataSource = DataSources.create(new DatabaseConfig(null, this.database));
		this.jdbc = JdbcClient.create(this.dataSource);
	}

	// all at once, as a Deployment starts its pods
	private void startReplicas(Path directory, int count) throws Exception {
		for (int i = 0; i < count; i++) {
			int port = PackagedJar.freePort();
			Path config = Files.writeString(directory.resolve("replica-" + i + ".yaml"),
					configuration(i, port) + TestDatabases.yaml(this.database));
			// the answers' topic summaries would come later and write over a rename
			this.replicas.add(ServiceProcess.launch(config, port, directory.resolve("replica-" + i + ".log"),
					Map.of("LIGHTSPEED_TOPIC_SUMMARY_ENABLED", "false"), "-Xmx256m"));
		}
		try (ExecutorService waits = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<ServiceProcess>> ready = new ArrayList<>();
			this.replicas.forEach((replica) -> ready.add(waits.submit(() -> replica.awaitReady(START_TIMEOUT))));
			for (Future<ServiceProcess> replica : ready) {
				replica.get();
			}
		}
	}

	/**
	 * Starts the replicas together and waits until all are ready.
	 * @param directory where configurations, logs, feedback and transcripts go
	 * @param count how many
	 * @return the running set
	 */
	static ReplicaSet start(Path directory, int count) throws Exception {
		return new ReplicaSet(directory, count);
	}

	/**
	 * A client of one replica.
	 * @param index the replica's index
	 * @return the client
	 */
	ApplicationClient replica(int index) {
		return this.replicas.get(index).client();
	}

	/**
	 * A client of the proxy.
	 * @return the client
	 */
	ApplicationClient proxied() {
		return ApplicationClient.http(this.proxy.port());
	}

	/**
	 * How many requests the proxy has given each replica so far.
	 * @return the counts, by replica
	 */
	int[] served() {
		return IntStream.range(0, this.replicas.size()).map(this.proxy::served).toArray();
	}

	/**
	 * The JSON files under a directory.
	 * @param directory the directory
	 * @return their paths
	 */
	static List<Path> jsonFiles(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter((file) -> file.toString().endsWith(".json")).toList();
		}
	}

	String namespace() {
		return this.database.namespace();
	}

	private String configuration(int index, int port) {
		return """
				name: replica-%d
				service:
				  host: 127.0.0.1
				  port: %d
				llama_stack:
				  url: %s
				user_data_collection:
				  feedback_enabled: true
				  feedback_storage: %s
				  transcripts_enabled: true
				  transcripts_storage: %s
				""".formatted(index, port, this.llamaStack.baseUrl(), this.feedback, this.transcripts);
	}

	private static WireMockServer llamaStack() {
		WireMockServer server = new WireMockServer(options().dynamicPort().containerThreads(100));
		server.start();
		ResponsesLlamaStack.stub(server);
		// a conversation id of its own for every conversation, as Llama Stack gives
		server.stubFor(post("/v1/conversations").atPriority(1)
			.willReturn(okJson(ResponsesLlamaStack.capture("conversation_create.json")
				.replaceFirst("conv_[0-9a-f]+", "conv_{{randomValue length=48 type='HEXADECIMAL' lowercase=true}}"))
				.withTransformers("response-template")));
		server.stubFor(post("/v1/responses").atPriority(1)
			.withRequestBody(containing(UNHURRIED))
			.withRequestBody(containing("\"stream\":false"))
			.willReturn(okJson(ResponsesLlamaStack.capture("plain.json")).withFixedDelay(150)));
		server.stubFor(post("/v1/responses").atPriority(1)
			.withRequestBody(containing(SLOW))
			.withRequestBody(containing("\"stream\":true"))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody(ResponsesLlamaStack.capture("plain_stream.sse"))
				.withChunkedDribbleDelay(40, 20000)));
		return server;
	}

	@Override
	public void close() throws Exception {
		this.proxy.close();
		try (ExecutorService stops = Executors.newVirtualThreadPerTaskExecutor()) {
			for (ServiceProcess replica : this.replicas) {
				stops.submit(() -> {
					replica.close();
					return null;
				});
			}
		}
		this.llamaStack.stop();
		this.jdbc.sql("DROP SCHEMA IF EXISTS \"" + this.database.namespace() + "\" CASCADE").update();
		DataSources.close(this.dataSource);
	}

}
