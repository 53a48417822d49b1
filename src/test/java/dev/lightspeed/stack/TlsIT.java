package dev.lightspeed.stack;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.support.ApplicationClient;
import dev.lightspeed.stack.support.LlamaStackStub;
import dev.lightspeed.stack.support.TestCertificate;
import dev.lightspeed.stack.support.TestConfigurations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code service.tls_config}: the application serves HTTPS with a certificate and an
 * encrypted private key whose password is the content of the {@code tls_key_password}
 * file, through the same Spring properties the command line derives from the
 * configuration.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TlsIT {

	private static final String KEY_PASSWORD = "key-pass-4f2a";

	@RegisterExtension
	static final LlamaStackStub llamaStack = LlamaStackStub.versionOnly();

	private static final TestCertificate certificate = TestCertificate.localhost();

	@TempDir
	static Path directory;

	@LocalServerPort
	private int port;

	static LightspeedConfiguration configuration() {
		return TestConfigurations.yaml("name: tls\n" + certificate.writeServiceTls(directory, KEY_PASSWORD) + """
				llama_stack:
				  url: %s
				user_data_collection: {}
				database:
				  sqlite:
				    db_path: %s/tls.db
				""".formatted(llamaStack.baseUrl(), directory));
	}

	@DynamicPropertySource
	static void serverProperties(DynamicPropertyRegistry registry) {
		TestServerProperties.register(configuration(), registry);
	}

	@Test
	void livenessIsServedOverHttpsWithTheConfiguredCertificate() throws Exception {
		HttpClient http = HttpClient.newBuilder().sslContext(certificate.trustingOnlyThis()).build();
		HttpResponse<String> response = ApplicationClient.https(this.port, http).send("GET", "/liveness");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"alive\":true}");
		assertThat(response.sslSession().orElseThrow().getPeerCertificates()[0]).isEqualTo(certificate.certificate());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		LightspeedConfiguration lightspeedConfiguration() {
			return configuration();
		}

	}

}
