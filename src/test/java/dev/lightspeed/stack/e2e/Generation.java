package dev.lightspeed.stack.e2e;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The Llama Stack generation the e2e suite runs against ({@code LCS_E2E_LS_VERSION}, set
 * by {@code e2e/run-tests.sh}), and what a scenario needs to know about it: the names its
 * run.yaml gives the LLM stand-in and the shields, how a document gets into a vector
 * store, and what it cannot do, with the reason. Everything else a scenario asserts is
 * the same on every generation: that is the service's promise to its clients.
 */
public enum Generation {

	/** Llama Stack 0.2.22: the Agents API. */
	AGENTS_0_2_22("Llama Stack 0.2.22", "0.2.22", "0.2.22", "vllm", List.of("inout_llama_guard"), "knowledge_search",
			Map.of(Capability.INTERRUPTED_TURN_IN_HISTORY,
					"its Agents API stores only complete turns, so a stopped answer is not in the history")),

	/** Llama Stack 0.5.4 (what RHDH ships): the Responses API with shields. */
	LLAMA_STACK_0_5_4("Llama Stack 0.5.4", "0.5.4", "0.5.4", "openai", List.of("inout_llama_guard"), "file_search",
			Map.of()),

	/**
	 * Llama Stack 0.7.3, the last release before the rename: the Responses API with
	 * shields.
	 */
	LLAMA_STACK_0_7_3("Llama Stack 0.7.3", "0.7.3", "0.7.3", "openai", List.of("inout_llama_guard"), "file_search",
			Map.of()),

	/** OGX 1.5.0, the renamed Llama Stack: the Responses API without a safety API. */
	OGX_1_5_0("OGX 1.5.0", "ogx-1.5.0", "1.5.0", "openai", List.of(), "file_search",
			Map.of(Capability.SHIELDS,
					"it has no safety API (no /v1/shields, no /v1/moderations), so the service finds no shield "
							+ "and nothing checks questions or answers"));

	private final String displayName;

	private final String folder;

	private final String version;

	private final String provider;

	private final List<String> shields;

	private final String documentSearchTool;

	private final Map<Capability, String> lacking;

	Generation(String displayName, String folder, String version, String provider, List<String> shields,
			String documentSearchTool, Map<Capability, String> lacking) {
		this.displayName = displayName;
		this.folder = folder;
		this.version = version;
		this.provider = provider;
		this.shields = shields;
		this.documentSearchTool = documentSearchTool;
		this.lacking = lacking;
	}

	/**
	 * The generation the harness started.
	 * @return it
	 */
	public static Generation current() {
		String folder = System.getenv("LCS_E2E_LS_VERSION");
		String name = (folder == null || folder.isEmpty()) ? AGENTS_0_2_22.folder() : folder;
		return Arrays.stream(values())
			.filter((generation) -> generation.folder().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("LCS_E2E_LS_VERSION=" + name
					+ " names no generation the e2e suite knows: add it to " + Generation.class.getName()));
	}

	/**
	 * Its folder under {@code e2e/llama-stack/}.
	 * @return the folder name, e.g. {@code ogx-1.5.0}
	 */
	public String folder() {
		return this.folder;
	}

	/**
	 * What its {@code /v1/version} says.
	 * @return the version
	 */
	public String version() {
		return this.version;
	}

	/**
	 * The inference provider serving the LLM stand-in.
	 * @return the provider id
	 */
	public String provider() {
		return this.provider;
	}

	/**
	 * The LLM stand-in's model, as a client names it beside {@link #provider()}.
	 * @return the model
	 */
	public String model() {
		return "fake-model";
	}

	/**
	 * The LLM stand-in's Llama Stack identifier.
	 * @return {@code provider/model}
	 */
	public String modelId() {
		return this.provider + "/" + model();
	}

	/**
	 * The shields its run.yaml registers: each checks questions and answers.
	 * @return their identifiers, empty without a safety API
	 */
	public List<String> shields() {
		return this.shields;
	}

	/**
	 * The document search tool as the service's tool events name it.
	 * @return the tool name
	 */
	public String documentSearchTool() {
		return this.documentSearchTool;
	}

	/**
	 * Whether the Agents API answers (0.2.x), rather than the Responses API.
	 * @return true for the Agents API
	 */
	public boolean agentsApi() {
		return this == AGENTS_0_2_22;
	}

	/**
	 * Whether it can do something not every generation can.
	 * @param capability the capability
	 * @return true when it can
	 */
	public boolean has(Capability capability) {
		return !this.lacking.containsKey(capability);
	}

	/**
	 * Why it cannot do something, for the assertion or assumption that says so.
	 * @param capability a capability it lacks
	 * @return the reason, naming the generation
	 */
	public String lacks(Capability capability) {
		String reason = this.lacking.get(capability);
		if (reason == null) {
			throw new IllegalArgumentException(this.displayName + " has " + capability);
		}
		return this.displayName + " lacks " + capability + ": " + reason;
	}

	@Override
	public String toString() {
		return this.displayName;
	}

	/**
	 * What some generations cannot do.
	 */
	public enum Capability {

		/** Safety shields that check questions and answers. */
		SHIELDS,

		/** An answer the user stopped kept in the conversation's history. */
		INTERRUPTED_TURN_IN_HISTORY

	}

}
