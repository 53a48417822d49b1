package dev.lightspeed.stack.config;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Llama Stack's {@code ${env.NAME}} substitution as LCS 0.2.0 applies it, with coercion
 * limited to substituted values.
 */
class EnvSubstitutionTests {

	private static final Map<String, String> ENVIRONMENT = Map.of("HOST", "ls.example.com", "PORT", "8081", "EMPTY", "",
			"FLAG", "TRUE", "RATIO", "0.5", "KEY", "sk-123", "HOME", "/home/lcs", "DATA", "~/data");

	@Test
	void plainReferenceWhenSetShouldBeReplaced() {
		assertThat(load("llama_stack: {url: 'http://${env.HOST}:8321', api_key: '${env.KEY}'}").llamaStack())
			.isEqualTo(new LlamaStackConfig("http://ls.example.com:8321", "sk-123", null, null));
	}

	@Test
	void plainReferenceWhenUnsetShouldFailWithUpstreamTextNamingThePath() {
		assertThat(Configs.problems("llama_stack: {url: 'http://x', api_key: '${env.LLAMA_STACK_API_KEY}'}"))
			.containsExactly("Environment variable 'LLAMA_STACK_API_KEY' not set or empty at llama_stack.api_key. "
					+ "Use ${env.LLAMA_STACK_API_KEY:=default_value} to provide a default value, "
					+ "${env.LLAMA_STACK_API_KEY:+value_if_set} to make the field conditional, or ensure the "
					+ "environment variable is set.");
	}

	@Test
	void plainReferenceWhenEmptyShouldFailLikeUnset() {
		assertThat(Configs.problems("mcp_servers: [{name: a, url: '${env.EMPTY}'}]", ENVIRONMENT))
			.containsExactly("Environment variable 'EMPTY' not set or empty at mcp_servers[0].url. "
					+ "Use ${env.EMPTY:=default_value} to provide a default value, ${env.EMPTY:+value_if_set} to "
					+ "make the field conditional, or ensure the environment variable is set.");
	}

	@Test
	void defaultFormShouldUseTheVariableOrElseTheDefault() {
		assertThat(string("${env.HOST:=localhost}")).isEqualTo("ls.example.com");
		assertThat(string("${env.UNSET:=localhost}")).isEqualTo("localhost");
		assertThat(string("${env.EMPTY:=localhost}")).isEqualTo("localhost");
	}

	@Test
	void defaultFormWithEmptyDefaultShouldGiveNull() {
		assertThat(load("llama_stack: {url: 'http://x', api_key: '${env.UNSET:=}'}").llamaStack().apiKey()).isNull();
	}

	@Test
	void conditionalFormShouldGiveTheValueOnlyWhenTheVariableIsSet() {
		assertThat(string("${env.KEY:+present}")).isEqualTo("present");
		assertThat(substitute("${env.UNSET:+present}").isNull()).isTrue();
		assertThat(substitute("${env.EMPTY:+present}").isNull()).isTrue();
	}

	@Test
	void severalReferencesInOneStringShouldAllBeReplaced() {
		assertThat(string("https://${env.HOST}:${env.PORT}/${env.UNSET:=v1}${env.UNSET:+x}"))
			.isEqualTo("https://ls.example.com:8081/v1");
	}

	@Test
	void substitutedValuesShouldBeCoercedLikeLlamaStack() {
		assertThat(substitute("${env.PORT}").isInt()).isTrue();
		assertThat(substitute("${env.FLAG}").isBoolean()).isTrue();
		assertThat(substitute("${env.RATIO}").isDouble()).isTrue();
		assertThat(substitute("${env.UNSET:=}").isNull()).isTrue();
		assertThat(load("service: {port: '${env.PORT}'}").service().port()).isEqualTo(8081);
	}

	@Test
	void valuesWithoutReferenceShouldKeepTheirYamlType() {
		JsonNode tree = new EnvSubstitution(ENVIRONMENT::get)
			.apply(YAMLMapper.builder().build().readTree("a: '12345'\nb: 'true'\nc: ''\nd: 7\n"));
		assertThat(tree.get("a").isString()).isTrue();
		assertThat(tree.get("b").isString()).isTrue();
		assertThat(tree.get("c").asString()).isEmpty();
		assertThat(tree.get("d").isInt()).isTrue();
		assertThat(load("llama_stack: {url: 'http://x', api_key: '12345'}").llamaStack().apiKey()).isEqualTo("12345");
	}

	@Test
	void substitutedPieceShouldGetHomeDirectoryExpansion() {
		assertThat(string("${env.DATA}")).isEqualTo("/home/lcs/data");
		assertThat(string("${env.UNSET:=~/feedback}")).isEqualTo("/home/lcs/feedback");
		assertThat(string("~/${env.HOST}")).isEqualTo("~/ls.example.com");
	}

	@Test
	void referencesThatDoNotMatchThePatternShouldStayAsWritten() {
		assertThat(string("${env.lower} ${HOST} $env.HOST")).isEqualTo("${env.lower} ${HOST} $env.HOST");
	}

	@Test
	void mcpServerWhoseProviderResolvesToDisabledShouldBeDropped() {
		LightspeedConfiguration configuration = load("""
				mcp_servers:
				  - {name: a, provider_id: '${env.UNSET:=__disabled__}', url: 'http://a'}
				  - {name: b, url: 'http://b'}
				  - {name: c, provider_id: '${env.KEY:+__disabled__}', url: 'http://c'}
				  - {name: d, provider_id: '${env.UNSET:+__disabled__}', url: 'http://d'}
				""");
		assertThat(configuration.mcpServers()).extracting(McpServerConfig::name).containsExactly("b", "d");
	}

	@Test
	void keysShouldNotBeSubstituted() {
		JsonNode tree = new EnvSubstitution(ENVIRONMENT::get)
			.apply(YAMLMapper.builder().build().readTree("'${env.HOST}': x\n"));
		assertThat(tree.has("${env.HOST}")).isTrue();
	}

	private static LightspeedConfiguration load(String sections) {
		return new ConfigurationLoader(ENVIRONMENT::get).parse(Configs.yaml(sections));
	}

	private static String string(String value) {
		return substitute(value).asString();
	}

	private static JsonNode substitute(String value) {
		JsonNode tree = YAMLMapper.builder().build().createObjectNode().put("v", value);
		return new EnvSubstitution(ENVIRONMENT::get).apply(tree).get("v");
	}

}
