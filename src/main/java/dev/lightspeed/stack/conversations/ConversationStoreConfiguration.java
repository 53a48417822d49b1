package dev.lightspeed.stack.conversations;

import dev.lightspeed.stack.storage.DatabaseVendor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The conversation records: on SQLite, which only this process writes, kept in memory too
 * ({@link CachedConversationStore}); on PostgreSQL, which replicas share, always read
 * from the database.
 */
@Configuration(proxyBeanMethods = false)
class ConversationStoreConfiguration {

	@Bean
	ConversationStore conversationStore(JdbcClient jdbc, DatabaseVendor vendor) {
		ConversationStore store = new JdbcConversationStore(jdbc, vendor);
		return (vendor == DatabaseVendor.SQLITE) ? new CachedConversationStore(store) : store;
	}

	@Bean
	TurnTimes turnTimes(JdbcClient jdbc) {
		return new JdbcTurnTimes(jdbc);
	}

}
