package dev.lightspeed.stack.config;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code -d} dump (also the body of {@code /v1/config}): secrets masked, LCS 0.2.0's
 * presentation of URLs and the system prompt.
 */
class ConfigurationDumpTests {

	private static final String MASK = "**********";

	@Test
	void secretsShouldBeMasked() {
		JsonNode dump = dump("""
				llama_stack: {url: 'http://ls:8321', api_key: sk-live-123}
				user_data_collection:
				  data_collector:
				    enabled: true
				    ingress_server_url: https://ingress
				    ingress_server_auth_token: ingress-token
				    ingress_content_service_name: lightspeed
				database: {postgres: {db: d, user: u, password: hunter2}}
				""");
		assertThat(dump.at("/llama_stack/api_key").asString()).isEqualTo(MASK);
		assertThat(dump.at("/database/postgres/password").asString()).isEqualTo(MASK);
		assertThat(dump.at("/user_data_collection/data_collector/ingress_server_auth_token").asString())
			.isEqualTo(MASK);
		assertThat(dump.toString()).doesNotContain("sk-live-123", "hunter2", "ingress-token");
	}

	@Test
	void mcpAuthorizationHeadersShouldShowKeywordsAndMaskFiles(@TempDir Path directory) throws Exception {
		Path token = Files.writeString(directory.resolve("token"), "file-secret");
		JsonNode dump = dump("""
				authentication: {module: k8s}
				mcp_servers:
				  - name: a
				    url: 'http://a'
				    authorization_headers: {Authorization: '%s', X-User: client, X-Cluster: ' kubernetes '}
				    headers: [x-rh-identity]
				    timeout: 30
				""".formatted(token));
		assertThat(dump.at("/mcp_servers/0").toString()).isEqualTo("{\"name\":\"a\",\"provider_id\":"
				+ "\"model-context-protocol\",\"url\":\"http://a\",\"authorization_headers\":{\"Authorization\":"
				+ "\"**********\",\"X-User\":\"client\",\"X-Cluster\":\"kubernetes\"},\"headers\":"
				+ "[\"x-rh-identity\"],\"timeout\":30}");
		assertThat(dump.toString()).doesNotContain(token.toString(), "file-secret");
	}

	@Test
	void secretsWhenNotGivenShouldStayNull() {
		JsonNode dump = dump("");
		assertThat(dump.at("/llama_stack/api_key").isNull()).isTrue();
		assertThat(dump.at("/user_data_collection/data_collector/ingress_server_auth_token").isNull()).isTrue();
	}

	@Test
	void urlsWithoutPathShouldGainTrailingSlashAsInLcs() {
		JsonNode dump = dump("""
				authentication:
				  module: jwk-token
				  k8s_cluster_api: https://api.example.com:6443
				  jwk_config: {url: 'https://your-jwk-url'}
				""");
		assertThat(dump.at("/authentication/jwk_config/url").asString()).isEqualTo("https://your-jwk-url/");
		assertThat(dump.at("/authentication/k8s_cluster_api").asString()).isEqualTo("https://api.example.com:6443/");
		assertThat(UrlSerializer.normalise("https://keys.example.com/certs"))
			.isEqualTo("https://keys.example.com/certs");
		assertThat(UrlSerializer.normalise("https://keys?x=1")).isEqualTo("https://keys/?x=1");
	}

	@Test
	void systemPromptFileShouldReplaceInlinePromptWithoutTrailingWhiteSpace(@TempDir Path directory) throws Exception {
		Path prompt = Files.writeString(directory.resolve("prompt.txt"), "  Be brief.\nReally.\n\n \t\n");
		LightspeedConfiguration configuration = Configs
			.load("customization: {system_prompt: inline, system_prompt_path: '" + prompt + "'}");
		assertThat(configuration.customization().systemPrompt()).isEqualTo("  Be brief.\nReally.");
		assertThat(dump(configuration).at("/customization/system_prompt").asString()).isEqualTo("  Be brief.\nReally.");
	}

	@Test
	void nonAsciiTextShouldBeEscapedAsPythonDoes() {
		assertThat(ConfigurationDump.toJson(Configs.load("name: Zürich ☃")))
			.contains("\"name\": \"Z\\u00fcrich \\u2603\"");
	}

	@Test
	void writeShouldCreateTheFile(@TempDir Path directory) throws Exception {
		Path target = directory.resolve(ConfigurationDump.FILE_NAME);
		ConfigurationDump.write(Configs.load(""), target);
		assertThat(Files.readString(target)).isEqualTo(ConfigurationDump.toJson(Configs.load("")));
	}

	private static JsonNode dump(String sections) {
		return dump(Configs.load(sections));
	}

	private static JsonNode dump(LightspeedConfiguration configuration) {
		return JsonMapper.builder().build().readTree(ConfigurationDump.toJson(configuration));
	}

}
