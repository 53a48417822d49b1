package dev.lightspeed.stack.query;

import dev.lightspeed.stack.auth.AuthenticatedUser;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jspecify.annotations.Nullable;

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
 * {@code POST /v1/streaming_query} streams it. Every check happens before the first byte,
 * so failures are ordinary JSON errors.
 */
@RestController
class QueryController {

	private final QueryService service;

	private final TurnStreamer streamer;

	QueryController(QueryService service, TurnStreamer streamer) {
		this.service = service;
		this.streamer = streamer;
	}

	@PostMapping("/v1/query")
	QueryResponse query(@AuthenticationPrincipal AuthenticatedUser user, @RequestBody QueryRequest request,
			@RequestHeader(name = McpHeaders.HEADER, required = false) @Nullable String mcpHeaders) {
		return this.service.answer(this.service.prepare(user, request, mcpHeaders));
	}

	@PostMapping("/v1/streaming_query")
	@ApiResponse(responseCode = "200",
			description = "Server-sent events: start, token, tool_call, turn_complete, "
					+ "error and end, one JSON object per data line",
			content = @Content(mediaType = "text/event-stream", schema = @Schema(type = "string")))
	ResponseEntity<ResponseBodyEmitter> streamingQuery(@AuthenticationPrincipal AuthenticatedUser user,
			@RequestBody QueryRequest request,
			@RequestHeader(name = McpHeaders.HEADER, required = false) @Nullable String mcpHeaders) {
		PreparedTurn turn = this.service.prepare(user, request, mcpHeaders);
		return ResponseEntity.ok().contentType(MediaType.TEXT_EVENT_STREAM).body(this.streamer.stream(turn));
	}

}
