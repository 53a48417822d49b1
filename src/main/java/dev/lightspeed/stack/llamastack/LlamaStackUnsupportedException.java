package dev.lightspeed.stack.llamastack;

import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.errors.ErrorDetail;

import org.springframework.http.HttpStatus;

/**
 * The connected Llama Stack has no API for what was asked (the Responses API before 0.3):
 * 501, naming the version that has it.
 */
public class LlamaStackUnsupportedException extends ApiException {

	LlamaStackUnsupportedException(String what, String needed, String connected) {
		super(HttpStatus.NOT_IMPLEMENTED,
				new ErrorDetail("Not supported by the connected Llama Stack",
						what + " needs Llama Stack " + needed + " or later; the connected Llama Stack is " + connected),
				what + " needs Llama Stack " + needed + ", connected is " + connected);
	}

}
