package dev.lightspeed.stack.info;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import dev.lightspeed.stack.config.ConfigurationDump;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.llamastack.LlamaStackStatus;
import dev.lightspeed.stack.support.TestConfigurations;
import dev.lightspeed.stack.support.WebSlice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

@WebMvcTest({ InfoController.class, RootController.class })
@Import({ WebSlice.class, ServiceVersion.class, InfoControllerTests.Secrets.class })
@ImportAutoConfiguration(ProjectInfoAutoConfiguration.class)
class InfoControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private LightspeedConfiguration configuration;

	@MockitoBean
	private LlamaStackStatus llamaStack;

	@Test
	void infoNamesTheServiceTheBuildVersionAndTheLlamaStackSpokenTo() {
		given(this.llamaStack.version()).willReturn(Optional.of("1.5.0"));
		given(this.llamaStack.generation()).willReturn(Optional.of("Responses API"));
		assertThat(this.mvc.get().uri("/v1/info")).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("{\"name\":\"Secret service\",\"version\":\"0.2.0\","
					+ "\"llama_stack_version\":\"1.5.0\",\"llama_stack_api\":\"Responses API\"}");
	}

	@Test
	void infoIsLcsShapeWhileLlamaStackCannotBeReached() {
		given(this.llamaStack.version()).willReturn(Optional.empty());
		given(this.llamaStack.generation()).willReturn(Optional.empty());
		assertThat(this.mvc.get().uri("/v1/info")).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("{\"name\":\"Secret service\",\"version\":\"0.2.0\"}");
	}

	@Test
	void configIsTheDumpWithSecretsMasked(@TempDir Path dir) throws Exception {
		Path dump = dir.resolve("configuration.json");
		ConfigurationDump.write(this.configuration, dump);
		var result = this.mvc.get().uri("/v1/config").exchange();
		assertThat(result).hasStatusOk().bodyJson().isStrictlyEqualTo(Files.readString(dump));
		assertThat(result).bodyJson().extractingPath("$.llama_stack.api_key").isEqualTo("**********");
		assertThat(result).bodyJson().extractingPath("$.database.postgres.password").isEqualTo("**********");
		assertThat(result).bodyJson()
			.extractingPath("$.user_data_collection.data_collector.ingress_server_auth_token")
			.isEqualTo("**********");
		assertThat(result).body().asString().doesNotContain("xyzzy", "pg-secret", "ingress-secret");
	}

	@Test
	void rootIsASelfContainedHtmlPage() {
		var result = this.mvc.get().uri("/").exchange();
		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
		assertThat(result.getResponse().getContentType()).containsIgnoringCase("charset=utf-8");
		assertThat(result).body()
			.asString()
			.contains("<title>Lightspeed core service</title>", "<h1>Lightspeed core service</h1>",
					"Secret service, version 0.2.0", "href=\"docs\"", "href=\"openapi.json\"")
			.doesNotContain("http://", "https://", "src=");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Secrets {

		@Bean
		@Primary
		LightspeedConfiguration secretConfiguration() {
			return TestConfigurations.yaml("""
					name: Secret service
					service: {}
					llama_stack:
					  url: http://localhost:8321
					  api_key: xyzzy
					user_data_collection:
					  data_collector:
					    enabled: true
					    ingress_server_url: http://ingress.example.com/
					    ingress_server_auth_token: ingress-secret
					    ingress_content_service_name: lightspeed
					database:
					  postgres:
					    db: lightspeed
					    user: lcs
					    password: pg-secret
					""");
		}

	}

}
