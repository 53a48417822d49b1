package dev.lightspeed.stack.responses;

import java.time.Duration;

import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.llamastack.ResponseEvents;
import dev.lightspeed.stack.llamastack.TurnEvent;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * {@code POST /v1/responses} (LCS 0.5.0): the OpenAI Responses API of Llama Stack 0.3+
 * behind this service's authentication, conversation ownership, shields, MCP headers,
 * transcripts and metrics. With {@code stream: true} the answer is OpenAI's SSE
 * ({@code event:} lines, {@code data: [DONE]} at the end), which the RHDH plugin's
 * Notebooks read; every check happens before the first byte. Authorization hook (LCS
 * action): {@code QUERY}.
 */
@RestController
class ResponsesController {

	private static final Logger logger = LoggerFactory.getLogger(ResponsesController.class);

	private final ResponsesPreparation preparation;

	private final ResponsesRelay relay;

	private final AsyncTaskExecutor executor;

	private final Duration streamTimeout;

	ResponsesController(ResponsesPreparation preparation, ResponsesRelay relay,
			@Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor,
			@Value("${lightspeed.query.stream-timeout:10m}") Duration streamTimeout) {
		this.preparation = preparation;
		this.relay = relay;
		this.executor = executor;
		this.streamTimeout = streamTimeout;
	}

	@PostMapping("/v1/responses")
	@Parameter(name = "MCP-HEADERS", in = ParameterIn.HEADER, schema = @Schema(type = "string"))
	@ApiResponse(responseCode = "200",
			description = "The response object, or with stream: true OpenAI's server-sent events "
					+ "(event: and data: lines, data: [DONE] at the end)",
			content = { @Content(mediaType = "application/json", schema = @Schema(type = "object")),
					@Content(mediaType = "text/event-stream", schema = @Schema(type = "string")) })
	ResponseEntity<Object> responses(@AuthenticationPrincipal AuthenticatedUser user,
			@RequestBody ResponsesRequest request, @RequestHeader HttpHeaders headers) {
		PreparedResponse prepared = this.preparation.prepare(user, request, headers);
		if (!request.streamed()) {
			JsonNode response = this.relay.whole(prepared);
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(response);
		}
		TurnEvent.Violation refusal = prepared.refusal();
		ResponseEvents events = (refusal == null) ? this.relay.open(prepared) : null;
		ResponseBodyEmitter emitter = new ResponseBodyEmitter(this.streamTimeout.toMillis());
		if (events != null) {
			emitter.onCompletion(events::close);
			emitter.onTimeout(events::close);
			emitter.onError((ex) -> events.close());
		}
		ResponsesSse out = new ResponsesSse(emitter);
		this.executor.execute(() -> {
			try {
				if (events != null) {
					this.relay.stream(prepared, events, out);
				}
				else {
					this.relay.streamRefusal(prepared, refusal, out);
				}
			}
			catch (ResponsesSse.ClientGone ex) {
				logger.debug("Client left before the end of the response");
			}
			catch (RuntimeException ex) {
				logger.error("Streaming a response failed", ex);
				out.complete();
			}
		});
		return ResponseEntity.ok().contentType(MediaType.TEXT_EVENT_STREAM).body(emitter);
	}

}
