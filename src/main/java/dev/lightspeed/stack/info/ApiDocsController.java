package dev.lightspeed.stack.info;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

import dev.lightspeed.stack.config.ServiceName;
import io.swagger.v3.oas.annotations.Hidden;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The API documentation, as FastAPI serves it: {@code /openapi.json}, Swagger UI at
 * {@code /docs} and its OAuth2 redirect page. The document is {@code docs/openapi.json},
 * packaged with the application and written from it by {@code OpenApiDocumentIT}, with
 * the configured service name in its title. Swagger UI's files come from its webjar.
 * Links are relative so the pages work behind a path prefix.
 */
@Hidden
@RestController
class ApiDocsController {

	private static final String DOCUMENT = "openapi/openapi.json";

	private final Supplier<byte[]> document;

	private final String swaggerUi;

	ApiDocsController(ServiceName serviceName, ServiceVersion version, JsonMapper json) {
		String name = serviceName.value();
		// Read on first request: nothing at start-up needs it.
		this.document = SingletonSupplier.of(() -> document(json, name, version.get()));
		this.swaggerUi = """
				<!DOCTYPE html>
				<html lang="en">
				<head>
				<meta charset="utf-8">
				<title>%s service - OpenAPI - Swagger UI</title>
				<link rel="stylesheet" href="webjars/swagger-ui/swagger-ui.css">
				<link rel="icon" type="image/png" href="webjars/swagger-ui/favicon-32x32.png">
				</head>
				<body>
				<div id="swagger-ui"></div>
				<script src="webjars/swagger-ui/swagger-ui-bundle.js"></script>
				<script>
				window.ui = SwaggerUIBundle({
					url: new URL("openapi.json", document.baseURI).href,
					oauth2RedirectUrl: new URL("docs/oauth2-redirect", document.baseURI).href,
					dom_id: "#swagger-ui",
					layout: "BaseLayout",
					deepLinking: true,
					showExtensions: true,
					showCommonExtensions: true,
					presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset]
				});
				</script>
				</body>
				</html>
				""".formatted(HtmlUtils.htmlEscape(name));
	}

	@GetMapping("/openapi.json")
	ResponseEntity<byte[]> openApi() {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this.document.get());
	}

	@GetMapping("/docs")
	ResponseEntity<String> swaggerUi() {
		return ResponseEntity.ok().contentType(RootController.HTML_UTF8).body(this.swaggerUi);
	}

	@GetMapping("/docs/oauth2-redirect")
	ResponseEntity<String> oauth2Redirect() {
		return ResponseEntity.ok().contentType(RootController.HTML_UTF8).body("""
				<!DOCTYPE html>
				<html lang="en">
				<head><meta charset="utf-8"><title>Swagger UI: OAuth2 Redirect</title></head>
				<body>
				<script src="../webjars/swagger-ui/oauth2-redirect.js"></script>
				</body>
				</html>
				""");
	}

	private static byte[] document(JsonMapper json, String name, String version) {
		ObjectNode document;
		try (InputStream in = new ClassPathResource(DOCUMENT).getInputStream()) {
			document = (ObjectNode) json.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The OpenAPI document " + DOCUMENT + " is not on the class path", ex);
		}
		ObjectNode info = (ObjectNode) document.required("info");
		info.put("title", name + " service - OpenAPI");
		info.put("summary", name + " service API specification.");
		info.put("description", name + " service API specification.");
		info.put("version", version);
		return json.writeValueAsBytes(document);
	}

}
