package dev.lightspeed.stack.auth;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The identity of an {@code x-rh-identity} header, checked as LCS 0.7 checks it: a
 * {@code User} (its {@code user_id} and {@code username}), a {@code System} (its
 * certificate's {@code cn}, named by {@code account_number} when there is one, and an
 * {@code org_id}) or a {@code ServiceAccount} (its {@code client_id} and
 * {@code username}). Every value used must be a non-blank string of at most 256
 * characters without control characters.
 *
 * @param userId the user id
 * @param username the user name
 * @param entitlements the {@code entitlements} member, or null
 */
record RhIdentity(String userId, String username, @Nullable JsonNode entitlements) {

	private static final Logger logger = LoggerFactory.getLogger(RhIdentity.class);

	private static final int MAX_LENGTH = 256;

	static RhIdentity of(JsonNode document) {
		JsonNode identity = document.path("identity");
		if (!identity.isObject()) {
			throw invalid("missing 'identity'");
		}
		String type = identity.path("type").isString() ? identity.path("type").stringValue() : "";
		JsonNode entitlements = document.get("entitlements");
		checkIfPresent(identity, "org_id");
		return switch (type) {
			case "User" -> {
				JsonNode user = identity.path("user");
				yield new RhIdentity(field(user, "user_id"), field(user, "username"), entitlements);
			}
			case "System" -> {
				String cn = field(identity.path("system"), "cn");
				field(identity, "org_id");
				checkIfPresent(identity, "account_number");
				String account = identity.path("account_number").asString("");
				yield new RhIdentity(cn, account.isEmpty() ? cn : account, entitlements);
			}
			case "ServiceAccount" -> {
				JsonNode account = identity.path("service_account");
				yield new RhIdentity(field(account, "client_id"), field(account, "username"), entitlements);
			}
			default -> throw invalid("unsupported identity type");
		};
	}

	boolean entitledTo(String service) {
		JsonNode entitled = (this.entitlements != null) ? this.entitlements.path(service).path("is_entitled") : null;
		return entitled != null && entitled.isBoolean() && entitled.booleanValue();
	}

	// absent, null and "" pass (LCS: no-cost RHEL subscriptions send an empty
	// account_number)
	private static void checkIfPresent(JsonNode object, String name) {
		JsonNode value = object.get(name);
		if (value != null && !value.isNull() && !(value.isString() && value.stringValue().isEmpty())) {
			field(object, name);
		}
	}

	private static String field(JsonNode object, String name) {
		JsonNode value = object.path(name);
		if (!value.isString()) {
			throw invalid("'" + name + "' missing or not a string");
		}
		String text = value.stringValue();
		if (text.isBlank() || text.length() > MAX_LENGTH || text.chars().anyMatch((c) -> c < 32 || c == 127)) {
			throw invalid("'" + name + "' empty, too long or with control characters");
		}
		return text;
	}

	// the reason goes to the log only: the answer does not help a forger
	private static RuntimeException invalid(String reason) {
		logger.warn("x-rh-identity refused: {}", reason);
		return RhIdentityAuthenticationModule.badRequest("Invalid identity data");
	}

}
