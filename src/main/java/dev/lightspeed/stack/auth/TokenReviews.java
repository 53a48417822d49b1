package dev.lightspeed.stack.auth;

import java.util.Optional;
import java.util.function.Supplier;

import dev.lightspeed.stack.errors.ApiException;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.AuthenticationV1Api;
import io.kubernetes.client.openapi.models.V1TokenReview;
import io.kubernetes.client.openapi.models.V1TokenReviewSpec;
import io.kubernetes.client.openapi.models.V1TokenReviewStatus;
import io.kubernetes.client.openapi.models.V1UserInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;

/**
 * Asks the Kubernetes API whose token a bearer token is (a TokenReview), for the
 * {@code k8s} and {@code trusted-proxy} modules.
 */
final class TokenReviews {

	private static final Logger logger = LoggerFactory.getLogger(TokenReviews.class);

	private final Supplier<ApiClient> client;

	TokenReviews(Supplier<ApiClient> client) {
		this.client = client;
	}

	/**
	 * The user a token belongs to.
	 * @param token the bearer token
	 * @return the user; empty when the API server does not authenticate the token or
	 * refuses the review
	 * @throws ApiException 500 when the API server cannot be asked
	 */
	Optional<V1UserInfo> review(String token) {
		V1TokenReview review = new V1TokenReview().apiVersion("authentication.k8s.io/v1")
			.kind("TokenReview")
			.spec(new V1TokenReviewSpec().token(token));
		V1TokenReviewStatus status;
		try {
			status = new AuthenticationV1Api(this.client.get()).createTokenReview(review).execute().getStatus();
		}
		catch (io.kubernetes.client.openapi.ApiException ex) {
			if (ex.getCode() > 0) {
				logger.debug("TokenReview refused with HTTP {}", ex.getCode());
				return Optional.empty();
			}
			throw unableToReview(ex);
		}
		catch (RuntimeException ex) {
			throw unableToReview(ex);
		}
		if (status == null || !Boolean.TRUE.equals(status.getAuthenticated())) {
			return Optional.empty();
		}
		return Optional.ofNullable(status.getUser());
	}

	private static ApiException unableToReview(Exception ex) {
		String cause = KubernetesAuthenticationModule.describe(ex);
		logger.warn("TokenReview failed: {}", cause);
		return ApiException.of(HttpStatus.INTERNAL_SERVER_ERROR, "Forbidden: Unable to Review Token", cause);
	}

}
