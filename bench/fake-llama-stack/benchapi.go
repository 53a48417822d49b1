// Benchmark endpoints: /bench/stats and /bench/reset.

package main

import (
	"encoding/json"
	"io"
	"net/http"
	"sync/atomic"
)

func (s *server) stats(w http.ResponseWriter) {
	calls := make(map[string]int64)
	var total int64
	for i := route(0); i < numRoutes; i++ {
		if n := atomic.LoadInt64(&counts[i].n); n != 0 {
			calls[routeNames[i]] = n
			total += n
		}
	}
	out := struct {
		Calls         map[string]int64 `json:"calls"`
		Total         int64            `json:"total"`
		ActiveStreams int64            `json:"active_streams"`
		PeakStreams   int64            `json:"peak_streams"`
		Agents        int              `json:"agents"`
		Conversations int              `json:"conversations"`
	}{calls, total, atomic.LoadInt64(&activeStreams), atomic.LoadInt64(&peakStreams), s.agents.size(),
		s.conversations.size()}
	b, _ := json.Marshal(out)
	writeJSON(w, 200, b)
}

// reset zeroes the counters (and the peak); ?all=1 also forgets agents, conversations and tool groups.
func (s *server) reset(w http.ResponseWriter, r *http.Request) {
	_, _ = io.Copy(io.Discard, r.Body)
	for i := range counts {
		atomic.StoreInt64(&counts[i].n, 0)
	}
	atomic.StoreInt64(&peakStreams, atomic.LoadInt64(&activeStreams))
	if v := r.URL.Query().Get("all"); v != "" && v != "0" && v != "false" {
		s.agents.clear()
		s.conversations.clear()
		s.knowledge.clear()
		toolgroupsMu.Lock()
		toolgroups = map[string][]byte{}
		toolgroupIDs = nil
		toolgroupsMu.Unlock()
	}
	writeJSON(w, 200, []byte(`{"reset":true}`))
}
