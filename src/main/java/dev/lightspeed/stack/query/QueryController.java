package dev.lightspeed.stack.query;

import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.errors.ApiException;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * {@code POST /v1/query} answers when the turn is complete;
 * {@code POST /v1/streaming_query} streams it. Both run the same steps
 * ({@link TurnOpener}, {@link QueryService}); every check happens before the first byte,
 * so failures are ordinary JSON errors. The request's headers go along for the MCP
 * servers: their {@code MCP-HEADERS} and the headers a server has forwarded to it.
 */
@RestController
class QueryController {

	private final TurnOpener opener;

	private final QueryService service;

	private final QueryStreams streams;

	private final QueryLimits limits;

	QueryController(TurnOpener opener, QueryService service, QueryStreams streams, QueryLimits limits) {
		this.opener = opener;
		this.service = service;
		this.streams = streams;
		this.limits = limits;
	}

	@PostMapping("/v1/query")
	@Parameter(name = "MCP-HEADERS", in = ParameterIn.HEADER, schema = @Schema(type = "string"))
	QueryResponse query(@AuthenticationPrincipal AuthenticatedUser user, @RequestBody QueryRequest request,
			@RequestHeader HttpHeaders headers) {
		this.limits.check(request);
		OpenTurn open = this.opener.open(user, request, headers);
		TurnAccumulator outcome = this.service.run(open, TurnSink.NONE);
		if (outcome != null && outcome.brokenOff() != null) {
			// the answer's connection failed: the same 502/503/504 as before any answer
			throw outcome.brokenOff();
		}
		if (outcome == null || !outcome.completed()) {
			throw unanswered((outcome != null) ? outcome.failure() : null);
		}
		return QueryResponse.of(open.turn().conversation().id(), outcome);
	}

	@PostMapping("/v1/streaming_query")
	@Parameter(name = "MCP-HEADERS", in = ParameterIn.HEADER, schema = @Schema(type = "string"))
	@ApiResponse(responseCode = "200",
			description = "Server-sent events: start, token, tool_call, turn_complete, "
					+ "error and end, one JSON object per data line",
			content = @Content(mediaType = "text/event-stream", schema = @Schema(type = "string")))
	ResponseEntity<ResponseBodyEmitter> streamingQuery(@AuthenticationPrincipal AuthenticatedUser user,
			@RequestBody QueryRequest request, @RequestHeader HttpHeaders headers) {
		this.limits.check(request);
		OpenTurn open = this.opener.open(user, request, headers);
		return ResponseEntity.ok().contentType(MediaType.TEXT_EVENT_STREAM).body(this.streams.stream(open));
	}

	// a prompt over the model's context window is the caller's to shorten (LCS 0.3+: 413)
	private static ApiException unanswered(@Nullable String failure) {
		String cause = (failure != null) ? failure : "the turn ended without an answer";
		if (cause.contains("context_length") || cause.contains("context length")) {
			return ApiException.of(HttpStatus.PAYLOAD_TOO_LARGE, "Prompt is too long", cause);
		}
		return ApiException.of(HttpStatus.INTERNAL_SERVER_ERROR, "Unable to get an answer from Llama Stack", cause);
	}

}
