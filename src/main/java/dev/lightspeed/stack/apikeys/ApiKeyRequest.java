package dev.lightspeed.stack.apikeys;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lightspeed.stack.config.QuotaPeriod;
import dev.lightspeed.stack.errors.ForbidExtraFields;
import dev.lightspeed.stack.storage.Identifiers;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /v1/admin/api-keys}, and the options of {@code api-keys create}
 * on the command line. The rules are in the constructor, so that both are checked alike.
 *
 * @param userId the user the key stands for: 1 to 255 characters, no control characters
 * @param username the user's name, the user id when not given
 * @param name a label for the key, at most 255 characters
 * @param roles the roles the key carries; {@code *} is everyone's and not listed
 * @param systemPrompt the system prompt of the key's new conversations
 * @param tokenQuota tokens the key may spend, per {@code quota_period} when given
 * @param quotaPeriod when the quota is restored, e.g. {@code 1 day}
 * @param requestsPerMinute the most queries the key may make per minute
 * @param expiresAt when the key stops working, ISO 8601 with an offset
 */
@ForbidExtraFields
record ApiKeyRequest(@JsonProperty("user_id") @NotNull String userId, @Nullable String username, @Nullable String name,
		@Nullable List<String> roles, @JsonProperty("system_prompt") @Nullable String systemPrompt,
		@JsonProperty("token_quota") @Nullable Long tokenQuota,
		@JsonProperty("quota_period") @Nullable String quotaPeriod,
		@JsonProperty("requests_per_minute") @Nullable Integer requestsPerMinute,
		@JsonProperty("expires_at") @Nullable String expiresAt) {

	private static final int MAX_SYSTEM_PROMPT = 65_536;

	ApiKeyRequest {
		require(Identifiers.isStorable(userId), "user_id must have 1 to 255 characters and no control characters");
		require(username == null || Identifiers.isStorable(username),
				"username must have 1 to 255 characters and no control characters");
		require(name == null || Identifiers.isStorable(name),
				"name must have 1 to 255 characters and no control characters");
		roles = (roles != null) ? List.copyOf(roles) : List.of();
		require(roles.stream().allMatch(Identifiers::isStorable),
				"every role must have 1 to 255 characters and no control characters");
		require(!roles.contains("*"), "the role '*' is everyone's and is not given to a key");
		require(systemPrompt == null || (!systemPrompt.isBlank() && systemPrompt.length() <= MAX_SYSTEM_PROMPT),
				"system_prompt must not be blank and have at most 65536 characters");
		require(tokenQuota == null || tokenQuota > 0, "token_quota must be greater than 0");
		require(quotaPeriod == null || tokenQuota != null, "quota_period needs a token_quota");
		if (quotaPeriod != null) {
			QuotaPeriod.parse(quotaPeriod);
		}
		require(requestsPerMinute == null || requestsPerMinute > 0, "requests_per_minute must be greater than 0");
		if (expiresAt != null) {
			expiry(expiresAt);
		}
	}

	@Nullable OffsetDateTime expiry() {
		return (this.expiresAt != null) ? expiry(this.expiresAt) : null;
	}

	String usernameOrUserId() {
		return (this.username != null) ? this.username : this.userId;
	}

	private static OffsetDateTime expiry(String text) {
		try {
			return OffsetDateTime.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					"expires_at must be an ISO 8601 date and time with an offset, e.g. " + "2027-01-31T00:00:00Z");
		}
	}

	private static void require(boolean holds, String rule) {
		if (!holds) {
			throw new IllegalArgumentException(rule);
		}
	}

}
