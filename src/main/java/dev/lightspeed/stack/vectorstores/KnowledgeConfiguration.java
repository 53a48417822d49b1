package dev.lightspeed.stack.vectorstores;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KnowledgeProperties.class)
class KnowledgeConfiguration {

	@Bean
	KnowledgeOwners knowledgeOwners(JdbcClient jdbc) {
		return new JdbcKnowledgeOwners(jdbc, Clock.systemUTC());
	}

}
