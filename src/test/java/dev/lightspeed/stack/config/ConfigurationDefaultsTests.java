package dev.lightspeed.stack.config;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LCS 0.2.0's defaults, seen through the {@code -d} dump and the records.
 */
class ConfigurationDefaultsTests {

	@Test
	void dumpOfMinimalConfigurationShouldShowEveryDefault() {
		LightspeedConfiguration configuration = Configs.load("");
		assertThat(ConfigurationDump.toJson(configuration)).isEqualTo("""
				{
				    "name": "test",
				    "service": {
				        "host": "localhost",
				        "port": 8080,
				        "auth_enabled": false,
				        "workers": 1,
				        "color_log": true,
				        "access_log": true,
				        "tls_config": {
				            "tls_certificate_path": null,
				            "tls_key_path": null,
				            "tls_key_password": null
				        },
				        "cors": {
				            "allow_origins": [
				                "*"
				            ],
				            "allow_credentials": false,
				            "allow_methods": [
				                "*"
				            ],
				            "allow_headers": [
				                "*"
				            ]
				        }
				    },
				    "llama_stack": {
				        "url": "http://localhost:8321",
				        "api_key": null,
				        "use_as_library_client": false,
				        "library_client_config_path": null
				    },
				    "user_data_collection": {
				        "feedback_enabled": false,
				        "feedback_storage": null,
				        "transcripts_enabled": false,
				        "transcripts_storage": null,
				        "data_collector": {
				            "enabled": false,
				            "ingress_server_url": null,
				            "ingress_server_auth_token": null,
				            "ingress_content_service_name": null,
				            "collection_interval": 7200,
				            "cleanup_after_send": true,
				            "connection_timeout_seconds": 30
				        }
				    },
				    "database": {
				        "sqlite": {
				            "db_path": "/tmp/lightspeed-stack.db"
				        },
				        "postgres": null
				    },
				    "mcp_servers": [],
				    "authentication": {
				        "module": "noop",
				        "skip_tls_verification": false,
				        "k8s_cluster_api": null,
				        "k8s_ca_cert_path": null,
				        "jwk_config": null
				    },
				    "customization": null,
				    "inference": {
				        "default_model": null,
				        "default_provider": null
				    }
				}""");
	}

	@Test
	void sectionsWhenEmptyOrNullShouldTakeTheirDefaults() {
		LightspeedConfiguration configuration = Configs.load("""
				service:
				user_data_collection:
				database: {}
				mcp_servers:
				authentication:
				inference:
				""");
		assertThat(configuration).isEqualTo(Configs.load(""));
	}

	@Test
	void postgresWhenOnlyRequiredKeysAreGivenShouldTakeDefaults() {
		DatabaseConfig database = Configs.load("database: {postgres: {db: d, user: u, password: p}}").database();
		assertThat(database.sqlite()).isNull();
		assertThat(database.postgres()).isEqualTo(new DatabaseConfig.Postgres("localhost", 5432, "d", "u", "p",
				"lightspeed-stack", "prefer", "prefer", null));
	}

	@Test
	void mcpServerWhenProviderIsNotGivenShouldUseModelContextProtocol() {
		assertThat(Configs.load("mcp_servers: [{name: fs, url: 'http://localhost:3000'}]").mcpServers())
			.containsExactly(new McpServerConfig("fs", "model-context-protocol", "http://localhost:3000"));
	}

	@Test
	void mcpServerWhenLcs04KeysAreNotGivenShouldHaveNoCredentialsAndNoTimeout() {
		McpServerConfig server = Configs.load("mcp_servers: [{name: fs, url: 'http://localhost:3000'}]")
			.mcpServers()
			.getFirst();
		assertThat(server.authorizationHeaders()).isEmpty();
		assertThat(server.headers()).isEmpty();
		assertThat(server.timeout()).isNull();
	}

