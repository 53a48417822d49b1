package dev.lightspeed.stack.query;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * Runs an open turn on a virtual thread of its own and streams it into the response. A
 * client that goes away, or a stream that outlives
 * {@code lightspeed.query.stream-timeout}, closes the upstream turn.
 */
@Component
class QueryStreams {

	private static final Logger logger = LoggerFactory.getLogger(QueryStreams.class);

	private final QueryService service;

	private final AsyncTaskExecutor executor;

	private final QueryProperties properties;

	QueryStreams(QueryService service, @Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor,
			QueryProperties properties) {
		this.service = service;
		this.executor = executor;
		this.properties = properties;
	}

	ResponseBodyEmitter stream(QueryService.OpenTurn open) {
		ResponseBodyEmitter emitter = new ResponseBodyEmitter(this.properties.streamTimeout().toMillis());
		emitter.onCompletion(open.upstream()::close);
		emitter.onTimeout(open.upstream()::close);
		emitter.onError((ex) -> open.upstream().close());
		SseWriter out = new SseWriter(emitter);
		this.executor.execute(() -> {
			try {
				this.service.run(open, new SseTurnSink(out));
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
