// Catalog endpoints: models, providers, shields, vector DBs, tool groups.

package main

import (
	"bytes"
	"encoding/json"
	"net/http"
)

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
	_ = json.Unmarshal(s.providersJSON, &wrap)
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
