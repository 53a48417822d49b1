package dev.lightspeed.stack.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.lightspeed.stack.config.AuthenticationConfig;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	static ApiClient create(AuthenticationConfig config, Supplier<ApiClient> discovered) {
		ApiClient client = discovered.get();
		String clusterApi = config.k8sClusterApi();
		if (clusterApi != null) {
			client
				.setBasePath(clusterApi.endsWith("/") ? clusterApi.substring(0, clusterApi.length() - 1) : clusterApi);
		}
		String caCertPath = config.k8sCaCertPath();
		if (caCertPath != null) {
			try (InputStream caCert = Files.newInputStream(Path.of(caCertPath))) {
				client.setSslCaCert(caCert);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read k8s_ca_cert_path " + caCertPath, ex);
			}
		}
		client.setVerifyingSsl(!config.skipTlsVerification());
		client.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
		client.setReadTimeout(READ_TIMEOUT_MILLIS);
		return client;
	}

	/**
	 * The client the environment describes: the pod's service account when running in a
	 * cluster, else the kubeconfig ({@code KUBECONFIG} or {@code ~/.kube/config}), else
	 * the library's defaults.
	 * @param env environment lookup
	 * @return the client
	 */
	static ApiClient discover(Function<String, @Nullable String> env) {
		try {
			if (inCluster(env)) {
				return ClientBuilder.cluster().build();
			}
			return ClientBuilder.standard(false).build();
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("No usable Kubernetes client configuration ({}); continuing with defaults", ex.toString());
			return new ClientBuilder().build();
		}
	}

	static boolean inCluster(Function<String, @Nullable String> env) {
		return env.apply("KUBERNETES_SERVICE_HOST") != null && env.apply("KUBERNETES_SERVICE_PORT") != null;
	}

}
