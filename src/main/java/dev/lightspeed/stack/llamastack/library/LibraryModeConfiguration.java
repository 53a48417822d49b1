package dev.lightspeed.stack.llamastack.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import dev.lightspeed.stack.config.LlamaStackConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The library mode's server, decided when the application starts (not by a condition: the
 * bean definitions are generated ahead of time, without the configuration file): a
 * supervised server in library mode, nothing otherwise.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LibraryModeProperties.class)
class LibraryModeConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(LibraryModeConfiguration.class);

	private static final Duration PROBE_TIMEOUT = Duration.ofMinutes(1);

	@Bean
	LibraryModeServer libraryModeServer(LlamaStackConfig llamaStack, LibraryModeProperties properties) {
		String runConfiguration = llamaStack.libraryClientConfigPath();
		if (!llamaStack.libraryMode() || runConfiguration == null) {
			return Optional::empty;
		}
		InstalledServer installed = new PythonProbe(PROBE_TIMEOUT).probe(properties.python());
		int port = (properties.port() != 0) ? properties.port() : freeLoopbackPort();
		ServerCommand command = ServerCommand.of(installed, port);
		String url = "http://127.0.0.1:" + port;
		logger.info("Library mode: running {} from {} as a server on {} ({} -m {})", installed, runConfiguration, url,
				PythonProbe.describe(properties.python()), command.module());
		ServerLauncher launcher = new ServerLauncher(properties.python(), command, Path.of(runConfiguration), port,
				properties.stopTimeout());
		return new ServerSupervisor(launcher, new HealthCheck(url, properties.startTimeout()), url,
				installed.toString(), properties.stopTimeout());
	}

	private static int freeLoopbackPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] { 127, 0, 0, 1 }))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("no free loopback port for library mode", ex);
		}
	}

}
