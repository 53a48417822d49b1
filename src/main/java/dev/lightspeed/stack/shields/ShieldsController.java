package dev.lightspeed.stack.shields;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.llamastack.LlamaStackApiException;
import dev.lightspeed.stack.llamastack.LlamaStackStatus;
import dev.lightspeed.stack.llamastack.Shield;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists Llama Stack's shields, behind authentication as in LCS 0.3.x. An unreachable
 * Llama Stack is a 503 (from the backend's exception, as everywhere in this service); an
 * error answer is LCS 0.3.x's 500.
 */
@RestController
class ShieldsController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final LlamaStackStatus llamaStack;

	ShieldsController(LlamaStackStatus llamaStack) {
		this.llamaStack = llamaStack;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asMap(Shield shield) {
		// LinkedHashMap keeps Llama Stack's key order
		return JSON.convertValue(shield.raw(), LinkedHashMap.class);
	}

	@GetMapping("/v1/shields")
	ShieldsResponse shields() {
		List<Shield> shields;
		try {
			shields = this.llamaStack.backend().shields();
		}
		catch (LlamaStackApiException ex) {
			throw ApiException.of(HttpStatus.INTERNAL_SERVER_ERROR, "Unable to retrieve list of shields",
					String.valueOf(ex.getMessage()));
		}
		return new ShieldsResponse(shields.stream().map(ShieldsController::asMap).toList());
	}

}
