package dev.lightspeed.stack.query;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * Runs an open turn on a virtual thread of its own and streams it into the response,
 * interruptible by its {@code request_id} while it runs. A client that goes away, or a
 * stream that outlives {@code lightspeed.query.stream-timeout}, closes the upstream turn.
 */
@Component
class QueryStreams {

	private static final Logger logger = LoggerFactory.getLogger(QueryStreams.class);

	private final QueryService service;

	private final ActiveStreams active;

	private final AsyncTaskExecutor executor;

	private final QueryProperties properties;

	QueryStreams(QueryService service, ActiveStreams active,
			@Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor, QueryProperties properties) {
		this.service = service;
		this.active = active;
		this.executor = executor;
		this.properties = properties;
	}

	ResponseBodyEmitter stream(OpenTurn open) {
		ResponseBodyEmitter emitter = new ResponseBodyEmitter(this.properties.streamTimeout().toMillis());
		emitter.onCompletion(open.upstream()::close);
		emitter.onTimeout(open.upstream()::close);
		emitter.onError((ex) -> open.upstream().close());
		SseWriter out = new SseWriter(emitter);
		String requestId = UUID.randomUUID().toString();
		ActiveStreams.Registration registration = this.active.register(requestId, open.turn().user().userId(), open);
		this.executor.execute(() -> {
			try (registration) {
				this.service.run(open, new SseTurnSink(out, this.properties.streamDialect(), requestId));
			}
			catch (RuntimeException ex) {
				// after the end event (the transcript) or while reporting a failure: the
				// stream must still close now, not at the emitter timeout
				logger.error("Finishing the stream of conversation {} failed", open.turn().conversation().id(), ex);
				out.complete();
			}
		});
		return emitter;
	}

}
