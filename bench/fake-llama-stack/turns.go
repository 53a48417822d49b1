// Turns: the 0.2.22 SSE stream and the non-streaming Turn.

package main

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"
)

type message struct {
	Role    string          `json:"role"`
	Content json.RawMessage `json:"content"`
	Context json.RawMessage `json:"context"`
	CallID  json.RawMessage `json:"call_id"`
}

type document struct {
	Content json.RawMessage `json:"content"`
}

type turnRequest struct {
	Messages  []message  `json:"messages"`
	Stream    *bool      `json:"stream"`
	Documents []document `json:"documents"`
}

// renderInput renders input_messages as Llama Stack stores them; the text of string
// documents is appended to the last user message, as Llama Stack does.
func renderInput(msgs []message, docs []document) []byte {
	var docText []string
	for _, d := range docs {
		var s string
		if len(d.Content) > 0 && d.Content[0] == '"' && json.Unmarshal(d.Content, &s) == nil {
			docText = append(docText, s)
		}
	}
	lastUser := -1
	for i := range msgs {
		if msgs[i].Role == "user" {
			lastUser = i
		}
	}
	b := []byte{'['}
	for i := range msgs {
		m := &msgs[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"role":`...)
		b = appendJSONString(b, m.Role)
		if m.Role == "tool" {
			b = append(b, `,"call_id":`...)
			b = appendRaw(b, m.CallID)
		}
		b = append(b, `,"content":`...)
		if i == lastUser && len(docText) > 0 && len(m.Content) > 0 && m.Content[0] == '"' {
			var s string
			_ = json.Unmarshal(m.Content, &s)
			b = appendJSONString(b, s+strings.Join(docText, "\n"))
		} else {
			b = appendRaw(b, m.Content)
		}
		if m.Role != "tool" {
			b = append(b, `,"context":`...)
			b = appendRaw(b, m.Context)
		}
		b = append(b, '}')
	}
	return append(b, ']')
}

func (s *server) appendModelResponse(b []byte) []byte {
	b = append(b, `{"role":"assistant","content":`...)
	b = append(b, s.answerJSON...)
	return append(b, `,"stop_reason":"end_of_turn","tool_calls":[]}`...)
}

func (s *server) appendInferenceStep(b []byte, t *turn) []byte {
	b = append(b, `{"turn_id":"`...)
	b = append(b, t.id...)
	b = append(b, `","step_id":"`...)
	b = append(b, t.stepID...)
	b = append(b, `","started_at":`...)
	b = appendTS(b, t.stepStarted)
	b = append(b, `,"completed_at":`...)
	b = appendTS(b, t.stepDone)
	b = append(b, `,"step_type":"inference","model_response":`...)
	b = s.appendModelResponse(b)
	return append(b, '}')
}

func (s *server) appendTurn(b []byte, t *turn, sessionID string) []byte {
	b = append(b, `{"turn_id":"`...)
	b = append(b, t.id...)
	b = append(b, `","session_id":"`...)
	b = append(b, sessionID...)
	b = append(b, `","input_messages":`...)
	b = append(b, t.input...)
	b = append(b, `,"steps":[`...)
	b = s.appendInferenceStep(b, t)
	b = append(b, `],"output_message":`...)
	b = s.appendModelResponse(b)
	b = append(b, `,"output_attachments":[],"started_at":`...)
	b = appendTS(b, t.startedAt)
	b = append(b, `,"completed_at":`...)
	b = appendTS(b, t.completedAt)
	return append(b, '}')
}

// pacer waits until the deadline of each token, so that the time spent writing does
// not add up: token i is due at start + first-token-delay + i*token-delay.
type pacer struct {
	ctx   context.Context
	timer *time.Timer
	next  time.Time
	first time.Duration
	every time.Duration
}

func newPacer(ctx context.Context, first, every time.Duration) *pacer {
	return &pacer{ctx: ctx, next: time.Now(), first: first, every: every}
}

// wait blocks until token i is due; false when the client went away.
func (p *pacer) wait(i int) bool {
	d := p.every
	if i == 0 {
		d = p.first
	}
	if d <= 0 {
		return p.ctx.Err() == nil
	}
	p.next = p.next.Add(d)
	left := time.Until(p.next)
	if left <= 0 {
		return p.ctx.Err() == nil
	}
	if p.timer == nil {
		p.timer = time.NewTimer(left)
	} else {
		p.timer.Reset(left)
	}
	select {
	case <-p.timer.C:
		return true
	case <-p.ctx.Done():
		p.timer.Stop()
		return false
	}
}

func (p *pacer) stop() {
	if p.timer != nil {
		p.timer.Stop()
	}
}

// sleep waits d unless the client goes away first.
func sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return ctx.Err() == nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// streamError answers a failure the way 0.2.22 does for anything found after the
// request was validated: HTTP 200 and one non-compact error line.
func streamError(w http.ResponseWriter, msg string) {
	w.Header()["Content-Type"] = contentSSE
	w.WriteHeader(200)
	b := append([]byte(`data: {"error": {"message": `), appendJSONString(nil, msg)...)
	_, _ = w.Write(append(b, "}}\n\n"...))
}

func (s *server) createTurn(w http.ResponseWriter, r *http.Request, agentID, sessionID string) {
	var req turnRequest
	if !decodeBody(w, r, &req) {
		return
	}
	if req.Messages == nil {
		validation(w, []string{"body", "messages"}, "Field required", "missing")
		return
	}
	stream := req.Stream != nil && *req.Stream
	a := s.agents.get(agentID)
	if a == nil {
		if stream {
			streamError(w, "400: Invalid value: Could not find agent info for "+agentID)
		} else {
			unknownAgent(w, agentID)
		}
		return
	}
	a.mu.Lock()
	se := a.session(sessionID)
	a.mu.Unlock()
	if se == nil {
		if stream {
			streamError(w, "400: Invalid value: Session '"+sessionID+"' not found or access denied.")
		} else {
			unknownSession(w, sessionID)
		}
		return
	}
	t := &turn{id: newID(), stepID: newID(), input: renderInput(req.Messages, req.Documents), startedAt: now()}
	t.stepStarted = t.startedAt
	ctx := r.Context()

	if !stream {
		// Real 0.2.22 answers 501 here; clients always stream. Kept for convenience.
		if !sleep(ctx, s.totalDelay) {
			return
		}
		t.stepDone = now()
		t.completedAt = t.stepDone
		s.storeTurn(a, se, t)
		writeJSON(w, 200, s.appendTurn(nil, t, se.id))
		return
	}

	streamStarted()
	defer streamEnded()
	flusher, bp := s.startSSE(w, contentSSE)
	defer func() { s.putBuf(bp) }()

	b := append((*bp)[:0], `data: {"event":{"payload":{"event_type":"step_start","step_type":"inference","step_id":"`...)
	b = append(b, t.stepID...)
	b = append(b, `","metadata":{}}}}`+"\n\n"...)
	if _, err := w.Write(b); err != nil {
		return
	}
	if flusher != nil {
		flusher.Flush()
	}

	// one reusable buffer: the fixed prefix, then each token's text and the suffix
	b = append(b[:0], `data: {"event":{"payload":{"event_type":"step_progress","step_type":"inference","step_id":"`...)
	b = append(b, t.stepID...)
	b = append(b, `","delta":{"type":"text","text":"`...)
	prefix := len(b)
	pace := newPacer(ctx, s.cfg.firstDelay, s.cfg.tokenDelay)
	defer pace.stop()
	for i, tok := range s.tokenEscaped {
		if !pace.wait(i) {
			*bp = b
			return
		}
		b = append(b[:prefix], tok...)
		b = append(b, `"}}}}`+"\n\n"...)
		if _, err := w.Write(b); err != nil {
			*bp = b
			return
		}
		if flusher != nil {
			flusher.Flush()
		}
	}

	t.stepDone = now()
	t.completedAt = t.stepDone
	// stored before turn_complete goes out, so a history read right after sees it
	s.storeTurn(a, se, t)
	b = append(b[:0], `data: {"event":{"payload":{"event_type":"step_complete","step_type":"inference","step_id":"`...)
	b = append(b, t.stepID...)
	b = append(b, `","step_details":`...)
	b = s.appendInferenceStep(b, t)
	b = append(b, "}}}\n\n"...)
	b = append(b, `data: {"event":{"payload":{"event_type":"turn_complete","turn":`...)
	b = s.appendTurn(b, t, se.id)
	b = append(b, "}}}\n\n"...)
	_, _ = w.Write(b)
	*bp = b
	// the handler's return flushes and ends the chunked body
}

func (s *server) storeTurn(a *agent, se *session, t *turn) {
	a.mu.Lock()
	se.turns = append(se.turns, t)
	if len(se.turns) > s.agents.maxTurns {
		n := copy(se.turns, se.turns[len(se.turns)-s.agents.maxTurns:])
		for i := n; i < len(se.turns); i++ {
			se.turns[i] = nil
		}
		se.turns = se.turns[:n]
	}
	a.mu.Unlock()
}

// startSSE sends the status line and headers of an event stream and lends a buffer for
// its events (give it back with putBuf).
func (s *server) startSSE(w http.ResponseWriter, contentType []string) (http.Flusher, *[]byte) {
	flusher, _ := w.(http.Flusher)
	w.Header()["Content-Type"] = contentType
	w.WriteHeader(200)
	return flusher, s.getBuf()
}

// chatCompletion answers POST /v1/openai/v1/chat/completions without streaming (what a topic summary asks): the
// whole answer after the whole turn delay, in 0.2.22's OpenAIChatCompletion shape.
func (s *server) chatCompletion(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Model    *string         `json:"model"`
		Messages json.RawMessage `json:"messages"`
		Stream   *bool           `json:"stream"`
	}
	if !decodeBody(w, r, &req) {
		return
	}
	switch {
	case req.Model == nil || len(req.Messages) == 0:
		validation(w, []string{"body", "messages"}, "Field required", "missing")
		return
	case req.Stream != nil && *req.Stream:
		detail(w, http.StatusNotImplemented, "the fake answers chat completions without streaming only")
		return
	case *req.Model != s.cfg.provider+"/"+s.cfg.model:
		detail(w, http.StatusBadRequest, "Invalid value: Model '"+*req.Model+"' not found")
		return
	}
	if !sleep(r.Context(), s.totalDelay) {
		return
	}
	b := append([]byte(`{"id":"chatcmpl-`), newID()...)
	b = append(b, `","choices":[{"message":{"role":"assistant","content":`...)
	b = append(b, s.answerJSON...)
	b = append(b, `,"name":null,"tool_calls":null},"finish_reason":"stop","index":0,"logprobs":null}],"object":"chat.completion","created":`...)
	b = strconv.AppendInt(b, time.Now().Unix(), 10)
	b = append(b, `,"model":`...)
	b = appendJSONString(b, *req.Model)
	writeJSON(w, 200, append(b, '}'))
}
