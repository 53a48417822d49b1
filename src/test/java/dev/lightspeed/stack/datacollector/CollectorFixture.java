package dev.lightspeed.stack.datacollector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.lightspeed.stack.storage.AtomicFiles;
import dev.lightspeed.stack.support.FakeIngress;
import dev.lightspeed.stack.support.ServiceProcess;
import dev.lightspeed.stack.support.TestConfigurations;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.util.FileSystemUtils;

/**
 * For each test, a fresh data directory with the two stores ({@code feedback/},
 * {@code transcripts/}), a stand-in ingress server, and collectors configured on them as
 * a user would write the YAML.
 */
final class CollectorFixture implements BeforeEachCallback, AfterEachCallback {

	static final String TOKEN = "s3cret-ingress-token";

	private Path dir;

	private FakeIngress ingress;

	@Override
	public void beforeEach(ExtensionContext context) throws IOException {
		this.dir = Files.createTempDirectory("data-collector-");
		this.ingress = FakeIngress.start();
	}

	@Override
	public void afterEach(ExtensionContext context) throws IOException {
		this.ingress.close();
		FileSystemUtils.deleteRecursively(this.dir);
	}

	Path dir() {
		return this.dir;
	}

	FakeIngress ingress() {
		return this.ingress;
	}

	/**
	 * The {@code user_data_collection} section for this directory.
	 * @param url the ingress URL
	 * @param interval {@code collection_interval}
	 * @param cleanup {@code cleanup_after_send}
	 * @param timeout {@code connection_timeout_seconds}
	 * @return the YAML, a top-level section
	 */
	String section(String url, int interval, boolean cleanup, int timeout) {
		return ServiceProcess.userData(this.dir) + """
				  data_collector:
				    enabled: true
				    ingress_server_url: %s
				    ingress_server_auth_token: %s
				    ingress_content_service_name: lightspeed-stack
				    collection_interval: %d
				    cleanup_after_send: %s
				    connection_timeout_seconds: %d
				""".formatted(url, TOKEN, interval, cleanup, timeout);
	}

	DataCollector collector(int interval, boolean cleanup, int timeout) {
		return collector(this.ingress.url(), interval, cleanup, timeout);
	}

	DataCollector collector(String url, int interval, boolean cleanup, int timeout) {
		return new DataCollector(TestConfigurations.yaml("""
				name: test
				service: {}
				llama_stack:
				  url: http://localhost:8321
				""" + section(url, interval, cleanup, timeout)).userDataCollection());
	}

	Path write(String relative, String content) throws IOException {
		Path file = this.dir.resolve(relative);
		Files.createDirectories(file.getParent());
		return Files.writeString(file, content);
	}

	/**
	 * Writes records as the service does (atomically, in the stores' layout): every third
	 * one feedback, the others transcripts of a few users and conversations.
	 * @param count how many
	 * @return their archive member names
	 */
	List<String> produce(int count) throws IOException {
		List<String> members = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String id = UUID.randomUUID().toString();
			String member = (i % 3 == 0) ? "feedback/" + id + ".json"
					: "transcripts/user-" + (i % 5) + "/conversation-" + (i % 7) + "/" + id + ".json";
			AtomicFiles.writeString(this.dir.resolve(member), """
					{"user_id": "user-%d", "record": "%s", "llm_response": "%s"}""".formatted(i % 5, id,
					"An answer of some length. ".repeat(20)));
			members.add(member);
		}
		return members;
	}

}
