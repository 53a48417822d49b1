package dev.lightspeed.stack.apikeys;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/admin/api-keys}: issue, list, show, rotate and revoke keys. Only the admin
 * credential opens it (the security chain checks it before any of this runs).
 */
@RestController
@RequestMapping("/v1/admin/api-keys")
class AdminApiKeysController {

	private final ApiKeyService keys;

	AdminApiKeysController(ApiKeyService keys) {
		this.keys = keys;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	IssuedApiKey issue(@RequestBody ApiKeyRequest request, HttpServletRequest http) {
		return this.keys.issue(request, actor(http));
	}

	@GetMapping
	ApiKeysResponse list(HttpServletRequest http) {
		return new ApiKeysResponse(this.keys.list(actor(http)));
	}

	@GetMapping("/{key_id}")
	ApiKey show(@PathVariable("key_id") String keyId, HttpServletRequest http) {
		return this.keys.show(keyId, actor(http));
	}

	@PostMapping("/{key_id}/rotate")
	IssuedApiKey rotate(@PathVariable("key_id") String keyId, HttpServletRequest http) {
		return this.keys.rotate(keyId, actor(http));
	}

	@DeleteMapping("/{key_id}")
	ApiKey revoke(@PathVariable("key_id") String keyId, HttpServletRequest http) {
		return this.keys.revoke(keyId, actor(http));
	}

	// one admin credential: who acted is told apart by where the request came from
	private static String actor(HttpServletRequest http) {
		return "admin API from " + http.getRemoteAddr();
	}

}
