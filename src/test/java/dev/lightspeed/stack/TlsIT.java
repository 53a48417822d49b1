package dev.lightspeed.stack;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.support.TestConfigurations;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.bouncycastle.openssl.PKCS8Generator.AES_256_CBC;
import static org.bouncycastle.openssl.PKCS8Generator.PRF_HMACSHA256;

/**
 * {@code service.tls_config}: the application serves HTTPS with a certificate and an
 * encrypted private key whose password is the content of the {@code tls_key_password}
 * file, through the same Spring properties the command line derives from the
 * configuration.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TlsIT {

	private static final String KEY_PASSWORD = "key-pass-4f2a";

	private static final WireMockServer llamaStack = new WireMockServer(options().dynamicPort());

	private static final Path directory;

	private static final X509Certificate certificate;

	private static final LightspeedConfiguration configuration;

	static {
		llamaStack.start();
		llamaStack.stubFor(get("/v1/version").willReturn(okJson("{\"version\":\"0.2.22\"}")));
		try {
			directory = Files.createTempDirectory("tls-it");
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair keys = generator.generateKeyPair();
			certificate = selfSigned(keys);
			Files.writeString(directory.resolve("cert.pem"), pem(certificate));
			Files.writeString(directory.resolve("key.pem"),
					pem(new JcaPKCS8Generator(keys.getPrivate(),
							new JceOpenSSLPKCS8EncryptorBuilder(AES_256_CBC).setProvider(new BouncyCastleProvider())
								.setPRF(PRF_HMACSHA256)
								.setPassword(KEY_PASSWORD.toCharArray())
								.build())
						.generate()));
			// with the line break an editor leaves at the end of the file
			Files.writeString(directory.resolve("key-password.txt"), KEY_PASSWORD + "\n");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		configuration = TestConfigurations.yaml("""
				name: tls
				service:
				  tls_config:
				    tls_certificate_path: %1$s/cert.pem
				    tls_key_path: %1$s/key.pem
				    tls_key_password: %1$s/key-password.txt
				llama_stack:
				  url: %2$s
				user_data_collection: {}
				database:
				  sqlite:
				    db_path: %1$s/tls.db
				""".formatted(directory, llamaStack.baseUrl()));
	}

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void serverProperties(DynamicPropertyRegistry registry) {
		// What CommandLine gives Spring, except the address and port: the test picks
		// those.
		ServerProperties.from(configuration, false).forEach((name, value) -> {
			if (!name.equals("server.port") && !name.equals("server.address")) {
				registry.add(name, () -> value);
			}
		});
	}

	@AfterAll
	static void stopLlamaStack() throws IOException {
		llamaStack.stop();
		FileSystemUtils.deleteRecursively(directory);
	}

	@Test
	void livenessIsServedOverHttpsWithTheConfiguredCertificate() throws Exception {
		KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
		trusted.load(null, null);
		trusted.setCertificateEntry("service", certificate);
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(trusted);
		SSLContext ssl = SSLContext.getInstance("TLS");
		ssl.init(null, trust.getTrustManagers(), null);
		HttpClient http = HttpClient.newBuilder().sslContext(ssl).build();
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create("https://localhost:" + this.port + "/liveness")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"alive\":true}");
		assertThat(response.sslSession().orElseThrow().getPeerCertificates()[0]).isEqualTo(certificate);
	}

	private static X509Certificate selfSigned(KeyPair keys) throws Exception {
		X500Name name = new X500Name("CN=localhost");
		Instant now = Instant.now();
		GeneralNames alternativeNames = new GeneralNames(
				new GeneralName[] { new GeneralName(GeneralName.dNSName, "localhost"),
						new GeneralName(GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress()) });
		var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
				Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(1))), name,
				keys.getPublic())
			.addExtension(Extension.subjectAlternativeName, false, alternativeNames);
		return new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
	}

	private static String pem(Object object) {
		StringWriter text = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
			writer.writeObject(object);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return text.toString();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		LightspeedConfiguration lightspeedConfiguration() {
			return configuration;
		}

	}

}
