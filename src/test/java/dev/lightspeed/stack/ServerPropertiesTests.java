package dev.lightspeed.stack;

import java.nio.file.Path;
import java.util.Map;

import dev.lightspeed.stack.config.ConfigurationLoader;
import dev.lightspeed.stack.config.ServiceConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The Spring properties that carry the {@code service} section into the server.
 */
class ServerPropertiesTests {

	@Test
	void hostPortAndColourShouldBeCarriedOver() {
		Map<String, Object> properties = ServerProperties.from(load("lightspeed-stack-lls-external.yaml"), false);
		assertThat(properties).containsOnly(entry("server.address", "localhost"), entry("server.port", 8080),
				entry("spring.output.ansi.enabled", "always"));
	}

	@Test
	void tlsShouldBeServedFromAnSslBundleWithThePasswordReadFromTheFile() {
		Map<String, Object> properties = ServerProperties.from(load("lightspeed-stack-tls.yaml"), false);
		String bundle = "spring.ssl.bundle.pem.lightspeed-stack.keystore.";
		assertThat(properties).contains(entry("server.port", 8443), entry("server.ssl.enabled", true),
				entry("server.ssl.bundle", "lightspeed-stack"),
				entry(bundle + "certificate", "file:examples/tls/server.crt"),
				entry(bundle + "private-key", "file:examples/tls/server.key"),
				entry(bundle + "private-key-password", "changeit"));
	}

	@Test
	void verboseShouldLogOurPackageAtDebug() {
		assertThat(ServerProperties.from(load("lightspeed-stack-lls-external.yaml"), true))
			.containsEntry("logging.level.dev.lightspeed.stack", "DEBUG");
	}

	private static ServiceConfig load(String example) {
		return new ConfigurationLoader().load(Path.of("examples", example)).service();
	}

}
