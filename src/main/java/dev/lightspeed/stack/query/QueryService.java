package dev.lightspeed.stack.query;

import dev.lightspeed.stack.llamastack.LlamaStackStatus;
import dev.lightspeed.stack.llamastack.LlamaStackUnavailableException;
import dev.lightspeed.stack.llamastack.TurnEvent;
import dev.lightspeed.stack.llamastack.TurnStream;
import dev.lightspeed.stack.metrics.LlmMetrics;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * A turn once it is open, for {@code /v1/query} and {@code /v1/streaming_query} alike and
 * whatever Llama Stack generation answers it (LCS 0.2.0): its events go to a
 * {@link TurnSink}, and when it is over the transcript, the token metrics and, for a new
 * conversation, the topic summary follow ({@link #run}). What comes before the first byte
 * of the answer is {@link TurnOpener}'s.
 */
@Service
class QueryService {

	private static final Logger logger = LoggerFactory.getLogger(QueryService.class);

	static final String UNEXPECTED_FAILURE = "Internal server error: the answer could not be streamed";

	static final String STOPPED_BY_USER = "\n\n*Response stopped by the user.*";

	static final String SHUTTING_DOWN = "The service is shutting down; ask again, another instance will answer";

	private final LlamaStackStatus llamaStack;

	private final LlmMetrics metrics;

	private final TurnRecords records;

	QueryService(LlamaStackStatus llamaStack, LlmMetrics metrics, TurnRecords records) {
		this.llamaStack = llamaStack;
		this.metrics = metrics;
		this.records = records;
	}

	/**
	 * Relays the turn's events to the sink until it is over, then keeps what outlives it.
	 * @return the outcome; {@code null} when the client left before the end
	 */
	@Nullable TurnAccumulator run(OpenTurn open, TurnSink sink) {
		PreparedTurn turn = open.turn();
		TurnAccumulator outcome = new TurnAccumulator();
		try (TurnStream upstream = open.upstream()) {
			sink.start(turn.conversation().id());
			relay(open, outcome, sink);
			// a Stop that comes once the answer is complete (while the rest of Llama
			// Stack's stream is read) changes nothing: the turn is kept as it completed
			if (open.interrupted() && !outcome.completed()) {
				stopped(turn, outcome, sink);
			}
			else if (open.wasShutDown() && !outcome.completed() && outcome.failure() == null) {
				fail(outcome, sink, SHUTTING_DOWN, HttpStatus.SERVICE_UNAVAILABLE.value());
			}
			this.records.charge(turn, outcome);
			sink.end(outcome);
		}
		catch (SseWriter.ClientGoneException ex) {
			logger.debug("Client left conversation {} before the end of the answer", turn.conversation().id());
			return null;
		}
		finally {
			// after the answer, whatever became of it: the conversation is recorded, and
			// what it cost so far charged (once)
			this.records.summarizeIfNew(turn);
			this.records.charge(turn, outcome);
		}
		this.records.keep(turn, outcome);
		return outcome;
	}

	// The answer so far, with LCS's note, is kept in history (where the API allows) and
	// in the transcript, as LCS 0.4.2 keeps it.
	private void stopped(PreparedTurn turn, TurnAccumulator outcome, TurnSink sink) {
		sink.event(new TurnEvent.TextDelta(STOPPED_BY_USER));
		outcome.interrupted(STOPPED_BY_USER);
		// lightspeed-evaluation takes turn_complete as the answer
		sink.event(new TurnEvent.TurnCompleted(outcome.answer()));
		sink.interrupted();
		try {
			if (!this.llamaStack.backend().keepInterruptedTurn(turn.conversation(), turn.input(), outcome.answer())) {
				logger.debug("The stopped turn of conversation {} is not kept in its history (the Agents API keeps "
						+ "only complete turns)", turn.conversation().id());
			}
		}
		catch (RuntimeException ex) {
			logger.warn("The stopped turn of conversation {} could not be kept in its history: {}",
					turn.conversation().id(), ex.getMessage());
		}
	}

	private void relay(OpenTurn open, TurnAccumulator outcome, TurnSink sink) {
		PreparedTurn turn = open.turn();
		TurnStream upstream = open.upstream();
		try {
			for (TurnEvent event = upstream.next(); event != null; event = upstream.next()) {
				outcome.accept(event);
				if (event instanceof TurnEvent.ShieldChecked checked && checked.violation() != null) {
					this.metrics.validationError();
				}
				sink.event(event);
				if (event instanceof TurnEvent.StreamFailed) {
					return;
				}
			}
			if (!outcome.completed() && !open.interrupted()) {
				// the events stopped without the turn's end: a reply cut off, not an
				// answer
				throw LlamaStackUnavailableException.incompleteTurn();
			}
		}
		catch (LlamaStackUnavailableException ex) {
			if (open.stopped()) {
				// the user stopped it, or the service stops: the end of the answer is
				// expected
				return;
			}
			// the connection broke or went silent mid-answer (0.2.0 counts every
			// connection error of a query as a failed call); the answer's end logs it
			this.metrics.failed();
			outcome.brokeOff(ex);
			fail(outcome, sink, String.valueOf(ex.getMessage()), ex.status().value());
		}
		catch (SseWriter.ClientGoneException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			// a bug of ours, e.g. an event we cannot map: the client still gets a clean
			// end
			logger.error("Relaying the answer in conversation {} failed", turn.conversation().id(), ex);
			fail(outcome, sink, UNEXPECTED_FAILURE, 500);
		}
	}

	private static void fail(TurnAccumulator outcome, TurnSink sink, String message, int status) {
		TurnEvent.StreamFailed failed = new TurnEvent.StreamFailed(message, status);
		outcome.accept(failed);
		sink.event(failed);
	}

}
