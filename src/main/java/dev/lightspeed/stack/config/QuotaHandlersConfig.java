package dev.lightspeed.stack.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The {@code quota_handlers} section (LCS 0.3.1): token quotas per user and for the whole
 * cluster, each restored every {@code period} by a scheduler, and optionally a history of
 * the tokens each user spent. The counters live in the section's own database when it
 * names one (as in LCS), else in the service's {@code database}.
 *
 * @param sqlite SQLite for the counters
 * @param postgres PostgreSQL for the counters
 * @param limiters the quotas
 * @param scheduler how often the quotas are looked at
 * @param enableTokenHistory whether to keep the tokens spent per user, provider and model
 */
public record QuotaHandlersConfig(DatabaseConfig.@Nullable Sqlite sqlite, DatabaseConfig.@Nullable Postgres postgres,
		List<Limiter> limiters, Scheduler scheduler,
		@JsonProperty("enable_token_history") Boolean enableTokenHistory) implements CrossChecked {

	/** The limiter name the quotas of API keys are shown under. */
	public static final String API_KEY_LIMITER = "api_key";

	public QuotaHandlersConfig {
		limiters = (limiters != null) ? List.copyOf(limiters) : List.of();
		scheduler = (scheduler != null) ? scheduler : new Scheduler(null);
		enableTokenHistory = (enableTokenHistory != null) ? enableTokenHistory : false;
	}

	@Override
	public void crossCheck(SectionCheck section) {
		DatabaseConfig database = database();
		if (database != null) {
			database.crossCheck(section);
		}
		Set<String> names = new HashSet<>();
		section.check(this.limiters.stream().allMatch((limiter) -> names.add(limiter.name)), "limiters",
				"Limiter names must be unique: they name the quotas in available_quotas");
	}

	/**
	 * The database the counters live in, when the section names one.
	 * @return the database, or null for the service's
	 */
	public @Nullable DatabaseConfig database() {
		return (this.sqlite != null || this.postgres != null) ? new DatabaseConfig(this.sqlite, this.postgres) : null;
	}

	/**
	 * One entry of {@code limiters}.
	 *
	 * @param name names the quota in {@code available_quotas}
	 * @param type {@code user_limiter} (a quota per user) or {@code cluster_limiter} (one
	 * for everyone)
	 * @param initialQuota tokens at the start of each period; 0 to keep what is left
	 * @param quotaIncrease tokens added at the end of each period
	 * @param period when the quota is restored, e.g. {@code 1 day}
	 */
	public record Limiter(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {
					"user_limiter", "cluster_limiter" }) String type,
			@JsonProperty("initial_quota") @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					minimum = "0") Long initialQuota,
			@JsonProperty("quota_increase") @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					minimum = "0") Long quotaIncrease,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String period) implements CrossChecked{

		@Override
		public void crossCheck(SectionCheck section) {
			section.check(!API_KEY_LIMITER.equals(this.name), "name",
					"The name api_key is the quota of API keys; choose another");
			section.check(this.period == null || isPeriod(this.period), "period", QuotaPeriod.RULE);
		}

		/**
		 * Whether each user has a quota of their own.
		 * @return true for {@code user_limiter}
		 */
		public boolean perUser() {
			return "user_limiter".equals(this.type);
		}

		private static boolean isPeriod(String text) {
			try {
				QuotaPeriod.parse(text);
				return true;
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
		}

	}

	/**
	 * The {@code quota_handlers.scheduler} section.
	 *
	 * @param period seconds between two looks at the quotas
	 */
	public record Scheduler(@Schema(minimum = "1") Integer period) {

		public Scheduler {
			period = (period != null) ? period : 1;
		}

	}

}
