package dev.lightspeed.stack.errors;

import dev.lightspeed.stack.support.WebSlice;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest({ ValidationTestController.class, JsonErrorController.class })
@Import(WebSlice.class)
class ApiExceptionHandlerTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void unknownPathIsNotFound() {
		assertThat(this.mvc.get().uri("/v1/nothing-here")).hasStatus(404)
			.bodyJson()
			.isStrictlyEqualTo("{\"detail\":\"Not Found\"}");
	}

	@Test
	void trailingSlashRedirectsToTheRouteWithoutIt() {
		assertThat(this.mvc.post().uri("/test/strict/?x=1")).hasStatus(307)
			.hasHeader(HttpHeaders.LOCATION, "http://localhost/test/strict?x=1");
	}

	@Test
	void trailingSlashOnAnUnknownPathIsNotFound() {
		assertThat(this.mvc.get().uri("/v1/nothing/")).hasStatus(404)
			.bodyJson()
			.isStrictlyEqualTo("{\"detail\":\"Not Found\"}");
	}

	@Test
	void wrongMethodIsMethodNotAllowedWithAllow() {
		assertThat(this.mvc.delete().uri("/test/strict")).hasStatus(405)
			.hasHeader(HttpHeaders.ALLOW, "POST")
			.bodyJson()
			.isStrictlyEqualTo("{\"detail\":\"Method Not Allowed\"}");
	}

	@Test
	void apiExceptionKeepsItsStatusAndDetail() {
		assertThat(this.mvc.get().uri("/test/api")).hasStatus(404)
			.bodyJson()
			.isStrictlyEqualTo("{\"detail\":{\"response\":\"Conversation not found\","
					+ "\"cause\":\"Conversation x could not be retrieved.\"}}");
	}

	@Test
	void llamaStackErrorIsA500NamingIt() {
		assertThat(this.mvc.get().uri("/test/llama-stack")).hasStatus(500)
			.bodyJson()
			.isStrictlyEqualTo(
					"{\"detail\":{\"response\":\"Llama Stack error\",\"cause\":\"Error code: 400 - bad request\"}}");
	}

	@Test
	void unexpectedExceptionIsA500WithoutInternals() {
		assertThat(this.mvc.get().uri("/test/unexpected")).hasStatus(500)
			.bodyJson()
			.isStrictlyEqualTo("{\"detail\":{\"response\":\"Internal server error\","
					+ "\"cause\":\"An unexpected error occurred\"}}");
	}

	@Test
	void unacceptableAcceptIsNotAcceptableInJson() {
		assertThat(this.mvc.post()
			.uri("/test/lenient")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.IMAGE_PNG)
			.content("{\"name\":\"n\"}")).hasStatus(406)
			.bodyJson()
			.isStrictlyEqualTo("{\"detail\":\"Not Acceptable\"}");
	}

	@Test
	void errorDispatchForAStatusUsesTheDetailShape() {
		assertThat(this.mvc.get()
			.uri("/error")
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 403)
			.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/v1/query")).hasStatus(403)
			.bodyJson()
			.isStrictlyEqualTo("{\"detail\":\"Forbidden\"}");
	}

	@Test
	void errorDispatchForAnExceptionHidesIt() {
		assertThat(this.mvc.get()
			.uri("/error")
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
			.requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret internals")))
			.hasStatus(500)
			.bodyJson()
			.isStrictlyEqualTo("{\"detail\":{\"response\":\"Internal server error\","
					+ "\"cause\":\"An unexpected error occurred\"}}");
	}

	@Test
	void errorDispatchForAnApiExceptionRendersIt() {
		assertThat(this.mvc.get()
			.uri("/error")
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
			.requestAttr(RequestDispatcher.ERROR_EXCEPTION,
					new jakarta.servlet.ServletException(ApiException
						.text(org.springframework.http.HttpStatus.FORBIDDEN, "Forbidden: Feedback is disabled"))))
			.hasStatus(403)
			.bodyJson()
			.isStrictlyEqualTo("{\"detail\":\"Forbidden: Feedback is disabled\"}");
	}

}
