package dev.lightspeed.stack.apikeys;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A key just issued or rotated: the only answer that carries the key itself.
 *
 * @param apiKey the key; shown this once, never stored
 * @param key what is stored about it
 */
record IssuedApiKey(@JsonProperty("api_key") String apiKey, ApiKey key) {

	@Override
	public String toString() {
		return "IssuedApiKey[key=" + this.key.id() + "]";
	}

}
