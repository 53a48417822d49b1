package dev.lightspeed.stack.apikeys;

import java.time.Clock;

import dev.lightspeed.stack.storage.DatabaseVendor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The key service on the service's database; it is also the
 * {@link dev.lightspeed.stack.auth.ApiKeyVerifier} of the {@code api-key-token} module.
 */
@Configuration(proxyBeanMethods = false)
class ApiKeysConfiguration {

	@Bean
	ApiKeyService apiKeyService(JdbcClient jdbc, DatabaseVendor vendor) {
		return new ApiKeyService(new ApiKeyStore(jdbc, vendor, Clock.systemUTC()), Clock.systemUTC());
	}

}
