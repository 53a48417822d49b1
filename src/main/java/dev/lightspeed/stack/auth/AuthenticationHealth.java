package dev.lightspeed.stack.auth;

import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import dev.lightspeed.stack.config.AuthenticationConfig;
import dev.lightspeed.stack.health.ComponentCheck;
import dev.lightspeed.stack.health.HealthChecks;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.VersionApi;

/**
 * The authentication back end as a component of {@code /v1/health}: the JWK set of
 * {@code jwk-token} (fetched and parsed), the Kubernetes API of {@code k8s} and
 * {@code trusted-proxy} (its version). The other modules have none.
 */
final class AuthenticationHealth {

	private AuthenticationHealth() {
	}

	static HealthChecks of(AuthenticationConfig authentication) {
		ComponentCheck check = switch (authentication.module()) {
			case "jwk-token" -> ComponentCheck.of("authentication:jwk_set", true, () -> {
				String url = authentication.jwkConfig().url();
				String body = JwkTokenAuthenticationModule.jwkSetClient().getForObject(url, String.class);
				return JWKSet.parse(String.valueOf(body)).getKeys().size() + " keys";
			});
			case "k8s", "trusted-proxy" -> {
				var client = KubernetesClients.lazy(authentication, () -> KubernetesClients.discover(System::getenv));
				yield ComponentCheck.of("authentication:kubernetes_api", true, () -> version(client.get()));
			}
			default -> null;
		};
		return () -> (check != null) ? List.of(check) : List.of();
	}

	private static String version(ApiClient client) {
		try {
			return "Kubernetes " + new VersionApi(client).getCode().execute().getGitVersion();
		}
		catch (io.kubernetes.client.openapi.ApiException ex) {
			// the exception's message carries the whole response
			throw new IllegalStateException(KubernetesAuthenticationModule.describe(ex), ex);
		}
	}

}
