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

// fixedAnswer is a GET endpoint whose body never changes.
type fixedAnswer struct {
	route route
	body  []byte
}

type server struct {
	cfg   config
	store *store

	tokenEscaped [][]byte // JSON-escaped content (without quotes) of each token
	answer       string
	answerJSON   []byte // the whole answer as a JSON string, quoted
	totalDelay   time.Duration

	modelsJSON    []byte
	providersJSON []byte
	versionJSON   []byte
	fixed         map[string]fixedAnswer

	bufs sync.Pool
}

func newServer(cfg config) *server {
	s := &server{cfg: cfg, store: newStore(cfg.maxAgents, cfg.maxTurns)}
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

	ident := cfg.provider + "/" + cfg.model
	var b []byte
	b = append(b, `{"data":[{"identifier":`...)
	b = appendJSONString(b, ident)
	b = append(b, `,"provider_resource_id":`...)
	b = appendJSONString(b, cfg.model)
	b = append(b, `,"provider_id":`...)
	b = appendJSONString(b, cfg.provider)
	b = append(b, `,"type":"model","metadata":{},"model_type":"llm"},`+
		`{"identifier":"sentence-transformers/all-mpnet-base-v2","provider_resource_id":"all-mpnet-base-v2",`+
		`"provider_id":"sentence-transformers","type":"model","metadata":{"embedding_dimension":768},"model_type":"embedding"}]}`...)
	s.modelsJSON = b

	b = nil
	b = append(b, `{"data":[{"api":"inference","provider_id":`...)
	b = appendJSONString(b, cfg.provider)
	b = append(b, `,"provider_type":"remote::vllm","config":{"url":"http://127.0.0.1:8000/v1","max_tokens":4096,"api_token":"********","tls_verify":true},"health":{"status":"OK"}},`+
		`{"api":"inference","provider_id":"sentence-transformers","provider_type":"inline::sentence-transformers","config":{},"health":{"status":"OK"}},`+
		`{"api":"agents","provider_id":"meta-reference","provider_type":"inline::meta-reference","config":{"persistence_store":{"type":"sqlite","namespace":null,"db_path":"/tmp/agents_store.db"},"responses_store":{"type":"sqlite","db_path":"/tmp/responses_store.db"}},"health":{"status":"Not Implemented","message":"Provider does not implement health check"}},`+
		`{"api":"safety","provider_id":"llama-guard","provider_type":"inline::llama-guard","config":{"excluded_categories":[]},"health":{"status":"Not Implemented","message":"Provider does not implement health check"}},`+
		`{"api":"vector_io","provider_id":"faiss","provider_type":"inline::faiss","config":{"kvstore":{"type":"sqlite","namespace":null,"db_path":"/tmp/faiss_store.db"}},"health":{"status":"OK"}},`+
		`{"api":"tool_runtime","provider_id":"rag-runtime","provider_type":"inline::rag-runtime","config":{},"health":{"status":"Not Implemented","message":"Provider does not implement health check"}},`+
		`{"api":"tool_runtime","provider_id":"model-context-protocol","provider_type":"remote::model-context-protocol","config":{},"health":{"status":"Not Implemented","message":"Provider does not implement health check"}}]}`...)
	s.providersJSON = b

	s.versionJSON = appendJSONString([]byte(`{"version":`), cfg.version)
	s.versionJSON = append(s.versionJSON, '}')
	s.fixed = map[string]fixedAnswer{
		"version":    {rVersion, s.versionJSON},
		"health":     {rHealth, healthOK},
		"providers":  {rProviders, s.providersJSON},
		"models":     {rModels, s.modelsJSON},
		"shields":    {rShields, emptyList},
		"vector-dbs": {rVectorDbs, emptyList},
		"tools":      {rTools, emptyList},
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
	jsonNull     = []byte("null")
	emptyList    = []byte(`{"data":[]}`)
	notFound     = []byte(`{"detail":"Not Found"}`)
	notAllowed   = []byte(`{"detail":"Method Not Allowed"}`)
	healthOK     = []byte(`{"status":"OK"}`)
	noViolation  = []byte(`{"violation":null}`)
	contentSSE   = []string{"text/event-stream"}
	statsPath    = "/bench/stats"
	resetPath    = "/bench/reset"
	maxBodyBytes = int64(16 << 20)
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

func (s *server) v1(w http.ResponseWriter, r *http.Request, rest string) {
	m := r.Method
	get, post := m == http.MethodGet, m == http.MethodPost
	// the catalog: fixed answers to GET
	if get {
		if c, ok := s.fixed[rest]; ok {
			count(c.route)
			writeJSON(w, 200, c.body)
			return
		}
	}
	switch rest {
	case "toolgroups":
		if get {
			count(rToolgroupsGet)
			s.listToolgroups(w)
			return
		}
		if post {
			count(rToolgroupsPost)
			s.registerToolgroup(w, r)
			return
		}
	case "safety/run-shield":
		if post {
			count(rRunShield)
			_, _ = io.Copy(io.Discard, r.Body)
			writeJSON(w, 200, noViolation)
			return
		}
	case "agents":
		if post {
			count(rAgentsCreate)
			s.createAgent(w, r)
			return
		}
		if get {
			count(rAgentsList)
			s.listAgents(w)
			return
		}
	case "query":
		if post {
			count(rFloorQuery)
			s.floorQuery(w, r)
			return
		}
	case "streaming_query":
		if post {
			count(rFloorStream)
			s.floorStream(w, r)
			return
		}
	default:
		if strings.HasPrefix(rest, "agents/") {
			s.agentRoutes(w, r, rest[len("agents/"):])
			return
		}
		if strings.HasPrefix(rest, "models/") && len(rest) > len("models/") {
			if get {
				count(rModel)
				s.getModel(w, rest[len("models/"):])
				return
			}
			unmatched(w, r, true)
			return
		}
		if strings.HasPrefix(rest, "providers/") && len(rest) > len("providers/") {
			if get {
				count(rProvider)
				s.getProvider(w, rest[len("providers/"):])
				return
			}
			unmatched(w, r, true)
			return
		}
		unmatched(w, r, false)
		return
	}
	unmatched(w, r, true)
}

func (s *server) agentRoutes(w http.ResponseWriter, r *http.Request, rest string) {
	seg := strings.Split(rest, "/")
	for _, x := range seg {
		if x == "" {
			unmatched(w, r, false)
			return
		}
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
