// Catalog endpoints: models, providers, shields, vector DBs, tool groups; Llama Stack 0.2.22 or OGX 1.5.0 shapes.

package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

// nativeModels is the model list of Llama Stack 0.2.22: the llm model and an embedding model.
func nativeModels(cfg config) []byte {
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
	return b
}

// agentsProviders is the provider list of a Llama Stack 0.2.22 with a vLLM model.
func agentsProviders(cfg config) []byte {
	var b []byte
	b = append(b, `{"data":[{"api":"inference","provider_id":`...)
	b = appendJSONString(b, cfg.provider)
	b = append(b, `,"provider_type":"remote::vllm","config":{"url":"http://127.0.0.1:8000/v1","max_tokens":4096,"api_token":"********","tls_verify":true},"health":{"status":"OK"}},`+
		`{"api":"inference","provider_id":"sentence-transformers","provider_type":"inline::sentence-transformers","config":{},"health":{"status":"OK"}},`+
		`{"api":"agents","provider_id":"meta-reference","provider_type":"inline::meta-reference","config":{"persistence_store":{"type":"sqlite","namespace":null,"db_path":"/tmp/agents_store.db"},"responses_store":{"type":"sqlite","db_path":"/tmp/responses_store.db"}},"health":{"status":"Not Implemented","message":"Provider does not implement health check"}},`+
		`{"api":"safety","provider_id":"llama-guard","provider_type":"inline::llama-guard","config":{"excluded_categories":[]},"health":{"status":"Not Implemented","message":"Provider does not implement health check"}},`+
		`{"api":"vector_io","provider_id":"faiss","provider_type":"inline::faiss","config":{"kvstore":{"type":"sqlite","namespace":null,"db_path":"/tmp/faiss_store.db"}},"health":{"status":"OK"}},`+
		`{"api":"tool_runtime","provider_id":"rag-runtime","provider_type":"inline::rag-runtime","config":{},"health":{"status":"Not Implemented","message":"Provider does not implement health check"}},`+
		`{"api":"tool_runtime","provider_id":"model-context-protocol","provider_type":"remote::model-context-protocol","config":{},"health":{"status":"Not Implemented","message":"Provider does not implement health check"}}]}`...)
	return b
}

// openAIModels is OGX's model list (OpenAI's shape with custom_metadata): the llm model and an embedding model.
func openAIModels(cfg config) []byte {
	created := strconv.FormatInt(time.Now().Unix(), 10)
	b := []byte(`{"object":"list","data":[{"id":`)
	b = appendJSONString(b, cfg.provider+"/"+cfg.model)
	b = append(b, `,"object":"model","created":`+created+`,"owned_by":"ogx","custom_metadata":{"model_type":"llm","provider_id":`...)
	b = appendJSONString(b, cfg.provider)
	b = append(b, `,"provider_resource_id":`...)
	b = appendJSONString(b, cfg.model)
	return append(b, `}},{"id":"sentence-transformers/all-mpnet-base-v2","object":"model","created":`+created+
		`,"owned_by":"ogx","custom_metadata":{"model_type":"embedding","provider_id":"sentence-transformers",`+
		`"provider_resource_id":"all-mpnet-base-v2","embedding_dimension":768}}]}`...)
}

// ogxProviders is the provider list of an OGX 1.5.0 with an OpenAI-compatible model (no safety, no agents API).
func ogxProviders(cfg config) []byte {
	b := []byte(`{"data":[{"api":"inference","provider_id":`)
	b = appendJSONString(b, cfg.provider)
	return append(b, `,"provider_type":"remote::openai","config":{"base_url":"http://127.0.0.1:8000/v1","api_key":"********","refresh_models":false},"health":{"status":"Not Implemented","message":"Provider does not implement health check"}},`+
		`{"api":"responses","provider_id":"builtin","provider_type":"inline::builtin","config":{"persistence":{"responses":{"table_name":"responses","backend":"sql_default"}}},"health":{"status":"Not Implemented","message":"Provider does not implement health check"}},`+
		`{"api":"tool_runtime","provider_id":"model-context-protocol","provider_type":"remote::model-context-protocol","config":{},"health":{"status":"Not Implemented","message":"Provider does not implement health check"}},`+
		`{"api":"vector_io","provider_id":"faiss","provider_type":"inline::faiss","config":{"persistence":{"namespace":"vector_io::faiss","backend":"kv_default"}},"health":{"status":"Not Implemented","message":"Provider does not implement health check"}}]}`...)
}

