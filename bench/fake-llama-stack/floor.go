// Zero-logic floor endpoints in LCS 0.2.0 wire format, for nginx proxy_pass.

package main

import (
	"io"
	"net/http"
	"strconv"
)

func (s *server) floorQuery(w http.ResponseWriter, r *http.Request) {
	_, _ = io.Copy(io.Discard, r.Body)
	if !sleep(r.Context(), s.totalDelay) {
		return
	}
	b := append([]byte(`{"conversation_id":"`), newID()...)
	b = append(b, `","response":`...)
	b = append(b, s.answerJSON...)
	writeJSON(w, 200, append(b, '}'))
}

// floorStream emits what LCS 0.2.0 emits for a plain 0.2.22 turn: start, the empty
// token of the inference step_start, one token per delta, turn_complete, end.
func (s *server) floorStream(w http.ResponseWriter, r *http.Request) {
	_, _ = io.Copy(io.Discard, r.Body)
	streamStarted()
	defer streamEnded()
	flusher, bp := s.startSSE(w, contentSSE)
	defer func() { s.putBuf(bp) }()
	b := append((*bp)[:0], `data: {"event": "start", "data": {"conversation_id": "`...)
	b = append(b, newID()...)
	b = append(b, `"}}`+"\n\n"...)
	b = append(b, `data: {"event": "token", "data": {"id": 0, "role": "inference", "token": ""}}`+"\n\n"...)
	if _, err := w.Write(b); err != nil {
		*bp = b
		return
	}
	if flusher != nil {
		flusher.Flush()
	}
	pace := newPacer(r.Context(), s.cfg.firstDelay, s.cfg.tokenDelay)
	defer pace.stop()
	for i := range s.tokenEscaped {
		if !pace.wait(i) {
			*bp = b
			return
		}
		b = append(b[:0], `data: {"event": "token", "data": {"id": `...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `, "role": "inference", "token": "`...)
		b = append(b, s.tokenEscaped[i]...)
		b = append(b, `"}}`+"\n\n"...)
		if _, err := w.Write(b); err != nil {
			*bp = b
			return
		}
		if flusher != nil {
			flusher.Flush()
		}
	}
	b = append(b[:0], `data: {"event": "turn_complete", "data": {"id": `...)
	b = strconv.AppendInt(b, int64(len(s.tokenEscaped)+1), 10)
	b = append(b, `, "token": `...)
	b = append(b, s.answerJSON...)
	b = append(b, `}}`+"\n\n"...)
	b = append(b, `data: {"event": "end", "data": {"referenced_documents": [], "truncated": null, "input_tokens": 0, "output_tokens": 0}, "available_quotas": {}}`+"\n\n"...)
	_, _ = w.Write(b)
	*bp = b
}
