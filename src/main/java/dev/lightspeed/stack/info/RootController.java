package dev.lightspeed.stack.info;

import dev.lightspeed.stack.config.ServiceName;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The index page: a small self-contained page that names the service and links to the API
 * documentation. Links are relative so the page works behind a path prefix.
 */
@RestController
class RootController {

	static final MediaType HTML_UTF8 = MediaType.parseMediaType("text/html; charset=utf-8");

	private final String page;

	RootController(ServiceName name, ServiceVersion version) {
		this.page = """
				<!DOCTYPE html>
				<html lang="en">
				<head>
				<meta charset="utf-8">
				<title>Lightspeed core service</title>
				<style>body{font-family:sans-serif;margin:2em}</style>
				</head>
				<body>
				<h1>Lightspeed core service</h1>
				<p>%s, version %s</p>
				<ul>
				<li><a href="docs">Swagger UI</a></li>
				<li><a href="openapi.json">OpenAPI document</a></li>
				</ul>
				</body>
				</html>
				""".formatted(HtmlUtils.htmlEscape(name.value()), HtmlUtils.htmlEscape(version.get()));
	}

	@GetMapping("/")
	ResponseEntity<String> index() {
		return ResponseEntity.ok().contentType(HTML_UTF8).body(this.page);
	}

}
