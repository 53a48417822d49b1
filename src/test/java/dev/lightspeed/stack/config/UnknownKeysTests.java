package dev.lightspeed.stack.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys the schema does not know are accepted (as LCS 0.2.0 does) with one warning naming
 * them; keys that LCS 0.3 to 0.7.1 added and this service does not implement yet are
 * named in another, so a file written for those releases loads.
 */
class UnknownKeysTests {

	// the keys of LCS 0.3 to 0.7.1 (and 0.3-0.6 keys 0.7.1 dropped) this service does not
	// read, each with a value of its own shape
	private static final String EVERY_LATER_KEY = """
			config_format_version: legacy
			service: {base_url: 'http://x', root_path: /api, max_concurrent_file_uploads: 4,
			  max_concurrent_vector_store_attaches: 2, delete_file_after_vector_store_attach: true}
			llama_stack: {url: 'http://x', timeout: 180, max_retries: 3, retry_delay: 2, allow_degraded_mode: true,
			  config: {baseline: default, profile: p, native_override: {}}}
			authentication:
			  module: jwk-token
			  skip_for_health_probes: true
			  skip_for_metrics: true
			  api_key_config: {api_key: k}
			  rh_identity_config: {required_entitlements: [rhel], max_header_size: 8192}
			  trusted_proxy_config: {user_header: X-User, allowed_service_accounts: [{name: a, namespace: b}]}
			  jwk_config:
			    url: 'https://keys'
			    jwt_configuration: {role_rules: [{jsonpath: '$.groups[*]', operator: contains, value: admins,
			      roles: [admin]}]}
			authorization: {access_rules: [{role: admin, actions: [admin]}]}
			customization: {profile_path: p.py, disable_shield_ids_override: true, agent_card_path: a.yaml,
			  agent_card_config: {name: x}, allow_verbose_infer: false}
			inference: {context_windows: {m: 8192}, providers: [{type: openai, api_key_env: KEY}], max_infer_iters: 5,
			  max_tool_calls: 10}
			mcp_servers: [{name: a, url: 'http://a', require_approval: {always: [delete], never: [read]}}]
			conversation_cache: {type: memory, memory: {max_entries: 1000}}
			byok_rag: [{rag_id: r, rag_type: inline::faiss, embedding_model: m, embedding_dimension: 768,
			  vector_db_id: v, db_path: /tmp/r.db}]
			a2a_state: {sqlite: {db_path: /tmp/a2a.db}}
			quota_handlers: {sqlite: {db_path: /tmp/q.db}, limiters: [], scheduler: {period: 1}}
			azure_entra_id: {tenant_id: t, client_id: c, client_secret: s}
			splunk: {enabled: false}
			deployment_environment: production
			rag: {inline: [], tool: []}
			okp: {offline: true}
			reranker: {enabled: false}
			compaction: {enabled: true, threshold_ratio: 0.8}
			approvals: {approval_timeout_seconds: 300}
			rlsapi_v1: {allow_verbose_infer: true}
			skills: {paths: [/skills]}
			vector_store: {default_provider: faiss, providers: []}
			observability: {otel: {endpoint: 'http://otel:4317'}}
			saved_prompts: {max_prompts_per_user: 10}
			shields: [{name: q, provider_id: question_validity, config: {model_id: m, model_prompt: p,
			  invalid_question_response: no}}]
			""";

	private final Logger logger = (Logger) LoggerFactory.getLogger(ConfigurationLoader.class);

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	@BeforeEach
	void captureLog() {
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	@AfterEach
	void releaseLog() {
		this.logger.detachAppender(this.appender);
	}

	@Test
	void unknownKeysShouldBeNamedInOneWarning() {
		LightspeedConfiguration configuration = Configs.load("""
				service: {port: 8081, foo: 1}
				foo: {bar: baz}
				mcp_servers: [{name: a, url: 'http://a', colour: blue}]
				""");
		assertThat(configuration.service().port()).isEqualTo(8081);
		assertThat(warnings()).singleElement()
			.asString()
			.startsWith("Unknown configuration keys ignored: ")
			.contains("service.foo", "mcp_servers[0].colour")
			.matches(".*: (.*, )?foo(, .*)?$");
	}

	@Test
	void keysOfLaterLcsReleasesShouldBeNamedApartFromTypos() {
		Configs.load("""
				authorization: {access_rules: []}
				authentication: {skip_userid_check: true, skip_for_health_probes: true}
				mcp_servers: [{name: a, url: 'http://a', require_approval: never}]
				""");
		assertThat(warnings()).containsExactly(
				"Configuration keys of LCS 0.3-0.7.1 that this service does not implement yet, ignored: "
						+ "mcp_servers[0].require_approval, authentication.skip_for_health_probes, authorization",
				"Unknown configuration keys ignored: authentication.skip_userid_check");
	}

	@Test
	void anLcs071FileShouldLoadWithOneWarningNamingWhatIsNotImplemented() {
		LightspeedConfiguration configuration = new ConfigurationLoader((name) -> null)
			.load(Path.of("examples/lightspeed-stack-lcs-0.7.1.yaml"));
		assertThat(warnings())
			.containsExactly("Configuration keys of LCS 0.3-0.7.1 that this service does not implement yet, ignored: "
					+ "service.base_url, ogx.timeout, customization.profile_path, conversation_cache, "
					+ "authorization, quota_handlers");
		assertThat(configuration.llamaStack().url()).isEqualTo("http://localhost:8321");
		assertThat(configuration.mcpServers()).singleElement().satisfies((server) -> {
			assertThat(server.authorizationHeaders()).containsExactly(Map.entry("Authorization", "client"));
			assertThat(server.timeout()).isEqualTo(30);
		});
	}

	@Test
	void everyKeyOfLcs03To071ShouldBeAccepted() {
		Configs.load(EVERY_LATER_KEY);
		assertThat(warnings()).singleElement()
			.asString()
			.startsWith("Configuration keys of LCS 0.3-0.7.1 that this service does not implement yet, ignored: ");
	}

	@Test
	void knownKeysShouldNotBeWarnedAbout() {
		Configs.load("service: {port: 8081}\nuser_data_collection: {data_collector: {connection_timeout: 3}}\n");
		assertThat(warnings()).isEmpty();
	}

	private List<String> warnings() {
		return this.appender.list.stream()
			.filter((event) -> event.getLevel() == Level.WARN)
			.map(ILoggingEvent::getFormattedMessage)
			.toList();
	}

}
