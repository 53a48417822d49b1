package dev.lightspeed.stack.config;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The {@code authentication.trusted_proxy_config} section of the {@code trusted-proxy}
 * module (LCS 0.6.0): a proxy in front of the service authenticates users and names them
 * in a header; the service trusts that header only from the listed Kubernetes service
 * accounts. LCS accepts any service account when the list is absent; we refuse to start
 * instead, since any pod of the cluster could then act as any user.
 *
 * @param userHeader the header naming the user
 * @param allowedServiceAccounts the proxies' service accounts
 */
public record TrustedProxyConfig(@JsonProperty("user_header") String userHeader,
		@JsonProperty("allowed_service_accounts") List<ServiceAccount> allowedServiceAccounts) implements CrossChecked {

	public TrustedProxyConfig {
		userHeader = (userHeader != null) ? userHeader : "X-Forwarded-User";
		allowedServiceAccounts = (allowedServiceAccounts != null) ? List.copyOf(allowedServiceAccounts) : List.of();
	}

	// required, and not empty: said once, in LCS's words for neither
	@Override
	public void crossCheck(SectionCheck section) {
		section.check(!this.allowedServiceAccounts.isEmpty(), "allowed_service_accounts",
				"List at least one service account: without one, any service account of the cluster could act as"
						+ " any user");
	}

	/**
	 * One entry of {@code allowed_service_accounts}.
	 *
	 * @param namespace the service account's namespace
	 * @param name its name
	 */
	public record ServiceAccount(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String namespace,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name) {

		/**
		 * The user name a TokenReview reports for this account.
		 * @return {@code system:serviceaccount:<namespace>:<name>}
		 */
		public String username() {
			return "system:serviceaccount:" + this.namespace + ":" + this.name;
		}

	}

}
