package dev.lightspeed.stack.config;

import java.util.Set;

/**
 * The keys LCS 0.3 to 0.7.1 added that this service accepts without acting on them yet
 * (checked against the pydantic models of each release), so that a file written for those
 * releases loads and its operator learns, in one warning, what is ignored. A key whose
 * section is not read at all is named by its section. A feature that implements one of
 * these keys reads it in its record and takes it off this list.
 */
final class UnimplementedKeys {

	// list items as "[]"; the llama_stack section under either of its names
	private static final Set<String> KEYS = Set.of(
			// top-level sections
			"a2a_state", "approvals", "azure_entra_id", "byok_rag", "compaction", "config_format_version",
			"conversation_cache", "deployment_environment", "observability", "okp", "rag", "reranker", "rlsapi_v1",
			"saved_prompts", "shields", "skills", "splunk", "vector_store",
			// keys of sections this service reads
			"service.base_url", "service.root_path", "service.max_concurrent_file_uploads",
			"service.max_concurrent_vector_store_attaches", "service.delete_file_after_vector_store_attach",
			"llama_stack.timeout", "llama_stack.max_retries", "llama_stack.retry_delay",
			"llama_stack.allow_degraded_mode", "llama_stack.config", "authentication.skip_for_health_probes",
			"authentication.skip_for_metrics", "customization.profile_path", "customization.agent_card_path",
			"customization.agent_card_config", "customization.allow_verbose_infer", "inference.context_windows",
			"inference.providers", "inference.max_infer_iters", "inference.max_tool_calls",
			"mcp_servers[].require_approval", "quota_handlers.scheduler.database_reconnection_count",
			"quota_handlers.scheduler.database_reconnection_delay");

	private UnimplementedKeys() {
	}

	/**
	 * Whether a key the configuration reader did not read is one of these.
	 * @param path its path, e.g. {@code mcp_servers[2].require_approval}
	 * @return true when it is
	 */
	static boolean contains(String path) {
		String key = path.replaceAll("\\[\\d+]", "[]").replaceFirst("^ogx\\.", "llama_stack.");
		return KEYS.contains(key);
	}

}
