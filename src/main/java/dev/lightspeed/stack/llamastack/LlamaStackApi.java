package dev.lightspeed.stack.llamastack;

import dev.lightspeed.stack.llamastack.Wire.AgentCreated;
import dev.lightspeed.stack.llamastack.Wire.AgentRequest;
import dev.lightspeed.stack.llamastack.Wire.Identified;
import dev.lightspeed.stack.llamastack.Wire.Listing;
import dev.lightspeed.stack.llamastack.Wire.ProviderInfo;
import dev.lightspeed.stack.llamastack.Wire.SessionCreated;
import dev.lightspeed.stack.llamastack.Wire.SessionInfo;
import dev.lightspeed.stack.llamastack.Wire.SessionRequest;
import dev.lightspeed.stack.llamastack.Wire.ToolGroupInfo;
import dev.lightspeed.stack.llamastack.Wire.ToolGroupRegistration;
import dev.lightspeed.stack.llamastack.Wire.VersionInfo;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The plain JSON endpoints of Llama Stack 0.2.x (protocol §A.2, §A.3, §A.9, §A.10). Turns
 * stream and go through {@link EventStreamClient}.
 */
@HttpExchange(url = "/v1", accept = "application/json")
interface LlamaStackApi {

	@GetExchange("/version")
	VersionInfo version();

	@GetExchange("/models")
	Listing<ObjectNode> models();

	@GetExchange("/shields")
	Listing<ObjectNode> shields();

	@GetExchange("/vector-dbs")
	Listing<Identified> vectorDbs();

	@GetExchange("/providers")
	Listing<ProviderInfo> providers();

	@GetExchange("/toolgroups")
	Listing<ToolGroupInfo> toolGroups();

	@PostExchange("/toolgroups")
	void registerToolGroup(@RequestBody ToolGroupRegistration registration);

	@PostExchange("/agents")
	AgentCreated createAgent(@RequestBody AgentRequest request);

	@DeleteExchange("/agents/{agentId}")
	void deleteAgent(@PathVariable("agentId") String agentId);

	@PostExchange("/agents/{agentId}/session")
	SessionCreated createSession(@PathVariable("agentId") String agentId, @RequestBody SessionRequest request);

	@GetExchange("/agents/{agentId}/sessions")
	Listing<SessionInfo> sessions(@PathVariable("agentId") String agentId);

	@GetExchange("/agents/{agentId}/session/{sessionId}")
	SessionInfo session(@PathVariable("agentId") String agentId, @PathVariable("sessionId") String sessionId);

	@DeleteExchange("/agents/{agentId}/session/{sessionId}")
	void deleteSession(@PathVariable("agentId") String agentId, @PathVariable("sessionId") String sessionId);

}
