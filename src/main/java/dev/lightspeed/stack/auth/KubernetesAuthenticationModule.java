package dev.lightspeed.stack.auth;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.lightspeed.stack.config.AuthenticationConfig;
import dev.lightspeed.stack.errors.ApiException;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.AuthorizationV1Api;
import io.kubernetes.client.openapi.models.V1NonResourceAttributes;
import io.kubernetes.client.openapi.models.V1SubjectAccessReview;
import io.kubernetes.client.openapi.models.V1SubjectAccessReviewSpec;
import io.kubernetes.client.openapi.models.V1SubjectAccessReviewStatus;
import io.kubernetes.client.openapi.models.V1UserInfo;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;

/**
 * {@code k8s}: the bearer token is checked with a TokenReview, then the user's access to
 * the virtual path {@code /ls-access} (verb {@code get}) with a SubjectAccessReview.
 */
class KubernetesAuthenticationModule implements AuthenticationModule {

	private static final Logger logger = LoggerFactory.getLogger(KubernetesAuthenticationModule.class);

	static final String ACCESS_PATH = "/ls-access";

	static final String KUBE_ADMIN = "kube:admin";

	private final Supplier<ApiClient> client;

	private final TokenReviews tokenReviews;

	private final ClusterIdentity clusterIdentity;

	KubernetesAuthenticationModule(Supplier<ApiClient> client, ClusterIdentity clusterIdentity) {
		this.client = client;
		this.tokenReviews = new TokenReviews(client);
		this.clusterIdentity = clusterIdentity;
	}

	/**
	 * The module for a configuration; the client is built on first use, once.
	 */
	static KubernetesAuthenticationModule create(AuthenticationConfig config, Supplier<ApiClient> discovered,
			Function<String, @Nullable String> env) {
		Supplier<ApiClient> client = KubernetesClients.lazy(config, discovered);
		return new KubernetesAuthenticationModule(client, new ClusterIdentity(client, env));
	}

	@Override
	public AuthenticatedUser authenticate(HttpServletRequest request) {
		String token = BearerToken.from(request);
		V1UserInfo user = this.tokenReviews.review(token).orElseThrow(KubernetesAuthenticationModule::invalidToken);
		String username = (user.getUsername() != null) ? user.getUsername() : "";
		String userId = KUBE_ADMIN.equals(username) ? this.clusterIdentity.clusterId() : userId(user, username);
		authorize(username, user);
		return new AuthenticatedUser(userId, username, false, token);
	}

	// uid and extra go along (0.2.0 sent user and groups only) so that a scoped token,
	// e.g. an OpenShift token with scope user:info, is judged by its scopes.
	private void authorize(String username, V1UserInfo user) {
		V1SubjectAccessReview review = new V1SubjectAccessReview().apiVersion("authorization.k8s.io/v1")
			.kind("SubjectAccessReview")
			.spec(new V1SubjectAccessReviewSpec().user(username)
				.uid(user.getUid())
				.groups((user.getGroups() != null) ? user.getGroups() : List.of())
				.extra((user.getExtra() != null) ? user.getExtra() : Map.of())
				.nonResourceAttributes(new V1NonResourceAttributes().path(ACCESS_PATH).verb("get")));
		V1SubjectAccessReviewStatus status;
		try {
			status = new AuthorizationV1Api(this.client.get()).createSubjectAccessReview(review).execute().getStatus();
		}
		catch (io.kubernetes.client.openapi.ApiException ex) {
			if (ex.getCode() > 0) {
				logger.warn("SubjectAccessReview refused with HTTP {}", ex.getCode());
				// sic: LCS 0.2.0's text for this case
				throw ApiException.text(HttpStatus.FORBIDDEN, "Internal server error");
			}
			throw unableToReviewAccess(ex);
		}
		catch (RuntimeException ex) {
			throw unableToReviewAccess(ex);
		}
		if (status == null || !Boolean.TRUE.equals(status.getAllowed())) {
			throw ApiException.text(HttpStatus.FORBIDDEN, "Forbidden: User does not have access");
		}
	}

	// Users without a uid exist (static token files, some OIDC set-ups); 0.2.0 returned
	// null there, which broke every endpoint afterwards.
	private static String userId(V1UserInfo user, String username) {
		return (user.getUid() != null && !user.getUid().isEmpty()) ? user.getUid() : username;
	}

	private static ApiException invalidToken() {
		return ApiException.text(HttpStatus.FORBIDDEN, "Forbidden: Invalid or expired token");
	}

	private static ApiException unableToReviewAccess(Exception ex) {
		logger.warn("SubjectAccessReview failed: {}", describe(ex));
		return ApiException.of(HttpStatus.INTERNAL_SERVER_ERROR, "Forbidden: Unable to Review Access", describe(ex));
	}

	/**
	 * A description of a failed API call that cannot contain the token: the message of a
	 * network failure, else only the kind of failure (a response body could echo the
	 * TokenReview, token included).
	 */
	static String describe(Throwable ex) {
		Throwable cause = (ex instanceof io.kubernetes.client.openapi.ApiException && ex.getCause() != null)
				? ex.getCause() : ex;
		if (cause instanceof IOException && cause.getMessage() != null) {
			return cause.getMessage();
		}
		if (ex instanceof io.kubernetes.client.openapi.ApiException api && api.getCode() > 0) {
			return "Kubernetes API answered HTTP " + api.getCode();
		}
		return "Unexpected " + cause.getClass().getSimpleName() + " from the Kubernetes API client";
	}

}
