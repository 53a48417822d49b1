// Routing of /v1/: the catalogue and the floor for both API generations, then the routes of the one served.

package main

import (
	"io"
	"net/http"
	"strings"
)

func (s *server) v1(w http.ResponseWriter, r *http.Request, rest string) {
	get, post := r.Method == http.MethodGet, r.Method == http.MethodPost
	// the catalog: fixed answers to GET
	if get {
		if c, ok := s.fixed[rest]; ok {
			count(c.route)
			writeJSON(w, c.status, c.body)
			return
		}
	}
	switch {
	case rest == "query" && post:
		count(rFloorQuery)
		s.floorQuery(w, r)
	case rest == "streaming_query" && post:
		count(rFloorStream)
		s.floorStream(w, r)
	case strings.HasPrefix(rest, "models/") && len(rest) > len("models/") && get:
		count(rModel)
		s.getModel(w, rest[len("models/"):])
	case strings.HasPrefix(rest, "providers/") && len(rest) > len("providers/") && get:
		count(rProvider)
		s.getProvider(w, rest[len("providers/"):])
	case s.cfg.api == "responses":
		s.responsesAPI(w, r, rest)
	default:
		s.agentsAPI(w, r, rest)
	}
}

// segments splits a path below a route prefix; nil when a segment is empty.
func segments(rest string) []string {
	seg := strings.Split(rest, "/")
	for _, x := range seg {
		if x == "" {
			return nil
		}
	}
	return seg
}

// knownPath tells whether a path exists with another method (405) or not at all (404).
func knownPath(rest string) bool {
	for _, p := range [...]string{"query", "streaming_query", "models/", "providers/"} {
		if rest == p || (strings.HasSuffix(p, "/") && strings.HasPrefix(rest, p)) {
			return true
		}
	}
	return false
}

func (s *server) agentsAPI(w http.ResponseWriter, r *http.Request, rest string) {
	get, post := r.Method == http.MethodGet, r.Method == http.MethodPost
	switch {
	case rest == "toolgroups" && get:
		count(rToolgroupsGet)
		s.listToolgroups(w)
	case rest == "toolgroups" && post:
		count(rToolgroupsPost)
		s.registerToolgroup(w, r)
	case rest == "safety/run-shield" && post:
		count(rRunShield)
		_, _ = io.Copy(io.Discard, r.Body)
		writeJSON(w, 200, noViolation)
	case rest == "openai/v1/chat/completions" && post:
		count(rChatCompletion)
		s.chatCompletion(w, r)
	case rest == "agents" && post:
		count(rAgentsCreate)
		s.createAgent(w, r)
	case rest == "agents" && get:
		count(rAgentsList)
		s.listAgents(w)
	case strings.HasPrefix(rest, "agents/"):
		s.agentRoutes(w, r, rest[len("agents/"):])
	default:
		unmatched(w, r, knownPath(rest) || rest == "toolgroups" || rest == "safety/run-shield" || rest == "agents" ||
			rest == "openai/v1/chat/completions")
	}
}

func (s *server) responsesAPI(w http.ResponseWriter, r *http.Request, rest string) {
	post := r.Method == http.MethodPost
	switch {
	case rest == "responses" && post:
		s.createResponse(w, r) // counted there, by its stream flag
	case rest == "conversations" && post:
		count(rConversationCreate)
		s.createConversation(w, r)
	case rest == "moderations" && post:
		// OGX has no safety API
		count(rModerations)
		_, _ = io.Copy(io.Discard, r.Body)
		writeJSON(w, http.StatusNotFound, notFound)
	case strings.HasPrefix(rest, "conversations/"):
		s.conversationRoutes(w, r, rest[len("conversations/"):])
	case s.knowledgeAPI(w, r, rest):
	default:
		unmatched(w, r, knownPath(rest) || rest == "responses" || rest == "conversations")
	}
}

func (s *server) conversationRoutes(w http.ResponseWriter, r *http.Request, rest string) {
	seg := segments(rest)
	var rt route
	m := r.Method
	switch {
	case len(seg) == 1 && m == http.MethodGet:
		rt = rConversationGet
	case len(seg) == 1 && m == http.MethodPost:
		rt = rConversationUpdate
	case len(seg) == 1 && m == http.MethodDelete:
		rt = rConversationDelete
	case len(seg) == 2 && seg[1] == "items" && m == http.MethodGet:
		rt = rItemsList
	case len(seg) == 2 && seg[1] == "items" && m == http.MethodPost:
		rt = rItemsAdd
	case len(seg) == 3 && seg[1] == "items" && m == http.MethodGet:
		rt = rItemGet
	case len(seg) == 3 && seg[1] == "items" && m == http.MethodDelete:
		rt = rItemDelete
	default:
		unmatched(w, r, len(seg) == 1 || (len(seg) >= 2 && len(seg) <= 3 && seg[1] == "items"))
		return
	}
	count(rt)
	c := s.conversationOf(w, seg[0])
	if c == nil {
		return
	}
	switch rt {
	case rConversationGet:
		writeJSON(w, 200, appendConversation(nil, c))
	case rConversationUpdate:
		s.updateConversation(w, r, c)
	case rConversationDelete:
		s.deleteConversation(w, c.id)
	case rItemsList:
		s.listItems(w, r, c)
	case rItemsAdd:
		s.addItems(w, r, c)
	default:
		s.itemRoute(w, r, c, seg[2])
	}
}

func (s *server) agentRoutes(w http.ResponseWriter, r *http.Request, rest string) {
	seg := segments(rest)
	if seg == nil {
		unmatched(w, r, false)
		return
	}
	m := r.Method
	switch {
	case len(seg) == 1:
		switch m {
		case http.MethodGet:
			count(rAgentGet)
			s.getAgent(w, seg[0])
			return
		case http.MethodDelete:
			count(rAgentDelete)
			s.deleteAgent(w, seg[0])
			return
		}
	case len(seg) == 2 && seg[1] == "session":
		if m == http.MethodPost {
			count(rSessionCreate)
			s.createSession(w, r, seg[0])
			return
		}
	case len(seg) == 2 && seg[1] == "sessions":
		if m == http.MethodGet {
			count(rSessionsList)
			s.listSessions(w, seg[0])
			return
		}
	case len(seg) == 3 && seg[1] == "session":
		switch m {
		case http.MethodGet:
			count(rSessionGet)
			s.getSession(w, seg[0], seg[2])
			return
		case http.MethodDelete:
			count(rSessionDelete)
			s.deleteSession(w, seg[0], seg[2])
			return
		}
	case len(seg) == 4 && seg[1] == "session" && seg[3] == "turn":
		if m == http.MethodPost {
			count(rTurnCreate)
			s.createTurn(w, r, seg[0], seg[2])
			return
		}
	case len(seg) == 5 && seg[1] == "session" && seg[3] == "turn":
		if m == http.MethodGet {
			count(rTurnGet)
			s.getTurn(w, seg[0], seg[2], seg[4])
			return
		}
	default:
		unmatched(w, r, false)
		return
	}
	unmatched(w, r, true)
}
