package dev.lightspeed.stack.auth;

import java.util.Set;
import java.util.stream.Collectors;

import dev.lightspeed.stack.config.TrustedProxyConfig;
import dev.lightspeed.stack.errors.ApiException;
import io.kubernetes.client.openapi.models.V1UserInfo;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * {@code trusted-proxy} (LCS 0.6.0): the bearer token is a proxy's Kubernetes service
 * account token, checked with a TokenReview; when the account is one of
 * {@code allowed_service_accounts}, the caller is the user the proxy names in
 * {@code user_header}.
 */
class TrustedProxyAuthenticationModule implements AuthenticationModule {

	private static final Logger logger = LoggerFactory.getLogger(TrustedProxyAuthenticationModule.class);

	private static final int MAX_USER_LENGTH = 256;

	private final TokenReviews tokenReviews;

	private final String userHeader;

	private final Set<String> allowedAccounts;

	TrustedProxyAuthenticationModule(TrustedProxyConfig config, TokenReviews tokenReviews) {
		this.tokenReviews = tokenReviews;
		this.userHeader = config.userHeader();
		this.allowedAccounts = config.allowedServiceAccounts()
			.stream()
			.map(TrustedProxyConfig.ServiceAccount::username)
			.collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public AuthenticatedUser authenticate(HttpServletRequest request) {
		if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
			throw BearerToken.unauthorized("Missing Authorization header");
		}
		String token = BearerToken.orUnauthorized(request);
		V1UserInfo proxy = this.tokenReviews.review(token)
			.orElseThrow(() -> BearerToken.unauthorized("Invalid or expired proxy service account token"));
		String account = (proxy.getUsername() != null) ? proxy.getUsername() : "";
		if (account.isEmpty()) {
			throw BearerToken.unauthorized("Invalid service account token: missing username");
		}
		if (!this.allowedAccounts.contains(account)) {
			logger.warn("Service account '{}' is not in the trusted-proxy allowlist", account);
			throw ApiException.of(HttpStatus.FORBIDDEN, "User does not have permission to access this endpoint",
					"User " + account + " is not authorized to access this endpoint.");
		}
		String header = request.getHeader(this.userHeader);
		String user = (header != null) ? header.strip() : "";
		if (user.isEmpty()) {
			throw BearerToken.unauthorized("Missing required header '" + this.userHeader + "'");
		}
		// the user id names directories and database rows: nothing a proxy bug could
		// smuggle in
		if (user.length() > MAX_USER_LENGTH || user.chars().anyMatch((c) -> c < 32 || c == 127)) {
			throw BearerToken.unauthorized("Invalid user in header '" + this.userHeader + "'");
		}
		return new AuthenticatedUser(user, user, true, "");
	}

}