func (s *server) getModel(w http.ResponseWriter, id string) {
	if id == s.cfg.provider+"/"+s.cfg.model || id == "sentence-transformers/all-mpnet-base-v2" {
		// the list entry of that model, plus the two fields a single GET adds
		var m []map[string]interface{}
		var wrap struct {
			Data []map[string]interface{} `json:"data"`
		}
		_ = json.Unmarshal(s.modelsJSON, &wrap)
		m = wrap.Data
		for _, x := range m {
			if x["identifier"] == id {
				x["owner"] = nil
				x["source"] = "via_register_api"
				b, _ := json.Marshal(x)
				writeJSON(w, 200, b)
				return
			}
		}
	}
	detail(w, http.StatusNotFound, "Model '"+id+"' not found. Use 'client.models.list()' to list available Models.")
}

func (s *server) getProvider(w http.ResponseWriter, id string) {
	var wrap struct {
		Data []json.RawMessage `json:"data"`
	}
	_ = json.Unmarshal(s.fixed["providers"].body, &wrap)
	for _, p := range wrap.Data {
		var x struct {
			ProviderID string `json:"provider_id"`
		}
		_ = json.Unmarshal(p, &x)
		if x.ProviderID == id {
			writeJSON(w, 200, p)
			return
		}
	}
	detail(w, http.StatusBadRequest, "Invalid value: Provider "+id+" not found")
}

func (s *server) listToolgroups(w http.ResponseWriter) {
	b := []byte(`{"data":[`)
	toolgroupsMu.Lock()
	for i, id := range toolgroupIDs {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, toolgroups[id]...)
	}
	toolgroupsMu.Unlock()
	writeJSON(w, 200, append(b, `]}`...))
}

func (s *server) registerToolgroup(w http.ResponseWriter, r *http.Request) {
	var req struct {
		ToolgroupID string          `json:"toolgroup_id"`
		ProviderID  string          `json:"provider_id"`
		MCPEndpoint json.RawMessage `json:"mcp_endpoint"`
		Args        json.RawMessage `json:"args"`
	}
	if !decodeBody(w, r, &req) {
		return
	}
	if req.ToolgroupID == "" || req.ProviderID == "" {
		validation(w, []string{"body", "toolgroup_id"}, "Field required", "missing")
		return
	}
	b := []byte(`{"identifier":`)
	b = appendJSONString(b, req.ToolgroupID)
	b = append(b, `,"provider_resource_id":`...)
	b = appendJSONString(b, req.ToolgroupID)
	b = append(b, `,"provider_id":`...)
	b = appendJSONString(b, req.ProviderID)
	b = append(b, `,"type":"tool_group","owner":null,"source":"via_register_api","mcp_endpoint":`...)
	b = appendRaw(b, req.MCPEndpoint)
	b = append(b, `,"args":`...)
	b = appendRaw(b, req.Args)
	b = append(b, '}')
	toolgroupsMu.Lock()
	if _, exists := toolgroups[req.ToolgroupID]; !exists {
		toolgroups[req.ToolgroupID] = b
		toolgroupIDs = append(toolgroupIDs, req.ToolgroupID)
	}
	toolgroupsMu.Unlock()
	writeJSON(w, 200, jsonNull)
}

// appendRaw appends a raw JSON value compacted, or null when absent.
func appendRaw(b []byte, raw json.RawMessage) []byte {
	if len(raw) == 0 {
		return append(b, "null"...)
	}
	var c bytes.Buffer
	if err := json.Compact(&c, raw); err != nil {
		return append(b, "null"...)
	}
	return append(b, c.Bytes()...)
}
