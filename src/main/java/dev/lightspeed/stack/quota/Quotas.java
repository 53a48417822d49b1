package dev.lightspeed.stack.quota;

import java.util.ArrayList;
import java.util.List;

import dev.lightspeed.stack.auth.ApiKeyGrant;
import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.config.QuotaHandlersConfig;
import dev.lightspeed.stack.errors.ApiException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;

/**
 * Lets a query through, or not, before it reaches Llama Stack: the caller's request rates
 * first, then every quota the query counts against (each configured limiter, and the API
 * key's own quota), whose tokens are set aside until the query is settled.
 */
public class Quotas {

	private static final Logger logger = LoggerFactory.getLogger(Quotas.class);

	private final QuotaStore store;

	private final @Nullable QuotaHandlersConfig config;

	private final RequestRates rates;

	private final long reservation;

	Quotas(QuotaStore store, @Nullable QuotaHandlersConfig config, RequestRates rates, long reservation) {
		this.store = store;
		this.config = config;
		this.rates = rates;
		this.reservation = reservation;
	}

	/**
	 * Admits a query.
	 * @param user the caller
	 * @param estimate the tokens the query's input will cost, roughly
	 * @return the admission, to settle when the query is over
	 * @throws ApiException 429 when a rate or a quota is exhausted, 503 when the quotas
	 * cannot be read
	 */
	public Admission admit(AuthenticatedUser user, long estimate) {
		this.rates.take(user);
		List<QuotaCounter> counters = counters(user);
		String historyUser = (this.config != null && this.config.enableTokenHistory()) ? user.userId() : null;
		if (counters.isEmpty()) {
			return (historyUser != null) ? new Admission(this.store, List.of(), historyUser) : Admission.NONE;
		}
		try {
			return new Admission(this.store, this.store.reserve(counters, Math.max(estimate, this.reservation)),
					historyUser);
		}
		catch (DataAccessException ex) {
			logger.warn("Quotas cannot be checked: {}", ex.getMostSpecificCause().getMessage());
			throw ApiException.of(HttpStatus.SERVICE_UNAVAILABLE, "Unable to check the quota",
					"The quota database could not be read");
		}
	}

	private List<QuotaCounter> counters(AuthenticatedUser user) {
		List<QuotaCounter> counters = new ArrayList<>();
		if (this.config != null) {
			for (QuotaHandlersConfig.Limiter limiter : this.config.limiters()) {
				counters.add(counter(limiter, user.userId()));
			}
		}
		ApiKeyGrant key = user.apiKey();
		if (key != null && key.tokenQuota() != null) {
			counters.add(new QuotaCounter(QuotaHandlersConfig.API_KEY_LIMITER, key.keyId(), 'k', key.tokenQuota(), 0,
					key.quotaPeriod()));
		}
		return counters;
	}

	static QuotaCounter counter(QuotaHandlersConfig.Limiter limiter, String userId) {
		return new QuotaCounter(limiter.name(), limiter.perUser() ? userId : "", limiter.perUser() ? 'u' : 'c',
				limiter.initialQuota(), limiter.quotaIncrease(), limiter.period());
	}

}
