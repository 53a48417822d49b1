package dev.lightspeed.stack.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The {@code service} section.
 *
 * @param host bind address
 * @param port HTTP port
 * @param authEnabled accepted for compatibility; authentication is chosen by
 * {@code authentication.module}
 * @param workers accepted and logged; concurrency comes from virtual threads
 * @param colorLog coloured console log
 * @param accessLog one log line per HTTP request
 * @param tlsConfig certificate and key for HTTPS
 * @param cors cross-origin settings
 */
public record ServiceConfig(String host, @Schema(minimum = "1", maximum = "65535") Integer port,
		@JsonProperty("auth_enabled") Boolean authEnabled, @Schema(minimum = "1") Integer workers,
		@JsonProperty("color_log") Boolean colorLog, @JsonProperty("access_log") Boolean accessLog,
		@JsonProperty("tls_config") TlsConfig tlsConfig, CorsConfig cors) {

	public ServiceConfig {
		host = (host != null) ? host : "localhost";
		port = (port != null) ? port : 8080;
		authEnabled = (authEnabled != null) ? authEnabled : false;
		workers = (workers != null) ? workers : 1;
		colorLog = (colorLog != null) ? colorLog : true;
		accessLog = (accessLog != null) ? accessLog : true;
		tlsConfig = (tlsConfig != null) ? tlsConfig : new TlsConfig(null, null, null);
		cors = (cors != null) ? cors : new CorsConfig(null, null, null, null);
	}

	/**
	 * The {@code service.tls_config} section.
	 *
	 * @param tlsCertificatePath PEM certificate file
	 * @param tlsKeyPath PEM private key file
	 * @param tlsKeyPassword file whose content is the key password
	 */
	public record TlsConfig(@JsonProperty("tls_certificate_path") @ExistingFile @Nullable String tlsCertificatePath,
			@JsonProperty("tls_key_path") @ExistingFile @Nullable String tlsKeyPath,
			@JsonProperty("tls_key_password") @ExistingFile @Nullable String tlsKeyPassword) {

		/**
		 * Whether HTTPS is to be served.
		 * @return true when both certificate and key are given
		 */
		public boolean enabled() {
			return this.tlsCertificatePath != null && this.tlsKeyPath != null;
		}

		/**
		 * Reads the private key password from the {@code tls_key_password} file (LCS
		 * 0.2.0 passed the path itself as the password).
		 * @return the file's content without a final line break, or null when no file is
		 * configured
		 * @throws UncheckedIOException when the file cannot be read
		 */
		public @Nullable String readKeyPassword() {
			if (this.tlsKeyPassword == null) {
				return null;
			}
			try {
				return Files.readString(Path.of(this.tlsKeyPassword)).replaceFirst("\\R\\z", "");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
