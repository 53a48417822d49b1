package dev.lightspeed.stack.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every rule of LCS 0.2.0's configuration schema, reported as {@code key.path: rule}.
 */
class ConfigurationValidationTests {

	private static final String URL_RULE = "Input should be a valid URL with scheme http or https";

	private static final String NO_RUN_CONFIGURATION = "llama_stack.library_client_config_path: LLama stack library "
			+ "client mode is enabled but a configuration file path is not specified";

	static Stream<Arguments> rules() {
		return Stream.of(
				// service
				Arguments.of("service: {port: 0}", "service.port: Input should be greater than 0"),
				Arguments.of("service: {port: -1}", "service.port: Input should be greater than 0"),
				Arguments.of("service: {port: 65536}", "service.port: Port value should be less than 65536"),
				Arguments.of("service: {port: abc}", "service.port: Input should be a valid integer"),
				Arguments.of("service: {port: 80.5}", "service.port: Input should be a valid integer"),
				Arguments.of("service: {port: 99999999999}",
						"service.port: Input should be a valid integer, number out of range"),
				Arguments.of("service: {workers: 0}", "service.workers: Input should be greater than 0"),
				Arguments.of("service: {auth_enabled: maybe}", "service.auth_enabled: Input should be a valid boolean"),
				Arguments.of("service: {tls_config: {tls_certificate_path: /no/such/cert.pem}}",
						"service.tls_config.tls_certificate_path: Path does not point to a file"),
				Arguments.of("service: {tls_config: {tls_key_path: /no/such/key.pem}}",
						"service.tls_config.tls_key_path: Path does not point to a file"),
				Arguments.of("service: {tls_config: {tls_key_password: /tmp}}",
						"service.tls_config.tls_key_password: Path does not point to a file"),
				Arguments.of("service: {cors: {allow_credentials: true}}",
						"service.cors.allow_credentials: Invalid CORS configuration: allow_credentials can not be set "
								+ "to true when allow origins contains '*' wildcard.Use explicit origins or disable "
								+ "credential."),
				Arguments.of("service: {cors: {allow_origins: [a, '*'], allow_credentials: true}}",
						"service.cors.allow_credentials: Invalid CORS configuration: allow_credentials can not be set "
								+ "to true when allow origins contains '*' wildcard.Use explicit origins or disable "
								+ "credential."),
				Arguments.of("service: {cors: {allow_origins: a}}",
						"service.cors.allow_origins: Input should be a valid list"),
				Arguments.of("service: 5", "service: Input should be a valid dictionary"),
				// llama_stack
				Arguments.of("llama_stack: {}",
						"llama_stack.url: LLama stack URL is not specified and library client mode is not specified"),
				Arguments.of("llama_stack:",
						"llama_stack.url: LLama stack URL is not specified and library client "
								+ "mode is not specified"),
				Arguments.of("llama_stack: {use_as_library_client: false}",
						"llama_stack.url: LLama stack URL is not specified and library client mode is not enabled"),
				Arguments.of("llama_stack: {use_as_library_client: true, library_client_config_path: run.yaml}",
						"llama_stack.library_client_config_path: Llama Stack configuration file 'run.yaml' is not a "
								+ "file"),
				Arguments.of("llama_stack: {use_as_library_client: true, library_client_config_path: /tmp}",
						"llama_stack.library_client_config_path: Llama Stack configuration file '/tmp' is not a file"),
				Arguments.of("llama_stack: {use_as_library_client: true}", NO_RUN_CONFIGURATION),
				Arguments.of("llama_stack: {url: 'http://x', use_as_library_client: true}", NO_RUN_CONFIGURATION),
				// user_data_collection
				Arguments.of("user_data_collection: {feedback_enabled: true}",
						"user_data_collection.feedback_storage: feedback_storage is required when feedback is enabled"),
				Arguments.of("user_data_collection: {transcripts_enabled: true}",
						"user_data_collection.transcripts_storage: transcripts_storage is required when transcripts "
								+ "is enabled"),
				Arguments.of("user_data_collection: {feedback_enabled: maybe}",
						"user_data_collection.feedback_enabled: Input should be a valid boolean"),
				Arguments.of("user_data_collection: {data_collector: {collection_interval: 0}}",
						"user_data_collection.data_collector.collection_interval: Input should be greater than 0"),
				Arguments.of("user_data_collection: {data_collector: {connection_timeout: 0}}",
						"user_data_collection.data_collector.connection_timeout: Input should be greater " + "than 0"),
				Arguments.of(
						"user_data_collection: {data_collector: {enabled: true, ingress_server_url: 'ftp://x', "
								+ "ingress_server_auth_token: t, ingress_content_service_name: s}}",
						"user_data_collection.data_collector.ingress_server_url: " + URL_RULE),
				// database
				Arguments.of("database: {sqlite: {db_path: /tmp/a.db}, postgres: {db: d, user: u, password: p}}",
						"database: Only one database configuration can be provided"),
				Arguments.of("database: {sqlite: {}}", "database.sqlite.db_path: Field required"),
				Arguments.of("database: {postgres: {db: d, user: u, password: p, port: 0}}",
						"database.postgres.port: Input should be greater than 0"),
				Arguments.of("database: {postgres: {db: d, user: u, password: p, port: 65536}}",
						"database.postgres.port: Port value should be less than 65536"),
				Arguments.of("database: {postgres: {db: d, user: u, password: p, ca_cert_path: /no/ca.crt}}",
						"database.postgres.ca_cert_path: Path does not point to a file"),
				// mcp_servers
				Arguments.of("mcp_servers: [{name: a, url: 'http://a'}, {name: b}]",
						"mcp_servers[1].url: Field required"),
				Arguments.of("mcp_servers: [{url: 'http://a'}]", "mcp_servers[0].name: Field required"),
				Arguments.of("mcp_servers: foo", "mcp_servers: Input should be a valid list"),
				Arguments.of("mcp_servers: [{name: a, url: 'http://a', authorization_headers: {X-Key: /no/token}}]",
						"mcp_servers[0].authorization_headers.X-Key: Path does not point to a readable file"),
				Arguments.of("mcp_servers: [{name: a, url: 'http://a', authorization_headers: {'X Key': client}}]",
						"mcp_servers[0].authorization_headers.X Key: Header name is not a valid HTTP header name"),
				Arguments.of("mcp_servers: [{name: a, url: 'http://a', authorization_headers: client}]",
						"mcp_servers[0].authorization_headers: Input should be a valid dictionary"),
				Arguments.of("mcp_servers: [{name: a, url: 'http://a', authorization_headers: {X-Key: [a]}}]",
						"mcp_servers[0].authorization_headers.X-Key: Input should be a valid string"),
				Arguments.of("mcp_servers: [{name: a, url: 'http://a', headers: [x-rh-identity, X-RH-Identity]}]",
						"mcp_servers[0].headers: Duplicate header name (case-insensitive): 'X-RH-Identity'"),
				Arguments.of("mcp_servers: [{name: a, url: 'http://a', headers: ['']}]",
						"mcp_servers[0].headers: Header name '' is not a valid HTTP header name"),
				Arguments.of("mcp_servers: [{name: a, url: 'http://a', timeout: 0}]",
						"mcp_servers[0].timeout: Input should be greater than 0"),
				// customization
				Arguments.of("customization: {system_prompt_path: /no/such/prompt.txt}",
						"customization.system_prompt_path: Path does not point to a file"),
				Arguments.of("customization: {system_prompt_path: /tmp}",
						"customization.system_prompt_path: Path does not point to a file"),
				// inference
				Arguments.of("inference: {default_model: m}",
						"inference.default_provider: Default provider must be specified when default model is set"),
				Arguments.of("inference: {default_provider: p}",
						"inference.default_model: Default model must be specified when default provider is set"),
				// authentication
				Arguments.of("authentication: {module: foo}", "authentication.module: Unsupported authentication "
						+ "module 'foo'. Supported modules: noop, noop-with-token, k8s, jwk-token, api-key-token, "
						+ "rh-identity, trusted-proxy"),
				Arguments.of("authentication: {module: jwk-token}",
						"authentication.jwk_config: JWK configuration "
								+ "must be specified when using JWK token authentication"),
				Arguments.of("authentication: {module: jwk-token, jwk_config: {}}",
						"authentication.jwk_config.url: Field required"),
				Arguments.of("authentication: {module: jwk-token, jwk_config: {url: 'ftp://keys'}}",
						"authentication.jwk_config.url: " + URL_RULE),
				Arguments.of("authentication: {module: k8s, k8s_cluster_api: not-a-url}",
						"authentication.k8s_cluster_api: " + URL_RULE),
				Arguments.of("authentication: {module: k8s, k8s_ca_cert_path: /no/ca.crt}",
						"authentication.k8s_ca_cert_path: Path does not point to a file"),
				// type errors anywhere
				Arguments.of("name: {a: 1}", "name: Input should be a valid string"),
				Arguments.of("service: {cors: {allow_origins: [null]}}",
						"service.cors.allow_origins[0]: Input should be a valid string"),
				Arguments.of("service: {cors: {allow_methods: [GET, [POST]]}}",
						"service.cors.allow_methods[1]: Input should be a valid string"),
				Arguments.of("mcp_servers: [null]", "mcp_servers[0]: Input should be a valid dictionary"),
				Arguments.of("service: {port: 8080.0}", "service.port: Input should be a valid integer"),
				Arguments.of("service: {port: '80 80'}", "service.port: Input should be a valid integer"),
				Arguments.of("service: {workers: '99999999999'}",
						"service.workers: Input should be a valid integer, number out of range"),
				Arguments.of("service: {access_log: 1.0}", "service.access_log: Input should be a valid boolean"),
				// a value of the wrong type is reported once, not again by the rules that
				// need it
				Arguments.of("authentication: {module: jwk-token, jwk_config: 5}",
						"authentication.jwk_config: Input should be a valid dictionary"),
				Arguments.of("name: [x]", "name: Input should be a valid string"),
				Arguments.of("service: []", "service: Input should be a valid dictionary"));
	}

