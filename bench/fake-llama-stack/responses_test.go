package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

const captures = "../../e2e/captures/ogx-1.5.0/"

// shape renders a JSON value's structure: objects with their keys in order, an array by its first element,
// everything else by its kind, so that a capture and the fake's answer compare whatever their ids, times and text.
func shape(t *testing.T, data []byte) string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var b strings.Builder
	var walk func()
	walk = func() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatalf("not JSON: %v in %s", err, data)
		}
		switch v := tok.(type) {
		case json.Delim:
			switch v {
			case '{':
				b.WriteString("{")
				for dec.More() {
					key, _ := dec.Token()
					b.WriteString(key.(string) + ":")
					walk()
					b.WriteString(",")
				}
				_, _ = dec.Token()
				b.WriteString("}")
			case '[':
				b.WriteString("[")
				if dec.More() {
					walk()
					for dec.More() {
						mark := b.Len()
						walk()
						s := b.String()[:mark]
						b.Reset()
						b.WriteString(s)
					}
				}
				_, _ = dec.Token()
				b.WriteString("]")
			}
		case string:
			b.WriteString("string")
		case json.Number:
			b.WriteString("number")
		case bool:
			b.WriteString("bool")
		case nil:
			b.WriteString("null")
		}
	}
	walk()
	return b.String()
}

type event struct{ typ, shape string }

func events(t *testing.T, body []byte) []event {
	t.Helper()
	var out []event
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Bytes()
		if !bytes.HasPrefix(line, []byte("data: ")) {
			continue
		}
		var e struct {
			Type string `json:"type"`
		}
		if err := json.Unmarshal(line[6:], &e); err != nil {
			t.Fatalf("event not JSON: %s", line)
		}
		// the text arrives in as many deltas as it has chunks: one stands for all
		if n := len(out); n > 0 && e.Type == "response.output_text.delta" && out[n-1].typ == e.Type {
			continue
		}
		out = append(out, event{e.Type, shape(t, line[6:])})
	}
	return out
}

func fakeServer(t *testing.T) *server {
	t.Helper()
	return newServer(config{api: "responses", version: "1.5.0", tokens: 3, provider: "openai", model: "fake-model",
		maxAgents: 10, maxTurns: 10})
}

func post(s *server, path, body string) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest(http.MethodPost, path, strings.NewReader(body)))
	return w
}

func capture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(captures + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func sameEvents(t *testing.T, want, got []event) {
	t.Helper()
	if len(want) != len(got) {
		t.Fatalf("%d events, OGX 1.5.0 sent %d: %v", len(got), len(want), got)
	}
	for i := range want {
		if want[i] != got[i] {
			t.Errorf("event %d:\n fake: %s %s\n OGX:  %s %s", i, got[i].typ, got[i].shape, want[i].typ, want[i].shape)
		}
	}
}

// A streamed answer has OGX 1.5.0's events, in its order, each with its fields in its order.
func TestStreamedResponseAsOGX(t *testing.T) {
	s := fakeServer(t)
	conv := post(s, "/v1/conversations", `{"metadata":{}}`)
	var c struct{ ID string }
	_ = json.Unmarshal(conv.Body.Bytes(), &c)
	w := post(s, "/v1/responses", `{"model":"openai/fake-model","input":"What is Kubernetes?","conversation":"`+c.ID+`","stream":true}`)
	if ct := w.Header().Get("Content-Type"); ct != "text/event-stream; charset=utf-8" {
		t.Errorf("content type %q", ct)
	}
	sameEvents(t, events(t, capture(t, "plain_stream.sse")), events(t, w.Body.Bytes()))
}

// Offered an MCP tool, the fake lists its tools and calls one before it answers, as OGX 1.5.0 does.
func TestMCPCallAsOGX(t *testing.T) {
	w := post(fakeServer(t), "/v1/responses", string(capture(t, "mcp_stream.request.json")))
	sameEvents(t, events(t, capture(t, "mcp_stream.sse")), events(t, w.Body.Bytes()))
}

// A response not streamed is OGX 1.5.0's response object, and a stored one joins its conversation: the question,
// then the answer.
func TestStoredResponseJoinsConversation(t *testing.T) {
	s := fakeServer(t)
	var c struct{ ID string }
	_ = json.Unmarshal(post(s, "/v1/conversations", `{"metadata":{}}`).Body.Bytes(), &c)
	w := post(s, "/v1/responses", `{"model":"openai/fake-model","input":"What is Kubernetes?","conversation":"`+c.ID+`","stream":false}`)
	if got, want := shape(t, w.Body.Bytes()), shape(t, capture(t, "plain.json")); got != want {
		t.Errorf("response object\n fake: %s\n OGX:  %s", got, want)
	}
	r := httptest.NewRecorder()
	s.ServeHTTP(r, httptest.NewRequest(http.MethodGet, "/v1/conversations/"+c.ID+"/items?order=asc&limit=100", nil))
	var items struct {
		Data []struct {
			Role    string
			Content []struct{ Text string }
		}
	}
	_ = json.Unmarshal(r.Body.Bytes(), &items)
	if len(items.Data) != 2 || items.Data[0].Role != "user" || items.Data[0].Content[0].Text != "What is Kubernetes?" ||
		items.Data[1].Role != "assistant" || items.Data[1].Content[0].Text != s.answer {
		t.Errorf("items %s", r.Body.Bytes())
	}
	if got, want := shape(t, r.Body.Bytes()), shape(t, capture(t, "conversation_items.json")); got != want {
		t.Errorf("items\n fake: %s\n OGX:  %s", got, want)
	}
}

// Unknown and malformed conversations are refused as OGX 1.5.0 refuses them.
func TestConversationErrorsAsOGX(t *testing.T) {
	s := fakeServer(t)
	for _, name := range []string{"error_unknown_conversation", "error_bad_conversation"} {
		w := post(s, "/v1/responses", string(capture(t, name+".request.json")))
		if got, want := w.Body.String(), string(capture(t, name+".json")); got != want {
			t.Errorf("%s: %d %s, OGX: %s", name, w.Code, got, want)
		}
	}
}

// An input list with null items is stored, not a dropped connection (a panic found by the service's fuzzing).
func TestNullInputItemsAreStored(t *testing.T) {
	s := fakeServer(t)
	var c struct{ ID string }
	_ = json.Unmarshal(post(s, "/v1/conversations", `{"metadata":{}}`).Body.Bytes(), &c)
	w := post(s, "/v1/responses", `{"model":"openai/fake-model","input":[null,null],"conversation":"`+c.ID+`","stream":false}`)
	if w.Code != 200 {
		t.Errorf("%d %s", w.Code, w.Body)
	}
}
