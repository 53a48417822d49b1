package dev.lightspeed.stack.datacollector;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.lightspeed.stack.config.ConfigurationSections;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.support.FakeIngress;
import dev.lightspeed.stack.support.TestConfigurations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.SmartLifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DataCollectorConfigurationTests {

	@TempDir
	Path dir;

	@Test
	void disabledCollectorNeverRuns() {
		runner("enabled: false").run((context) -> {
			assertThat(context.getBean(SmartLifecycle.class)).isInstanceOf(DataCollectorConfiguration.Disabled.class);
			assertThat(context.getBean(SmartLifecycle.class).isRunning()).isFalse();
		});
	}

	@Test
	void enabledCollectorUploadsWhileTheApplicationRunsAndStopsWithIt() throws Exception {
		Files.createDirectories(this.dir.resolve("feedback"));
		Files.writeString(this.dir.resolve("feedback/a.json"), "{}");
		try (FakeIngress ingress = FakeIngress.start()) {
			runner("""
					enabled: true
					    ingress_server_url: %s
					    ingress_server_auth_token: t
					    ingress_content_service_name: ols""".formatted(ingress.url())).run((context) -> {
				SmartLifecycle collector = context.getBean(SmartLifecycle.class);
				assertThat(collector).isInstanceOf(DataCollector.class);
				assertThat(collector.isRunning()).isTrue();
				await().atMost(Duration.ofSeconds(10)).until(() -> ingress.uploads().size() == 1);
				context.close();
				assertThat(collector.isRunning()).isFalse();
			});
			assertThat(this.dir.resolve("feedback/a.json")).doesNotExist();
		}
	}

	private ApplicationContextRunner runner(String collector) {
		LightspeedConfiguration configuration = TestConfigurations.yaml("""
				name: test
				service: {}
				llama_stack:
				  url: http://localhost:8321
				user_data_collection:
				  feedback_enabled: true
				  feedback_storage: %s/feedback
				  data_collector:
				    %s
				""".formatted(this.dir, collector));
		return new ApplicationContextRunner().withBean(LightspeedConfiguration.class, () -> configuration)
			.withUserConfiguration(ConfigurationSections.class, DataCollectorConfiguration.class);
	}

}
