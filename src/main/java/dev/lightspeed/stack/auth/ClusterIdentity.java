package dev.lightspeed.stack.auth;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.lightspeed.stack.errors.ApiException;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * The cluster id that stands in for the user id of {@code kube:admin}: OpenShift's
 * {@code ClusterVersion/version} {@code spec.clusterID} when running in a cluster,
 * {@code local} outside one. Read once; a failure is retried on the next request.
 */
final class ClusterIdentity {

	static final String OUTSIDE_CLUSTER = "local";

	private final Supplier<ApiClient> client;

	private final Function<String, @Nullable String> env;

	private volatile @Nullable String clusterId;

	ClusterIdentity(Supplier<ApiClient> client, Function<String, @Nullable String> env) {
		this.client = client;
		this.env = env;
	}

	String clusterId() {
		if (!KubernetesClients.inCluster(this.env)) {
			return OUTSIDE_CLUSTER;
		}
		String id = this.clusterId;
		if (id == null) {
			id = read();
			this.clusterId = id;
		}
		return id;
	}

	private String read() {
		Object version;
		try {
			version = new CustomObjectsApi(this.client.get())
				.getClusterCustomObject("config.openshift.io", "v1", "clusterversions", "version")
				.execute();
		}
		catch (io.kubernetes.client.openapi.ApiException | RuntimeException ex) {
			throw failure(KubernetesAuthenticationModule.describe(ex));
		}
		if (version instanceof Map<?, ?> object && object.get("spec") instanceof Map<?, ?> spec
				&& spec.get("clusterID") instanceof String id && !id.isEmpty()) {
			return id;
		}
		throw failure("ClusterVersion 'version' has no spec.clusterID");
	}

	private static ApiException failure(String cause) {
		return ApiException.of(HttpStatus.INTERNAL_SERVER_ERROR, "Unable to retrieve cluster ID", cause);
	}

}
