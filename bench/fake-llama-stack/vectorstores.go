// OGX 1.5.0's vector stores and their files (-api responses), in the shapes of e2e/captures/ogx-1.5.0/knowledge.

package main

import (
	"bytes"
	"encoding/json"
	"net/http"
)

func (k *knowledge) storeRoutes(w http.ResponseWriter, r *http.Request, seg []string) {
	m := r.Method
	if len(seg) == 0 {
		switch m {
		case http.MethodGet:
			var data []*vectorStore
			k.stores.each(func(v *vectorStore) { data = append(data, v) })
			answer(w, 200, openAIList(data, func(v *vectorStore) string { return v.ID }))
		case http.MethodPost:
			var body struct {
				Name     string          `json:"name"`
				Metadata json.RawMessage `json:"metadata"`
			}
			if decodeBody(w, r, &body) {
				now := unixNow()
				v := &vectorStore{ID: "vs_" + newID(), Object: "vector_store", CreatedAt: now, Name: body.Name,
					Status: "completed", LastActiveAt: now}
				v.Metadata = withProvider(body.Metadata, v.ID)
				k.stores.put(v.ID, v)
				answer(w, 200, v)
			}
		default:
			unmatched(w, r, true)
		}
		return
	}
	v, ok := k.stores.byID[seg[0]]
	if len(seg) > 3 || (len(seg) > 1 && seg[1] != "files") {
		unmatched(w, r, false)
		return
	}
	if !ok {
		// OGX 1.5.0 answers 400 here, not 404
		errorMessage(w, http.StatusBadRequest, "Vector_store '"+seg[0]+"' not found")
		return
	}
	if len(seg) > 1 {
		k.storeFileRoutes(w, r, v, seg[2:])
		return
	}
	switch m {
	case http.MethodGet:
		answer(w, 200, v)
	case http.MethodPost:
		var body struct {
			Name     *string         `json:"name"`
			Metadata json.RawMessage `json:"metadata"`
		}
		if !decodeBody(w, r, &body) {
			return
		}
		if body.Name != nil {
			v.Name = *body.Name
		}
		if len(body.Metadata) > 0 && body.Metadata[0] == '{' {
			v.Metadata = body.Metadata
		}
		v.LastActiveAt = unixNow()
		answer(w, 200, v)
	case http.MethodDelete:
		k.stores.remove(v.ID)
		answer(w, 200, deletion{v.ID, "vector_store.deleted", true})
	default:
		unmatched(w, r, true)
	}
}

func (k *knowledge) storeFileRoutes(w http.ResponseWriter, r *http.Request, v *vectorStore, seg []string) {
	switch {
	case len(seg) == 0 && r.Method == http.MethodGet:
		answer(w, 200, openAIList(v.files, func(f *vectorStoreFile) string { return f.ID }))
	case len(seg) == 0 && r.Method == http.MethodPost:
		var body struct {
			FileID     string                 `json:"file_id"`
			Attributes map[string]interface{} `json:"attributes"`
		}
		if !decodeBody(w, r, &body) {
			return
		}
		stored, ok := k.files.byID[body.FileID]
		if !ok {
			errorMessage(w, http.StatusNotFound, "File '"+body.FileID+"' not found. Use 'client.files.list()' to list available Files.")
			return
		}
		f := &vectorStoreFile{ID: stored.ID, Object: "vector_store.file", Attributes: orEmpty(body.Attributes),
			CreatedAt: unixNow(), Status: "completed", UsageBytes: stored.Bytes, VectorStoreID: v.ID}
		f.Chunking.Type, f.Chunking.Static.Overlap, f.Chunking.Static.Max = "static", 400, 800
		v.files = append(v.files, f)
		v.UsageBytes += f.UsageBytes
		v.FileCounts.Completed++
		v.FileCounts.Total++
		answer(w, 200, f)
	case len(seg) == 1 && (r.Method == http.MethodGet || r.Method == http.MethodDelete):
		for i, f := range v.files {
			if f.ID != seg[0] {
				continue
			}
			if r.Method == http.MethodGet {
				answer(w, 200, f)
			} else {
				v.files = append(v.files[:i], v.files[i+1:]...)
				v.UsageBytes -= f.UsageBytes
				v.FileCounts.Completed--
				v.FileCounts.Total--
				answer(w, 200, deletion{f.ID, "vector_store.file.deleted", true})
			}
			return
		}
		errorMessage(w, http.StatusNotFound, "File '"+seg[0]+"' not found in vector store '"+v.ID+"'")
	default:
		unmatched(w, r, len(seg) <= 1)
	}
}

// withProvider is the metadata OGX keeps for a new store: the caller's, then where the store lives.
func withProvider(metadata json.RawMessage, id string) json.RawMessage {
	b := bytes.TrimSpace(metadata)
	if len(b) < 2 || b[0] != '{' {
		b = []byte("{}")
	}
	out := append([]byte{}, b[:len(b)-1]...)
	if len(bytes.TrimSpace(out)) > 1 {
		out = append(out, ',')
	}
	out = append(out, `"provider_id":"faiss","provider_vector_store_id":`...)
	out = appendJSONString(out, id)
	return append(out, `,"embedding_model":"sentence-transformers/all-mpnet-base-v2","embedding_dimension":"768"}`...)
}

func orEmpty(m map[string]interface{}) map[string]interface{} {
	if m == nil {
		return map[string]interface{}{}
	}
	return m
}

type listPage[T any] struct {
	Object  string  `json:"object"`
	Data    []T     `json:"data"`
	FirstID *string `json:"first_id"`
	LastID  *string `json:"last_id"`
	HasMore bool    `json:"has_more"`
}

// openAIList is OpenAI's list shape: all the items, one page.
func openAIList[T any](items []T, id func(T) string) listPage[T] {
	list := listPage[T]{Object: "list", Data: append([]T{}, items...)}
	if len(items) > 0 {
		first, last := id(items[0]), id(items[len(items)-1])
		list.FirstID, list.LastID = &first, &last
	}
	return list
}
