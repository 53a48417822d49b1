package dev.lightspeed.stack.query;

import dev.lightspeed.stack.llamastack.LlamaStackUnavailableException;
import dev.lightspeed.stack.llamastack.TurnEvent;
import dev.lightspeed.stack.llamastack.TurnStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * Relays a turn to the client as it happens, on a virtual thread. A client that goes away
 * closes the upstream turn; a Llama Stack failure mid-stream, or any other failure,
 * becomes an {@code error} event followed by {@code end}.
 */
@Component
class TurnStreamer {

	private static final Logger logger = LoggerFactory.getLogger(TurnStreamer.class);

	static final String UNEXPECTED_FAILURE = "Internal server error: the answer could not be streamed";

	private final QueryService service;

	private final AsyncTaskExecutor executor;

	private final QueryProperties properties;

	TurnStreamer(QueryService service, @Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor,
			QueryProperties properties) {
		this.service = service;
		this.executor = executor;
		this.properties = properties;
	}

	ResponseBodyEmitter stream(PreparedTurn turn) {
		TurnStream upstream = this.service.startTurn(turn);
		this.service.recordTurn(turn);
		ResponseBodyEmitter emitter = new ResponseBodyEmitter(this.properties.streamTimeout().toMillis());
		emitter.onCompletion(upstream::close);
		emitter.onTimeout(upstream::close);
		emitter.onError((ex) -> upstream.close());
		this.executor.execute(() -> relay(turn, upstream, new SseWriter(emitter)));
		return emitter;
	}

	private void relay(PreparedTurn turn, TurnStream upstream, SseWriter out) {
		try {
			relayTurn(turn, upstream, out);
		}
		catch (RuntimeException ex) {
			// after the end event (the transcript) or while reporting a failure: the
			// stream must still close now, not at the emitter timeout
			logger.error("Finishing the stream of conversation {} failed", turn.conversation().id(), ex);
			out.complete();
		}
		finally {
			// after the stream, whatever became of it: the conversation is recorded
			this.service.summarizeIfNew(turn);
		}
	}

	private void relayTurn(PreparedTurn turn, TurnStream upstream, SseWriter out) {
		TurnAccumulator outcome = new TurnAccumulator();
		StreamEvents events = new StreamEvents();
		try {
			try {
				out.send(StreamEvents.start(turn.conversation().id()));
				forward(upstream, outcome, events, out);
			}
			catch (LlamaStackUnavailableException ex) {
				fail(events, out, ex.getMessage());
			}
			catch (SseWriter.ClientGoneException ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				// a bug of ours, e.g. an event we cannot map: the client still gets a
				// clean end
				logger.error("Streaming conversation {} failed", turn.conversation().id(), ex);
				fail(events, out, UNEXPECTED_FAILURE);
			}
			finally {
				upstream.close();
			}
			out.send(StreamEvents.end(outcome.referencedDocuments()));
			out.complete();
		}
		catch (SseWriter.ClientGoneException ex) {
			logger.debug("Client left conversation {} before the end of the stream", turn.conversation().id());
			return;
		}
		this.service.storeTranscript(turn, outcome);
	}

	private static void fail(StreamEvents events, SseWriter out, String message) {
		events.map(new TurnEvent.StreamFailed(message)).forEach(out::send);
	}

	private void forward(TurnStream upstream, TurnAccumulator outcome, StreamEvents events, SseWriter out) {
		for (TurnEvent event = upstream.next(); event != null; event = upstream.next()) {
			outcome.accept(event);
			if (event instanceof TurnEvent.ShieldChecked checked && checked.violation() != null) {
				this.service.countViolation();
			}
			events.map(event).forEach(out::send);
			if (event instanceof TurnEvent.StreamFailed) {
				return;
			}
		}
	}

}
