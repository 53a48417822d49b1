package dev.lightspeed.stack.llamastack;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lightspeed.stack.config.ConfigurationSections;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.support.TestConfigurations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;

/**
 * An application started against an unsupported Llama Stack stops with one clear line and
 * no stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class LlamaStackStartupIT {

	@RegisterExtension
	static WireMockExtension llamaStack = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	@Test
	void unsupportedVersionShouldBeReportedWithoutAStackTrace(CapturedOutput output) {
		llamaStack.stubFor(get("/v1/version").willReturn(okJson("{\"version\": \"0.2.16\"}")));
		LightspeedConfiguration configuration = TestConfigurations.minimal(llamaStack.baseUrl());

		assertThatRuntimeException().isThrownBy(() -> new SpringApplicationBuilder(Application.class)
			.web(WebApplicationType.NONE)
			.initializers(
					(context) -> context.getBeanFactory().registerSingleton("lightspeedConfiguration", configuration))
			.run());

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Llama Stack version >= 0.2.17 is required, but 0.2.16 is used")
			.contains("Point llama_stack.url at a Llama Stack or OGX server of version >= 0.2.17 and < 2.0.0.")
			.doesNotContain("\tat ");
	}

	@Configuration(proxyBeanMethods = false)
	@Import({ ConfigurationSections.class, LlamaStackConfiguration.class })
	static class Application {

	}

}