	// LCS 0.4+ drops such a server with a warning instead of refusing the file
	@Test
	void mcpServerWantingAKubernetesTokenShouldBeLeftOutUnlessTheModuleGivesOne() {
		String servers = """
				mcp_servers:
				  - {name: cluster, url: 'http://cluster', authorization_headers: {Authorization: kubernetes}}
				  - {name: plain, url: 'http://plain'}
				""";
		assertThat(Configs.load(servers).mcpServers()).extracting(McpServerConfig::name).containsExactly("plain");
		assertThat(Configs.load(servers + "authentication: {module: noop-with-token}").mcpServers())
			.extracting(McpServerConfig::name)
			.containsExactly("cluster", "plain");
		assertThat(Configs.load(servers + "authentication: {module: k8s}").mcpServers()).hasSize(2);
	}

	@Test
	void jwkConfigWhenClaimsAreNotGivenShouldUseUserIdAndUsername() {
		AuthenticationConfig authentication = Configs
			.load("authentication: {module: jwk-token, jwk_config: {url: 'https://keys'}}")
			.authentication();
		assertThat(authentication.jwkConfig().jwtConfiguration())
			.isEqualTo(new AuthenticationConfig.JwtConfiguration("user_id", "username"));
		assertThat(authentication.skipTlsVerification()).isFalse();
	}

	@Test
	void customizationWhenEmptyShouldAllowQuerySystemPrompts() {
		assertThat(Configs.load("customization: {}").customization())
			.isEqualTo(new CustomizationConfig(false, null, null, false));
	}

	@Test
	void corsWhenPartlyGivenShouldKeepWildcardsForTheRest() {
		CorsConfig cors = Configs.load("service: {cors: {allow_origins: ['https://a'], allow_credentials: true}}")
			.service()
			.cors();
		assertThat(cors).isEqualTo(new CorsConfig(List.of("https://a"), true, List.of("*"), List.of("*")));
	}

	@Test
	void dataCollectorWhenConnectionTimeoutIsGivenByItsOldNameShouldUseIt() {
		assertThat(Configs.load("user_data_collection: {data_collector: {connection_timeout: 5}}")
			.userDataCollection()
			.dataCollector()
			.connectionTimeoutSeconds()).isEqualTo(5);
	}

	@Test
	void booleansWhenWrittenAsYaml11WordsShouldBeRead() {
		UserDataCollectionConfig collection = Configs.load("""
				user_data_collection:
				  feedback_enabled: yes
				  feedback_storage: /tmp/f
				  transcripts_enabled: off
				""").userDataCollection();
		assertThat(collection.feedbackEnabled()).isTrue();
		assertThat(collection.transcriptsEnabled()).isFalse();
	}

	@Test
	void scalarsWhenWrittenLooselyShouldBeReadAsTheirType() {
		ServiceConfig service = Configs.load("""
				service:
				  host: 127
				  port: ' 8081 '
				  workers: ''
				  auth_enabled: 1
				  color_log: 'False'
				""").service();
		assertThat(service.host()).isEqualTo("127");
		assertThat(service.port()).isEqualTo(8081);
		assertThat(service.workers()).isEqualTo(1);
		assertThat(service.authEnabled()).isTrue();
		assertThat(service.colorLog()).isFalse();
	}

	@Test
	void dataCollectorWhenBothTimeoutNamesAreGivenShouldUseTheLaterOne() {
		assertThat(Configs
			.load("user_data_collection: {data_collector: {connection_timeout_seconds: 4, " + "connection_timeout: 5}}")
			.userDataCollection()
			.dataCollector()
			.connectionTimeoutSeconds()).isEqualTo(5);
		assertThat(Configs
			.load("user_data_collection: {data_collector: {connection_timeout: 5, " + "connection_timeout_seconds: 4}}")
			.userDataCollection()
			.dataCollector()
			.connectionTimeoutSeconds()).isEqualTo(4);
	}

	@Test
	void llamaStackWhenUrlIsGivenWithoutLibraryFlagShouldBeServerMode() {
		LlamaStackConfig llamaStack = Configs.load("llama_stack: {url: 'http://ls:8321', api_key: k}").llamaStack();
		assertThat(llamaStack).isEqualTo(new LlamaStackConfig("http://ls:8321", "k", null, null));
	}

}
