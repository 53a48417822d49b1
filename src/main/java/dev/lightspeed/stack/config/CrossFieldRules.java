package dev.lightspeed.stack.config;

/**
 * A configuration record with rules that span several keys.
 */
interface CrossFieldRules {

	/**
	 * States the record's rules.
	 * @param checks collects the failures
	 */
	void check(Checks checks);

	/**
	 * Collects rule failures, each at the key it concerns.
	 */
	interface Checks {

		/**
		 * Reports {@code message} at {@code key} unless {@code holds}.
		 * @param holds whether the rule holds
		 * @param key the YAML key the rule concerns, relative to the record, empty for
		 * the record's own key
		 * @param message what the rule says
		 */
		void require(boolean holds, String key, String message);

	}

}
