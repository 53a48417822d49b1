package dev.lightspeed.stack.query;

import java.util.List;

import dev.lightspeed.stack.auth.AuthenticatedUser;
import dev.lightspeed.stack.config.CustomizationConfig;
import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.llamastack.LlamaStackStatus;
import dev.lightspeed.stack.llamastack.Shield;
import dev.lightspeed.stack.llamastack.TurnInput;
import dev.lightspeed.stack.mcp.McpServers;
import dev.lightspeed.stack.vectorstores.VectorStoreAccess;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The shields and tools a turn runs with: every shield, split by its name's prefix (LCS
 * 0.2.0), or those the request names ({@code shield_ids}, LCS 0.4.2: empty for none);
 * knowledge search over every vector store the user may read, or those the request names
 * ({@code vector_store_ids}: empty for none; one the user may not read is a 404,
 * {@link VectorStoreAccess}); and the MCP servers with each one's credentials
 * ({@link McpServers}).
 */
@Component
public class TurnSetup {

	private static final Logger logger = LoggerFactory.getLogger(TurnSetup.class);

	private final boolean shieldIdsOverrideDisabled;

	private final LlamaStackStatus llamaStack;

	private final QueryProperties properties;

	private final McpServers mcpServers;

	private final VectorStoreAccess vectorStores;

	TurnSetup(@Nullable CustomizationConfig customization, LlamaStackStatus llamaStack, QueryProperties properties,
			McpServers mcpServers, VectorStoreAccess vectorStores) {
		this.shieldIdsOverrideDisabled = customization != null && customization.disableShieldIdsOverride();
		this.llamaStack = llamaStack;
		this.properties = properties;
		this.mcpServers = mcpServers;
		this.vectorStores = vectorStores;
	}

	TurnInput.Shields shields(QueryRequest request) {
		return shields(request.shieldIds());
	}

	/**
	 * The shields a turn runs with, for {@code /v1/query} and {@code /v1/responses}
	 * alike.
	 * @param requested the shields the request names ({@code shield_ids}): null for all,
	 * empty for none
	 * @return the input and output shields
	 * @throws ApiException 422 when the request may not choose or names none known
	 */
	public TurnInput.Shields shields(@Nullable List<String> requested) {
		List<Shield> shields = this.llamaStack.backend().shields();
		if (requested != null) {
			if (this.shieldIdsOverrideDisabled) {
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
		return new TurnInput.Tools(this.vectorStores.searchable(user, request.vectorStoreIds()), mcp.servers(),
				mcp.headers());
	}

}
