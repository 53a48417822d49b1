// The HTTP server and its routing.

package main

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// fixedAnswer is a GET endpoint whose answer never changes.
type fixedAnswer struct {
	route  route
	status int
	body   []byte
}

type server struct {
	cfg           config
	agents        *store[agent]
	conversations *store[conversation]
	knowledge     knowledge // prompts, files, vector stores (-api responses)

	tokenEscaped [][]byte // JSON-escaped content (without quotes) of each token
	answer       string
	answerJSON   []byte // the whole answer as a JSON string, quoted
	totalDelay   time.Duration

	modelsJSON  []byte // Llama Stack's own shape, also what GET /v1/models/{id} answers from
	versionJSON []byte
	fixed       map[string]fixedAnswer

	bufs sync.Pool
}

func newServer(cfg config) *server {
	s := &server{cfg: cfg, agents: newStore[agent](cfg.maxAgents, cfg.maxTurns),
		conversations: newStore[conversation](cfg.maxAgents, cfg.maxTurns)}
	var all strings.Builder
	for i := 0; i < cfg.tokens; i++ {
		t := "tok" + strconv.Itoa(i) + " "
		all.WriteString(t)
		q := appendJSONString(nil, t)
		s.tokenEscaped = append(s.tokenEscaped, q[1:len(q)-1])
	}
	s.answer = all.String()
	s.answerJSON = appendJSONString(nil, s.answer)
	if cfg.tokens > 0 {
		s.totalDelay = cfg.firstDelay + time.Duration(cfg.tokens-1)*cfg.tokenDelay
	}

	s.modelsJSON = nativeModels(cfg)
	s.versionJSON = appendJSONString([]byte(`{"version":`), cfg.version)
	s.versionJSON = append(s.versionJSON, '}')
	if cfg.api == "responses" {
		s.fixed = map[string]fixedAnswer{
			"version":   {rVersion, 200, s.versionJSON},
			"health":    {rHealth, 200, healthOK},
			"providers": {rProviders, 200, ogxProviders(cfg)},
			"models":    {rModels, 200, openAIModels(cfg)},
			"shields":   {rShields, http.StatusNotFound, notFound}, // OGX has no safety API
			"tools":     {rTools, 200, emptyList},
		}
	} else {
		s.fixed = map[string]fixedAnswer{
			"version":    {rVersion, 200, s.versionJSON},
			"health":     {rHealth, 200, healthOK},
			"providers":  {rProviders, 200, agentsProviders(cfg)},
			"models":     {rModels, 200, s.modelsJSON},
			"shields":    {rShields, 200, emptyList},
			"vector-dbs": {rVectorDbs, 200, emptyList},
			"tools":      {rTools, 200, emptyList},
			// the OpenAI-compatible API that 0.2.x serves beside its own
			"openai/v1/vector_stores": {rOpenAIVectorStores, 200, emptyOpenAIList},
		}
	}

	s.bufs.New = func() interface{} { b := make([]byte, 0, 1024); return &b }
	return s
}

func (s *server) getBuf() *[]byte { return s.bufs.Get().(*[]byte) }

func (s *server) putBuf(b *[]byte) {
	if cap(*b) <= 64<<10 {
		*b = (*b)[:0]
		s.bufs.Put(b)
	}
}

func writeJSON(w http.ResponseWriter, status int, body []byte) {
	h := w.Header()
	h["Content-Type"] = []string{"application/json"}
	h["Content-Length"] = []string{strconv.Itoa(len(body))}
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

var (
	jsonNull        = []byte("null")
	emptyList       = []byte(`{"data":[]}`)
	emptyOpenAIList = []byte(`{"object":"list","data":[],"first_id":null,"last_id":null,"has_more":false}`)
	notFound        = []byte(`{"detail":"Not Found"}`)
	notAllowed      = []byte(`{"detail":"Method Not Allowed"}`)
	healthOK        = []byte(`{"status":"OK"}`)
	noViolation     = []byte(`{"violation":null}`)
	contentSSE      = []string{"text/event-stream"}
	statsPath       = "/bench/stats"
	resetPath       = "/bench/reset"
	maxBodyBytes    = int64(16 << 20)
)

func detail(w http.ResponseWriter, status int, msg string) {
	b := append([]byte(`{"detail":`), appendJSONString(nil, msg)...)
	writeJSON(w, status, append(b, '}'))
}

// validation answers the 0.2.x request-validation error shape.
func validation(w http.ResponseWriter, loc []string, msg, typ string) {
	b := []byte(`{"error":{"detail":{"errors":[{"loc":[`)
	for i, l := range loc {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, l)
	}
	b = append(b, `],"msg":`...)
	b = appendJSONString(b, msg)
	b = append(b, `,"type":`...)
	b = appendJSONString(b, typ)
	writeJSON(w, http.StatusBadRequest, append(b, `}]}}}`...))
}

func unknownAgent(w http.ResponseWriter, id string) {
	detail(w, http.StatusBadRequest, "Invalid value: Could not find agent info for "+id)
}

func unknownSession(w http.ResponseWriter, id string) {
	detail(w, http.StatusBadRequest, "Invalid value: Session '"+id+"' not found or access denied.")
}

func readBody(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	if err != nil {
		detail(w, http.StatusBadRequest, "could not read the request body")
		return nil, false
	}
	return body, true
}

// decodeBody reads the JSON body into v, answering 400 or the 0.2.x validation error
// itself when it cannot.
func decodeBody(w http.ResponseWriter, r *http.Request, v interface{}) bool {
	body, ok := readBody(w, r)
	if !ok {
		return false
	}
	if err := json.Unmarshal(body, v); err != nil {
		validation(w, []string{"body"}, "JSON decode error", "json_invalid")
		return false
	}
	return true
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	if strings.HasPrefix(p, "/v1/") {
		s.v1(w, r, p[len("/v1/"):])
		return
	}
	switch p {
	case statsPath:
		if r.Method == http.MethodGet {
			s.stats(w)
			return
		}
	case resetPath:
		if r.Method == http.MethodPost {
			s.reset(w, r)
			return
		}
	}
	unmatched(w, r, false)
}

func unmatched(w http.ResponseWriter, r *http.Request, knownPath bool) {
	switch r.Method {
	case http.MethodGet:
		count(rUnmatchedGet)
	case http.MethodPost:
		count(rUnmatchedPost)
	case http.MethodDelete:
		count(rUnmatchedDelete)
	default:
		count(rUnmatchedOther)
	}
	if knownPath {
		writeJSON(w, http.StatusMethodNotAllowed, notAllowed)
		return
	}
	writeJSON(w, http.StatusNotFound, notFound)
}