	static Stream<Arguments> requiredKeys() {
		return Stream.of(
				Arguments.of("service: {}\nllama_stack: {url: http://x}\nuser_data_collection: {}\n",
						"name: Field required"),
				Arguments.of("name: x\nservice: {}\nuser_data_collection: {}\n", "llama_stack: Field required"),
				Arguments.of("name: x\nllama_stack: {url: http://x}\nuser_data_collection: {}\n",
						"service: Field required"),
				Arguments.of("name: x\nservice: {}\nllama_stack: {url: http://x}\n",
						"user_data_collection: Field required"));
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("requiredKeys")
	void requiredKeyWhenMissingShouldBeNamed(String text, String problem) {
		assertThatProblem(text).isEqualTo(problem);
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("rules")
	void ruleWhenBrokenShouldNameKeyPathAndRule(String sections, String problem) {
		assertThat(Configs.problems(sections)).containsExactly(problem);
	}

	@Test
	void problemsWhenSeveralRulesAreBrokenShouldAllBeReportedSorted() {
		assertThat(Configs.problems("""
				service: {port: 0}
				database: {postgres: {}}
				inference: {default_model: m}
				""")).containsExactly("database.postgres.db: Field required",
				"database.postgres.password: Field required", "database.postgres.user: Field required",
				"inference.default_provider: Default provider must be specified when default model is set",
				"service.port: Input should be greater than 0");
	}

	@Test
	void problemsWhenTypesAndRulesAreBrokenTogetherShouldAllBeReported() {
		assertThat(Configs.problems("service: {port: abc, workers: 0}\nmcp_servers: [{name: a}]\n")).containsExactly(
				"mcp_servers[0].url: Field required", "service.port: Input should be a valid integer",
				"service.workers: Input should be greater than 0");
	}

	@Test
	void dataCollectorWhenEnabledShouldRequireUrlTokenAndServiceName() {
		assertThat(Configs.problems("user_data_collection: {data_collector: {enabled: true}}")).containsExactly(
				"user_data_collection.data_collector.ingress_content_service_name: ingress_content_service_name is "
						+ "required when data archival is enabled",
				"user_data_collection.data_collector.ingress_server_auth_token: ingress_server_auth_token is "
						+ "required when data archival is enabled",
				"user_data_collection.data_collector.ingress_server_url: ingress_server_url is required when data "
						+ "archival is enabled");
	}

	@Test
	void systemPromptPathWhenNotUtf8TextShouldBeRejectedAsNotReadable(@TempDir Path directory) throws Exception {
		// Latin-1 "café": readable bytes, but no UTF-8 text (permissions cannot be
		// tested here, CI runs as root)
		Path prompt = Files.write(directory.resolve("prompt.txt"), new byte[] { 'c', 'a', 'f', (byte) 0xE9 });
		assertThat(Configs.problems("customization: {system_prompt_path: '" + prompt + "'}"))
			.containsExactly("customization.system_prompt_path: system prompt '" + prompt + "' is not readable");
	}

	@Test
	void systemPromptPathWhenADanglingSymbolicLinkShouldBeRejected(@TempDir Path directory) throws Exception {
		Path prompt = Files.createSymbolicLink(directory.resolve("prompt.txt"), directory.resolve("gone.txt"));
		assertThat(Configs.problems("customization: {system_prompt_path: '" + prompt + "'}"))
			.containsExactly("customization.system_prompt_path: Path does not point to a file");
	}

	@Test
	void problemsInTheOgxSectionShouldBeNamedAsTheFileNamesThem() {
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> new ConfigurationLoader((name) -> null)
				.parse("name: x\nservice: {}\nuser_data_collection: {}\nogx: {use_as_library_client: false}\n"))
			.satisfies((ex) -> assertThat(ex.problems())
				.containsExactly("ogx.url: LLama stack URL is not specified and library client mode is not enabled"));
	}

	@Test
	void fileWhenNotAMappingShouldBeRejected() {
		assertThatProblem("- a\n- b\n").isEqualTo("configuration: the file must hold a YAML mapping of keys to values");
		assertThatProblem("").isEqualTo("configuration: the file must hold a YAML mapping of keys to values");
	}

	@Test
	void fileWhenNotYamlShouldNameLineAndColumnOnOneLine() {
		assertThatProblem("name: [a\n").startsWith("configuration is not valid YAML at line ")
			.contains("expected ',' or ']'")
			.doesNotContain("\n");
	}

	private static org.assertj.core.api.AbstractStringAssert<?> assertThatProblem(String text) {
		try {
			new ConfigurationLoader((name) -> null).parse(text);
		}
		catch (ConfigurationException ex) {
			assertThat(ex.problems()).hasSize(1);
			return assertThat(ex.problems().get(0));
		}
		throw new AssertionError("expected the text to be rejected");
	}

}
