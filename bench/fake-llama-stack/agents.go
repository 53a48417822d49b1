// Agents and sessions.

package main

import (
	"bytes"
	"encoding/json"
	"net/http"
)

func (s *server) createAgent(w http.ResponseWriter, r *http.Request) {
	var req struct {
		AgentConfig json.RawMessage `json:"agent_config"`
	}
	if !decodeBody(w, r, &req) {
		return
	}
	if len(req.AgentConfig) == 0 || req.AgentConfig[0] != '{' {
		validation(w, []string{"body", "agent_config"}, "Field required", "missing")
		return
	}
	var c bytes.Buffer
	if err := json.Compact(&c, req.AgentConfig); err != nil {
		validation(w, []string{"body", "agent_config"}, "Input should be a valid dictionary", "dict_type")
		return
	}
	a := &agent{id: newID(), config: intern(c.Bytes()), createdAt: now()}
	s.agents.add(a.id, a)
	b := append([]byte(`{"agent_id":`), appendJSONString(nil, a.id)...)
	writeJSON(w, 200, append(b, '}'))
}

func appendAgent(b []byte, a *agent) []byte {
	b = append(b, `{"agent_id":`...)
	b = appendJSONString(b, a.id)
	b = append(b, `,"agent_config":`...)
	b = append(b, a.config...)
	b = append(b, `,"created_at":`...)
	b = appendTS(b, a.createdAt)
	return append(b, '}')
}

func (s *server) getAgent(w http.ResponseWriter, id string) {
	a := s.agents.get(id)
	if a == nil {
		unknownAgent(w, id)
		return
	}
	writeJSON(w, 200, appendAgent(nil, a))
}

func (s *server) listAgents(w http.ResponseWriter) {
	b := []byte(`{"data":[`)
	first := true
	s.agents.each(func(a *agent) {
		if !first {
			b = append(b, ',')
		}
		first = false
		b = appendAgent(b, a)
	})
	writeJSON(w, 200, append(b, `],"has_more":false,"url":null}`...))
}

func (s *server) deleteAgent(w http.ResponseWriter, id string) {
	if !s.agents.remove(id) {
		unknownAgent(w, id)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *server) createSession(w http.ResponseWriter, r *http.Request, agentID string) {
	var req struct {
		SessionName json.RawMessage `json:"session_name"`
	}
	if !decodeBody(w, r, &req) {
		return
	}
	if len(req.SessionName) == 0 || req.SessionName[0] != '"' {
		validation(w, []string{"body", "session_name"}, "Field required", "missing")
		return
	}
	a := s.agents.get(agentID)
	if a == nil {
		unknownAgent(w, agentID)
		return
	}
	se := &session{id: newID(), name: append([]byte(nil), req.SessionName...), startedAt: now()}
	a.mu.Lock()
	a.sessions = append(a.sessions, se)
	a.mu.Unlock()
	b := append([]byte(`{"session_id":`), appendJSONString(nil, se.id)...)
	writeJSON(w, 200, append(b, '}'))
}

func (s *server) appendSession(b []byte, se *session, withTurns bool) []byte {
	b = append(b, `{"session_id":`...)
	b = appendJSONString(b, se.id)
	b = append(b, `,"session_name":`...)
	b = append(b, se.name...)
	b = append(b, `,"turns":[`...)
	if withTurns {
		for i, t := range se.turns {
			if i > 0 {
				b = append(b, ',')
			}
			b = s.appendTurn(b, t, se.id)
		}
	}
	b = append(b, `],"started_at":`...)
	b = appendTS(b, se.startedAt)
	return append(b, '}')
}

func (s *server) listSessions(w http.ResponseWriter, agentID string) {
	a := s.agents.get(agentID)
	if a == nil {
		unknownAgent(w, agentID)
		return
	}
	bp := s.getBuf()
	b := append(*bp, `{"data":[`...)
	a.mu.Lock()
	for i, se := range a.sessions {
		if i > 0 {
			b = append(b, ',')
		}
		b = s.appendSession(b, se, false)
	}
	a.mu.Unlock()
	b = append(b, `],"has_more":false,"url":"/v1/agents/{agent_id}/sessions"}`...)
	writeJSON(w, 200, b)
	*bp = b
	s.putBuf(bp)
}

func (s *server) getSession(w http.ResponseWriter, agentID, sessionID string) {
	a := s.agents.get(agentID)
	if a == nil {
		unknownAgent(w, agentID)
		return
	}
	bp := s.getBuf()
	b := *bp
	a.mu.Lock()
	se := a.session(sessionID)
	if se != nil {
		b = s.appendSession(b, se, true)
	}
	a.mu.Unlock()
	if se == nil {
		unknownSession(w, sessionID)
	} else {
		writeJSON(w, 200, b)
	}
	*bp = b
	s.putBuf(bp)
}

func (s *server) deleteSession(w http.ResponseWriter, agentID, sessionID string) {
	a := s.agents.get(agentID)
	if a == nil {
		unknownAgent(w, agentID)
		return
	}
	found := false
	a.mu.Lock()
	for i, se := range a.sessions {
		if se.id == sessionID {
			a.sessions = append(a.sessions[:i:i], a.sessions[i+1:]...)
			found = true
			break
		}
	}
	a.mu.Unlock()
	if !found {
		unknownSession(w, sessionID)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *server) getTurn(w http.ResponseWriter, agentID, sessionID, turnID string) {
	a := s.agents.get(agentID)
	if a == nil {
		unknownAgent(w, agentID)
		return
	}
	var b []byte
	a.mu.Lock()
	se := a.session(sessionID)
	if se != nil {
		for _, t := range se.turns {
			if t.id == turnID {
				b = s.appendTurn(nil, t, se.id)
				break
			}
		}
	}
	a.mu.Unlock()
	switch {
	case se == nil:
		unknownSession(w, sessionID)
	case b == nil:
		detail(w, http.StatusBadRequest, "Invalid value: Turn "+turnID+" not found")
	default:
		writeJSON(w, 200, b)
	}
}
