package dev.lightspeed.stack.query;

import java.util.List;
import java.util.Set;

import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.config.CustomizationConfig;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.llamastack.LlamaStackBackend;
import dev.lightspeed.stack.llamastack.Shield;
import dev.lightspeed.stack.llamastack.TurnInput;
import dev.lightspeed.stack.mcp.McpServers;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The shields and tools a turn runs with: every shield, split by its name's prefix (LCS
 * 0.2.0), or those the request names ({@code shield_ids}, LCS 0.4.2: empty for none);
 * knowledge search over every vector store, or those the request names
 * ({@code vector_store_ids}: empty for none); and the MCP servers with each one's
 * credentials ({@link McpServers}).
 */
@Component
class TurnSetup {

	private static final Logger logger = LoggerFactory.getLogger(TurnSetup.class);

	private final LightspeedConfiguration configuration;

	private final LlamaStackBackend llamaStack;

	private final QueryProperties properties;

	private final McpServers mcpServers;

	TurnSetup(LightspeedConfiguration configuration, LlamaStackBackend llamaStack, QueryProperties properties,
			McpServers mcpServers) {
		this.configuration = configuration;
		this.llamaStack = llamaStack;
		this.properties = properties;
		this.mcpServers = mcpServers;
	}

	TurnInput.Shields shields(QueryRequest request) {
		List<Shield> shields = this.llamaStack.shields();
		List<String> requested = request.shieldIds();
		if (requested != null) {
			CustomizationConfig customization = this.configuration.customization();
			if (customization != null && customization.disableShieldIdsOverride()) {
				throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "Shield IDs customization is disabled",
						"This instance does not support customizing shield IDs in the query request "
								+ "(disable_shield_ids_override is set). Please remove the shield_ids field from "
								+ "your request.");
			}
			shields = chosen(shields, requested);
		}
		return new TurnInput.Shields(shields.stream().filter(Shield::checksInput).toList(),
				shields.stream().filter(Shield::checksOutput).toList());
	}

	// A name nobody knows is ignored while another is known, and refused when it would
	// leave no shield: a typo must not switch the shields off.
	private static List<Shield> chosen(List<Shield> shields, List<String> requested) {
		List<Shield> chosen = shields.stream().filter((shield) -> requested.contains(shield.identifier())).toList();
		List<String> unknown = requested.stream()
			.filter((id) -> chosen.stream().noneMatch((shield) -> shield.identifier().equals(id)))
			.sorted()
			.toList();
		if (!requested.isEmpty() && chosen.isEmpty()) {
			throw ApiException.of(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid shield configuration",
					"Requested shield_ids not found: " + unknown);
		}
		if (!unknown.isEmpty()) {
			logger.warn("Requested shields not found: {}", unknown);
		}
		return chosen;
	}

	TurnInput.@Nullable Tools tools(QueryRequest request, AuthenticatedUser user, HttpHeaders headers) {
		if (request.toolsDisabled()) {
			return null;
		}
		McpServers.Offer mcp = this.mcpServers.offer(user, headers::getFirst, this.properties.forwardCallerToken());
		return new TurnInput.Tools(vectorStores(request.vectorStoreIds()), mcp.servers(), mcp.headers());
	}

	private List<String> vectorStores(@Nullable List<String> requested) {
		List<String> known = this.llamaStack.vectorStoreIds();
		if (requested == null) {
			return known;
		}
		Set<String> available = Set.copyOf(known);
		for (String id : requested) {
			if (!available.contains(id)) {
				throw ApiException.of(HttpStatus.NOT_FOUND, "Vector store not found",
						"Vector store with ID " + id + " does not exist");
			}
		}
		return List.copyOf(requested);
	}

}
