package main

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func call(s *server, method, path, body string) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest(method, path, strings.NewReader(body)))
	return w
}

// sameAs checks an answer's status and that its JSON has the shape of OGX 1.5.0's in a knowledge capture.
func sameAs(t *testing.T, w *httptest.ResponseRecorder, status int, name string) map[string]interface{} {
	t.Helper()
	if w.Code != status {
		t.Fatalf("%s: %d %s, OGX answered %d", name, w.Code, w.Body, status)
	}
	if got, want := shape(t, w.Body.Bytes()), shape(t, capture(t, "knowledge/"+name+".json")); got != want {
		t.Errorf("%s\n fake: %s\n OGX:  %s", name, got, want)
	}
	var m map[string]interface{}
	_ = json.Unmarshal(w.Body.Bytes(), &m)
	return m
}

// A prompt is created, updated to a new default version, read by version, listed, deleted, and then unknown.
func TestPromptsAsOGX(t *testing.T) {
	s := fakeServer(t)
	created := sameAs(t, post(s, "/v1/prompts", string(capture(t, "knowledge/prompt_create.request.json"))), 200, "prompt_create")
	id := created["prompt_id"].(string)
	updated := sameAs(t, call(s, http.MethodPut, "/v1/prompts/"+id, string(capture(t, "knowledge/prompt_update.request.json"))), 200, "prompt_update")
	if updated["version"] != 2.0 {
		t.Errorf("updated %v", updated)
	}
	if w := call(s, http.MethodPut, "/v1/prompts/"+id, string(capture(t, "knowledge/prompt_update.request.json"))); w.Code != 400 {
		t.Errorf("an update of version 1 after version 2: %d %s", w.Code, w.Body)
	}
	first := sameAs(t, call(s, http.MethodGet, "/v1/prompts/"+id+"?version=1", ""), 200, "prompt_get")
	if first["prompt"] != "Summarize: {{ text }}" {
		t.Errorf("version 1 %v", first)
	}
	listed := sameAs(t, call(s, http.MethodGet, "/v1/prompts", ""), 200, "prompts")
	if data := listed["data"].([]interface{}); len(data) != 1 || data[0].(map[string]interface{})["version"] != 2.0 {
		t.Errorf("listed %v", listed)
	}
	sameAs(t, call(s, http.MethodDelete, "/v1/prompts/"+id, ""), 200, "prompt_delete")
	sameAs(t, call(s, http.MethodGet, "/v1/prompts/"+id, ""), 404, "prompt_unknown")
}

// A file is uploaded, added to a vector store with attributes, listed, read, removed; the store renamed and deleted.
func TestFilesAndVectorStoresAsOGX(t *testing.T) {
	s := fakeServer(t)
	var form bytes.Buffer
	mw := multipart.NewWriter(&form)
	_ = mw.WriteField("purpose", "assistants")
	part, _ := mw.CreateFormFile("file", "notes.txt")
	_, _ = part.Write(capture(t, "knowledge/file_upload.document.txt"))
	_ = mw.Close()
	r := httptest.NewRequest(http.MethodPost, "/v1/files", &form)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	file := sameAs(t, w, 200, "file_upload")["id"].(string)

	store := sameAs(t, post(s, "/v1/vector_stores", string(capture(t, "knowledge/vector_store_create.request.json"))), 200, "vector_store_create")["id"].(string)
	added := strings.Replace(string(capture(t, "knowledge/vector_store_file_add.request.json")), "file-c88446a54f5544ffac3596a5945463d6", file, 1)
	sameAs(t, post(s, "/v1/vector_stores/"+store+"/files", added), 200, "vector_store_file_add")
	sameAs(t, call(s, http.MethodGet, "/v1/vector_stores/"+store+"/files?limit=100", ""), 200, "vector_store_files")
	sameAs(t, call(s, http.MethodGet, "/v1/vector_stores/"+store+"/files/"+file, ""), 200, "vector_store_file")
	renamed := sameAs(t, post(s, "/v1/vector_stores/"+store, string(capture(t, "knowledge/vector_store_update.request.json"))), 200, "vector_store_update")
	if renamed["name"] != "renamed" || renamed["file_counts"].(map[string]interface{})["total"] != 1.0 {
		t.Errorf("renamed %v", renamed)
	}
	sameAs(t, call(s, http.MethodGet, "/v1/vector_stores/vs_nope", ""), 400, "vector_store_unknown")
	sameAs(t, call(s, http.MethodDelete, "/v1/vector_stores/"+store+"/files/"+file, ""), 200, "vector_store_file_remove")
	sameAs(t, call(s, http.MethodDelete, "/v1/files/"+file, ""), 200, "file_delete")
	sameAs(t, call(s, http.MethodGet, "/v1/files/"+file, ""), 404, "file_get_deleted")
	sameAs(t, call(s, http.MethodDelete, "/v1/vector_stores/"+store, ""), 200, "vector_store_delete")
}
