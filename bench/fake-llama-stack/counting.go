// Call counting per route template, for /bench/stats.

package main

import (
	"sync/atomic"
)

type route int

const (
	rVersion route = iota
	rHealth
	rProviders
	rProvider
	rModels
	rModel
	rShields
	rVectorDbs
	rToolgroupsGet
	rToolgroupsPost
	rTools
	rAgentsCreate
	rAgentsList
	rAgentGet
	rAgentDelete
	rSessionCreate
	rSessionsList
	rSessionGet
	rSessionDelete
	rTurnCreate
	rTurnGet
	rRunShield
	rChatCompletion
	rOpenAIVectorStores
	rVectorStores
	rConversationCreate
	rConversationGet
	rConversationUpdate
	rConversationDelete
	rItemsList
	rItemsAdd
	rItemGet
	rItemDelete
	rResponseStream
	rResponsePlain
	rModerations
	rPrompts
	rFiles
	rFloorQuery
	rFloorStream
	rUnmatchedGet
	rUnmatchedPost
	rUnmatchedDelete
	rUnmatchedOther
	numRoutes
)

var routeNames = [numRoutes]string{
	rVersion:            "GET /v1/version",
	rHealth:             "GET /v1/health",
	rProviders:          "GET /v1/providers",
	rProvider:           "GET /v1/providers/{provider_id}",
	rModels:             "GET /v1/models",
	rModel:              "GET /v1/models/{model_id}",
	rShields:            "GET /v1/shields",
	rVectorDbs:          "GET /v1/vector-dbs",
	rToolgroupsGet:      "GET /v1/toolgroups",
	rToolgroupsPost:     "POST /v1/toolgroups",
	rTools:              "GET /v1/tools",
	rAgentsCreate:       "POST /v1/agents",
	rAgentsList:         "GET /v1/agents",
	rAgentGet:           "GET /v1/agents/{agent_id}",
	rAgentDelete:        "DELETE /v1/agents/{agent_id}",
	rSessionCreate:      "POST /v1/agents/{agent_id}/session",
	rSessionsList:       "GET /v1/agents/{agent_id}/sessions",
	rSessionGet:         "GET /v1/agents/{agent_id}/session/{session_id}",
	rSessionDelete:      "DELETE /v1/agents/{agent_id}/session/{session_id}",
	rTurnCreate:         "POST /v1/agents/{agent_id}/session/{session_id}/turn",
	rTurnGet:            "GET /v1/agents/{agent_id}/session/{session_id}/turn/{turn_id}",
	rRunShield:          "POST /v1/safety/run-shield",
	rChatCompletion:     "POST /v1/openai/v1/chat/completions",
	rOpenAIVectorStores: "GET /v1/openai/v1/vector_stores",
	rVectorStores:       "* /v1/vector_stores[/…]",
	rConversationCreate: "POST /v1/conversations",
	rConversationGet:    "GET /v1/conversations/{conversation_id}",
	rConversationUpdate: "POST /v1/conversations/{conversation_id}",
	rConversationDelete: "DELETE /v1/conversations/{conversation_id}",
	rItemsList:          "GET /v1/conversations/{conversation_id}/items",
	rItemsAdd:           "POST /v1/conversations/{conversation_id}/items",
	rItemGet:            "GET /v1/conversations/{conversation_id}/items/{item_id}",
	rItemDelete:         "DELETE /v1/conversations/{conversation_id}/items/{item_id}",
	// the stream flag split, so that a topic summary (not streamed) shows apart from the answer
	rResponseStream:  "POST /v1/responses (stream)",
	rResponsePlain:   "POST /v1/responses (non-stream)",
	rModerations:     "POST /v1/moderations",
	rPrompts:         "* /v1/prompts[/{prompt_id}]",
	rFiles:           "* /v1/files[/{file_id}]",
	rFloorQuery:      "POST /v1/query",
	rFloorStream:     "POST /v1/streaming_query",
	rUnmatchedGet:    "GET (unmatched)",
	rUnmatchedPost:   "POST (unmatched)",
	rUnmatchedDelete: "DELETE (unmatched)",
	rUnmatchedOther:  "OTHER (unmatched)",
}

// counter is padded to a cache line so that counters of different routes do not
// share one.
type counter struct {
	n int64
	_ [56]byte
}

var (
	counts        [numRoutes]counter
	activeStreams int64
	peakStreams   int64
)

func count(r route) { atomic.AddInt64(&counts[r].n, 1) }

func streamStarted() {
	n := atomic.AddInt64(&activeStreams, 1)
	for {
		p := atomic.LoadInt64(&peakStreams)
		if n <= p || atomic.CompareAndSwapInt64(&peakStreams, p, n) {
			return
		}
	}
}

func streamEnded() { atomic.AddInt64(&activeStreams, -1) }
