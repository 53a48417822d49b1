package dev.lightspeed.stack.auth;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.lightspeed.stack.config.AuthenticationConfig;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.function.SingletonSupplier;

/**
 * Builds the Kubernetes API client of the {@code k8s} module as LCS 0.2.0 does:
 * in-cluster configuration, else kubeconfig, else defaults; then {@code k8s_cluster_api},
 * {@code skip_tls_verification} and {@code k8s_ca_cert_path} override what was found.
 */
final class KubernetesClients {

	private static final Logger logger = LoggerFactory.getLogger(KubernetesClients.class);

	private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

	private static final int READ_TIMEOUT_MILLIS = 10_000;

	private KubernetesClients() {
	}

	/**
	 * The client for a configuration, built on first use, once.
	 */
	static Supplier<ApiClient> lazy(AuthenticationConfig config, Supplier<ApiClient> discovered) {
		return SingletonSupplier.of(() -> create(config, discovered));
	}

	static ApiClient create(AuthenticationConfig config, Supplier<ApiClient> discovered) {
		ApiClient client = discovered.get();
		String clusterApi = config.k8sClusterApi();
		if (clusterApi != null) {
			client
				.setBasePath(clusterApi.endsWith("/") ? clusterApi.substring(0, clusterApi.length() - 1) : clusterApi);
		}
		// Both setters re-read the CA stream the client holds (the kubeconfig's or the
		// service account's), which the library gives as a ByteArrayInputStream that its
		// first reading exhausted: rewind it, and set each only when it changes.
		boolean verify = !config.skipTlsVerification();
		if (client.isVerifyingSsl() != verify) {
			rewind(client.getSslCaCert());
			client.setVerifyingSsl(verify);
		}
		String caCertPath = config.k8sCaCertPath();
		if (caCertPath != null) {
			try {
				client.setSslCaCert(new ByteArrayInputStream(Files.readAllBytes(Path.of(caCertPath))));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read k8s_ca_cert_path " + caCertPath, ex);
			}
		}
		client.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
		client.setReadTimeout(READ_TIMEOUT_MILLIS);
		return client;
	}

	private static void rewind(@Nullable InputStream stream) {
		if (stream != null && stream.markSupported()) {
			try {
				stream.reset();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/**
	 * The client the environment describes: the pod's service account when running in a
	 * cluster, else the kubeconfig ({@code KUBECONFIG}, its first file when it lists
	 * several, or {@code ~/.kube/config}), else the library's defaults.
	 * @param env environment lookup
	 * @return the client
	 */
	static ApiClient discover(Function<String, @Nullable String> env) {
		try {
			if (inCluster(env)) {
				return ClientBuilder.cluster().build();
			}
			Path kubeconfig = kubeconfig(env);
			if (Files.isRegularFile(kubeconfig)) {
				return fromKubeconfig(kubeconfig);
			}
			logger.warn("Not in a cluster and no kubeconfig at {}; continuing with defaults", kubeconfig);
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("No usable Kubernetes client configuration ({}); continuing with defaults", ex.toString());
		}
		return new ClientBuilder().build();
	}

	static Path kubeconfig(Function<String, @Nullable String> env) {
		String paths = env.apply("KUBECONFIG");
		if (paths != null && !paths.isBlank()) {
			return Path.of(paths.split(File.pathSeparator)[0]);
		}
		String home = env.apply("HOME");
		return Path.of((home != null) ? home : System.getProperty("user.home"), ".kube", "config");
	}

	private static ApiClient fromKubeconfig(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file)) {
			KubeConfig kubeconfig = KubeConfig.loadKubeConfig(reader);
			// certificate and key files named in it are relative to it
			kubeconfig.setFile(file.toAbsolutePath().toFile());
			return ClientBuilder.kubeconfig(kubeconfig).build();
		}
	}

	static boolean inCluster(Function<String, @Nullable String> env) {
		return env.apply("KUBERNETES_SERVICE_HOST") != null && env.apply("KUBERNETES_SERVICE_PORT") != null;
	}

}
