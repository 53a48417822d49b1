package dev.lightspeed.stack.info;

import java.util.List;

import dev.lightspeed.stack.config.LightspeedConfiguration;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What springdoc needs to generate {@code docs/openapi.json} from the application: the
 * document's {@code info} and {@code servers}, as LCS 0.2.0 publishes them, and its
 * schema names, operation ids, tags and error responses. The application serves that file
 * ({@link ApiDocsController}); springdoc is on the test class path only.
 */
@TestConfiguration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static {
		// Pass-through JSON from Llama Stack is any JSON value, not Jackson's node API.
		SpringDocUtils.getConfig()
			.replaceWithSchema(JsonNode.class, new Schema<>())
			.replaceWithSchema(ObjectNode.class, new ObjectSchema().additionalProperties(true));
	}

	@Bean
	OpenAPI lightspeedOpenApi(LightspeedConfiguration configuration, ServiceVersion version) {
		String name = configuration.name();
		Info info = new Info().title(name + " service - OpenAPI")
			.summary(name + " service API specification.")
			.description(name + " service API specification.")
			.contact(new Contact().name("Pavel Tisnovsky")
				.url("https://github.com/tisnik/")
				.email("ptisnovs@redhat.com"))
			.license(new License().name("Apache 2.0").url("https://www.apache.org/licenses/LICENSE-2.0.html"))
			.version(version.get());
		return new OpenAPI().info(info)
			.servers(List.of(new Server().url("http://localhost:8080/").description("Locally running service")));
	}

	@Bean
	OpenApiCustomizer lightspeedOpenApiCustomizer() {
		return (openApi) -> {
			OpenApiNullableFields.apply(openApi);
			OpenApiSchemaNames.apply(openApi);
			OpenApiErrorSchemas.addTo(openApi.getComponents());
			OpenApiRequiredFields.apply(openApi);
			OpenApiOperations.apply(openApi);
		};
	}

}
