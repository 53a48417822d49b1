// OGX 1.5.0's prompts, files and vector stores (-api responses), in memory, in the shapes of
// e2e/captures/ogx-1.5.0/knowledge: what the Java service's prompt, file and vector-store endpoints call.

package main

import (
	"encoding/json"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// maxKnowledge bounds each kind of object kept: beyond it the oldest are forgotten (a fuzzer creates many).
const maxKnowledge = 10000

type prompt struct {
	Prompt    string   `json:"prompt"`
	Version   int      `json:"version"`
	PromptID  string   `json:"prompt_id"`
	Variables []string `json:"variables"`
	IsDefault bool     `json:"is_default"`
}

type storedFile struct {
	Object        string `json:"object"`
	ID            string `json:"id"`
	Bytes         int64  `json:"bytes"`
	CreatedAt     int64  `json:"created_at"`
	ExpiresAt     int64  `json:"expires_at"`
	Filename      string `json:"filename"`
	Purpose       string `json:"purpose"`
	Status        string `json:"status"`
	StatusDetails string `json:"status_details"`
}

type fileCounts struct {
	Completed  int `json:"completed"`
	Cancelled  int `json:"cancelled"`
	Failed     int `json:"failed"`
	InProgress int `json:"in_progress"`
	Total      int `json:"total"`
}

type vectorStore struct {
	ID           string          `json:"id"`
	Object       string          `json:"object"`
	CreatedAt    int64           `json:"created_at"`
	Name         string          `json:"name"`
	UsageBytes   int64           `json:"usage_bytes"`
	FileCounts   fileCounts      `json:"file_counts"`
	Status       string          `json:"status"`
	ExpiresAfter interface{}     `json:"expires_after"`
	ExpiresAt    *int64          `json:"expires_at"`
	LastActiveAt int64           `json:"last_active_at"`
	Metadata     json.RawMessage `json:"metadata"`
	files        []*vectorStoreFile
}

type chunking struct {
	Type   string `json:"type"`
	Static struct {
		Overlap int `json:"chunk_overlap_tokens"`
		Max     int `json:"max_chunk_size_tokens"`
	} `json:"static"`
}

type vectorStoreFile struct {
	ID            string                 `json:"id"`
	Object        string                 `json:"object"`
	Attributes    map[string]interface{} `json:"attributes"`
	Chunking      chunking               `json:"chunking_strategy"`
	CreatedAt     int64                  `json:"created_at"`
	LastError     interface{}            `json:"last_error"`
	Status        string                 `json:"status"`
	UsageBytes    int64                  `json:"usage_bytes"`
	VectorStoreID string                 `json:"vector_store_id"`
}

// ordered is a map that remembers the order of insertion and forgets the oldest beyond maxKnowledge.
type ordered[T any] struct {
	byID  map[string]T
	order []string
}

func (o *ordered[T]) put(id string, v T) {
	if o.byID == nil {
		o.byID = map[string]T{}
	}
	if _, ok := o.byID[id]; !ok {
		o.order = append(o.order, id)
	}
	o.byID[id] = v
	for len(o.byID) > maxKnowledge {
		delete(o.byID, o.order[0])
		o.order = o.order[1:]
	}
}

func (o *ordered[T]) remove(id string) bool {
	if _, ok := o.byID[id]; !ok {
		return false
	}
	delete(o.byID, id)
	for i, x := range o.order {
		if x == id {
			o.order = append(o.order[:i], o.order[i+1:]...)
			break
		}
	}
	return true
}

func (o *ordered[T]) each(f func(T)) {
	for _, id := range o.order {
		f(o.byID[id])
	}
}

type knowledge struct {
	mu      sync.Mutex
	prompts ordered[[]*prompt] // every version, the default one marked
	files   ordered[*storedFile]
	stores  ordered[*vectorStore]
}

func (k *knowledge) clear() {
	k.mu.Lock()
	k.prompts, k.files, k.stores = ordered[[]*prompt]{}, ordered[*storedFile]{}, ordered[*vectorStore]{}
	k.mu.Unlock()
}

// knowledgeAPI answers the routes of prompts, files and vector stores; false when rest is none of them.
func (s *server) knowledgeAPI(w http.ResponseWriter, r *http.Request, rest string) bool {
	seg := segments(rest)
	if len(seg) == 0 {
		return false
	}
	k := &s.knowledge
	k.mu.Lock()
	defer k.mu.Unlock()
	switch seg[0] {
	case "prompts":
		count(rPrompts)
		k.promptRoutes(w, r, seg[1:])
	case "files":
		count(rFiles)
		k.fileRoutes(w, r, seg[1:])
	case "vector_stores":
		count(rVectorStores)
		k.storeRoutes(w, r, seg[1:])
	default:
		return false
	}
	return true
}

func answer(w http.ResponseWriter, status int, v interface{}) {
	b, _ := json.Marshal(v)
	writeJSON(w, status, b)
}

func errorMessage(w http.ResponseWriter, status int, msg string) {
	answer(w, status, map[string]map[string]string{"error": {"message": msg}})
}

// deletion is OGX's answer to a delete of a file, a vector store or a vector store's file.
type deletion struct {
	ID      string `json:"id"`
	Object  string `json:"object"`
	Deleted bool   `json:"deleted"`
}

func unixNow() int64 { return time.Now().Unix() }

func (k *knowledge) promptRoutes(w http.ResponseWriter, r *http.Request, seg []string) {
	m := r.Method
	if len(seg) == 0 {
		switch m {
		case http.MethodGet:
			var data []*prompt
			k.prompts.each(func(versions []*prompt) {
				for _, p := range versions {
					if p.IsDefault {
						data = append(data, p)
					}
				}
			})
			answer(w, 200, map[string]interface{}{"data": append([]*prompt{}, data...)})
		case http.MethodPost:
			var body struct {
				Prompt    string   `json:"prompt"`
				Variables []string `json:"variables"`
			}
			if decodeBody(w, r, &body) {
				p := &prompt{body.Prompt, 1, "pmpt_" + newHex48(), append([]string{}, body.Variables...), true}
				k.prompts.put(p.PromptID, []*prompt{p})
				answer(w, 200, p)
			}
		default:
			unmatched(w, r, true)
		}
		return
	}
	versions, ok := k.prompts.byID[seg[0]]
	if len(seg) > 1 {
		unmatched(w, r, false)
		return
	}
	if !ok {
		detail(w, http.StatusNotFound, "Prompt '"+seg[0]+"' not found. Use 'client.prompts.list()' to list available Prompts.")
		return
	}
	switch m {
	case http.MethodGet:
		for _, p := range versions {
			if v := r.URL.Query().Get("version"); (v == "" && p.IsDefault) || v == strconv.Itoa(p.Version) {
				answer(w, 200, p)
				return
			}
		}
		detail(w, http.StatusNotFound, "Prompt '"+seg[0]+"' version "+r.URL.Query().Get("version")+" not found")
	case http.MethodPut, http.MethodPost:
		var body struct {
			Prompt       string   `json:"prompt"`
			Version      int      `json:"version"`
			Variables    []string `json:"variables"`
			SetAsDefault bool     `json:"set_as_default"`
		}
		if !decodeBody(w, r, &body) {
			return
		}
		latest := versions[len(versions)-1]
		if body.Version != latest.Version {
			detail(w, http.StatusBadRequest, "Invalid value: Version "+strconv.Itoa(body.Version)+
				" is not the latest version "+strconv.Itoa(latest.Version)+". Use latest version to update.")
			return
		}
		p := &prompt{body.Prompt, latest.Version + 1, seg[0], append([]string{}, body.Variables...), body.SetAsDefault}
		if p.IsDefault {
			for _, old := range versions {
				old.IsDefault = false
			}
		}
		k.prompts.put(seg[0], append(versions, p))
		answer(w, 200, p)
	case http.MethodDelete:
		k.prompts.remove(seg[0])
		writeJSON(w, 200, jsonNull)
	default:
		unmatched(w, r, true)
	}
}

func (k *knowledge) fileRoutes(w http.ResponseWriter, r *http.Request, seg []string) {
	switch {
	case len(seg) == 0 && r.Method == http.MethodPost:
		if err := r.ParseMultipartForm(16 << 20); err != nil {
			detail(w, http.StatusBadRequest, "Invalid multipart form: "+err.Error())
			return
		}
		file, header, err := r.FormFile("file")
		if err != nil {
			validation(w, []string{"body", "file"}, "Field required", "missing")
			return
		}
		_ = file.Close()
		purpose := r.FormValue("purpose")
		if purpose == "" {
			purpose = "assistants"
		}
		created := unixNow()
		f := &storedFile{"file", "file-" + newHex48()[:32], header.Size, created, created + 365*24*3600,
			header.Filename, purpose, "processed", ""}
		k.files.put(f.ID, f)
		answer(w, 200, f)
	case len(seg) == 1 && (r.Method == http.MethodGet || r.Method == http.MethodDelete):
		f, ok := k.files.byID[seg[0]]
		if !ok {
			errorMessage(w, http.StatusNotFound, "File '"+seg[0]+"' not found. Use 'client.files.list()' to list available Files.")
		} else if r.Method == http.MethodGet {
			answer(w, 200, f)
		} else {
			k.files.remove(seg[0])
			answer(w, 200, deletion{seg[0], "file", true})
		}
	default:
		unmatched(w, r, len(seg) <= 1)
	}
}
