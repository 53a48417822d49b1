package dev.lightspeed.stack;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.lightspeed.stack.config.ServiceConfig;

/**
 * Spring properties that follow from the {@code service} section and the flags.
 */
final class ServerProperties {

	static final String TLS_BUNDLE = "lightspeed-stack";

	private ServerProperties() {
	}

	static Map<String, Object> from(ServiceConfig service, boolean verbose) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("server.address", service.host());
		properties.put("server.port", service.port());
		properties.put("spring.output.ansi.enabled", service.colorLog() ? "always" : "never");
		ServiceConfig.TlsConfig tls = service.tlsConfig();
		if (tls.enabled()) {
			// An SSL bundle, because only bundles pass a password for an encrypted PEM
			// key.
			String bundle = "spring.ssl.bundle.pem." + TLS_BUNDLE + ".keystore.";
			properties.put(bundle + "certificate", "file:" + tls.tlsCertificatePath());
			properties.put(bundle + "private-key", "file:" + tls.tlsKeyPath());
			String keyPassword = tls.readKeyPassword();
			if (keyPassword != null) {
				properties.put(bundle + "private-key-password", keyPassword);
			}
			properties.put("server.ssl.enabled", true);
			properties.put("server.ssl.bundle", TLS_BUNDLE);
		}
		if (verbose) {
			properties.put("logging.level.dev.lightspeed.stack", "DEBUG");
		}
		return properties;
	}

}
