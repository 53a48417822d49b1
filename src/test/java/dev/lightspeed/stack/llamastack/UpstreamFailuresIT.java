package dev.lightspeed.stack.llamastack;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.support.ApplicationClient;
import dev.lightspeed.stack.support.LlamaStackStub;
import dev.lightspeed.stack.support.TestConfigurations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client gets and what the log says when Llama Stack fails in each way a
 * connection can: every answer names the failure rightly (unreachable 503, garbled 502,
 * silent 504), and each failed request leaves exactly one log line naming its cause.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "lightspeed.llama-stack.read-timeout=500ms")
@ExtendWith(OutputCaptureExtension.class)
class UpstreamFailuresIT {

	@RegisterExtension
	static final LlamaStackStub llamaStack = LlamaStackStub.versionOnly();

	@TempDir
	static Path directory;

	private ApplicationClient app;

	@BeforeEach
	void connect(@LocalServerPort int port) {
		this.app = ApplicationClient.http(port);
	}

	private String models(Fault fault, CapturedOutput output) {
		llamaStack.stubFor(get("/v1/models").willReturn(aResponse().withFault(fault)));
		int before = output.getAll().length();
		HttpResponse<String> response = this.app.send("GET", "/v1/models");
		String logged = output.getAll().substring(before);
		assertThat(logged.lines().filter((line) -> line.contains("GET /v1/models answered"))).as(logged)
			.singleElement();
		return response.statusCode() + " " + response.body() + "\n" + logged;
	}

	@Test
	void aReplyThatIsNotHttpIsA502NamingTheGarbledReply(CapturedOutput output) {
		assertThat(models(Fault.RANDOM_DATA_THEN_CLOSE, output)).startsWith(
				"502 {\"detail\":{\"response\":\"Invalid reply from Llama Stack\",\"cause\":\"Llama Stack's reply broke "
						+ "off or was not valid HTTP\"}}")
			.contains("GET /v1/models answered 502: Invalid reply from Llama Stack");
	}

	@Test
	void aBrokenChunkIsA502(CapturedOutput output) {
		assertThat(models(Fault.MALFORMED_RESPONSE_CHUNK, output)).startsWith("502 ")
			.contains("MalformedChunkCodingException");
	}

	@Test
	void aResetConnectionIsA503WithLcsBody(CapturedOutput output) {
		assertThat(models(Fault.CONNECTION_RESET_BY_PEER, output)).startsWith(
				"503 {\"detail\":{\"response\":\"Unable to connect to Llama Stack\",\"cause\":\"Connection error.\"}}")
			.contains("GET /v1/models answered 503: Unable to connect to Llama Stack: Connection error. "
					+ "(SocketException: Connection reset)");
	}

	@Test
	void aSilentLlamaStackIsA504AfterTheReadTimeout(CapturedOutput output) {
		llamaStack.stubFor(get("/v1/models").willReturn(okJson("{\"data\":[]}").withFixedDelay(3000)));
		HttpResponse<String> response = this.app.send("GET", "/v1/models");
		assertThat(response.statusCode()).isEqualTo(504);
		assertThat(response.body()).isEqualTo("{\"detail\":{\"response\":\"Llama Stack did not answer in time\","
				+ "\"cause\":\"Request timed out.\"}}");
		assertThat(output.getAll()).contains("GET /v1/models answered 504: Llama Stack did not answer in time");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class LlamaStack {

		@Bean
		LightspeedConfiguration lightspeedConfiguration() {
			return TestConfigurations.application("failures", llamaStack.baseUrl(), directory,
					"user_data_collection: {}\n");
		}

	}

}
