package dev.lightspeed.stack.web;

import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.support.TestConfigurations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ServiceSettingsReportTests {

	@Test
	void workersAreAcceptedAndConcurrencyComesFromVirtualThreads(CapturedOutput output) {
		report("workers: 4", "noop");
		assertThat(output.getOut())
			.contains("service.workers: 4 accepted; concurrency comes from virtual threads (one per request)")
			.doesNotContain("auth_enabled");
	}

	@Test
	void authEnabledWithANoopModuleIsAWarning(CapturedOutput output) {
		report("auth_enabled: true", "noop-with-token");
		assertThat(output.getOut()).contains("WARN", "service.auth_enabled is true but authentication.module is "
				+ "noop-with-token, which does not verify callers");
	}

	@Test
	void authDisabledWithAVerifyingModuleWarnsAndKeepsAuthentication(CapturedOutput output) {
		report("auth_enabled: false", "k8s");
		assertThat(output.getOut()).contains("WARN",
				"service.auth_enabled is false but authentication.module is k8s; authentication stays on");
	}

	private static void report(String serviceSetting, String module) {
		LightspeedConfiguration configuration = TestConfigurations.yaml("""
				name: test
				service:
				  %s
				llama_stack:
				  url: http://localhost:8321
				user_data_collection: {}
				authentication:
				  module: %s
				""".formatted(serviceSetting, module));
		new ServiceSettingsReport(configuration.service(), configuration.authentication()).afterPropertiesSet();
	}

}
