// The Responses API of OGX 1.5.0 (-api responses): POST /v1/responses, streamed in OGX's event order
// (e2e/captures/ogx-1.5.0/plain_stream.sse, mcp_stream.sse) or answered whole.

package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

type responsesRequest struct {
	Model        *string           `json:"model"`
	Input        json.RawMessage   `json:"input"`
	Instructions json.RawMessage   `json:"instructions"`
	Conversation json.RawMessage   `json:"conversation"`
	Store        *bool             `json:"store"`
	Stream       *bool             `json:"stream"`
	Tools        []json.RawMessage `json:"tools"`
}

// response is one response being answered.
type response struct {
	id           string
	model        []byte // JSON string
	createdAt    int64  // unix seconds
	tools        []byte // the tools array as a response echoes it
	instructions []byte // JSON string or null
	store        bool
	mcpLabel     []byte // JSON string: server_label of the first MCP tool, nil for none
	inputTokens  int
}

var (
	contentSSEUTF8  = []string{"text/event-stream; charset=utf-8"}
	mcpToolsJSON    = []byte(`[{"input_schema":{"properties":{"namespace":{"title":"Namespace","type":"string"}},"required":["namespace"],"title":"list_podsArguments","type":"object"},"name":"list_pods","description":"List the pods of a Kubernetes namespace."}]`)
	mcpArguments    = []byte(`"{\"namespace\": \"demo\"}"`)
	mcpOutput       = []byte(`"pod-a, pod-b in demo"`)
	missingInput    = []byte(`{"error":{"message":"{'errors': [{'loc': ['body', 'input'], 'msg': 'Field required', 'type': 'missing'}]}"}}`)
	missingModel    = []byte(`{"error":{"message":"{'errors': [{'loc': ['body', 'model'], 'msg': 'Field required', 'type': 'missing'}]}"}}`)
	responseOptions = `,"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":null,"prompt":null,"status":"`
)

// echoTools renders the tools of a request as OGX echoes them, and finds the first MCP tool's label.
func echoTools(tools []json.RawMessage) (echo []byte, mcpLabel []byte) {
	echo = []byte{'['}
	for i, raw := range tools {
		var t struct {
			Type           string          `json:"type"`
			ServerLabel    json.RawMessage `json:"server_label"`
			AllowedTools   json.RawMessage `json:"allowed_tools"`
			VectorStoreIDs json.RawMessage `json:"vector_store_ids"`
		}
		_ = json.Unmarshal(raw, &t)
		if i > 0 {
			echo = append(echo, ',')
		}
		switch t.Type {
		case "mcp":
			echo = append(echo, `{"type":"mcp","server_label":`...)
			echo = appendRaw(echo, t.ServerLabel)
			echo = append(echo, `,"allowed_tools":`...)
			echo = append(appendRaw(echo, t.AllowedTools), '}')
			if mcpLabel == nil {
				mcpLabel = appendRaw(nil, t.ServerLabel)
			}
		case "file_search":
			echo = append(echo, `{"type":"file_search","vector_store_ids":`...)
			echo = appendRaw(echo, t.VectorStoreIDs)
			echo = append(echo, `,"filters":null,"max_num_results":10,"ranking_options":null}`...)
		default:
			echo = appendRaw(echo, raw)
		}
	}
	return append(echo, ']'), mcpLabel
}

// appendSnapshot appends the response object in OGX's field order; completedAt 0 is null, usage only when completed.
func (s *server) appendSnapshot(b []byte, r *response, status string, completedAt int64, output []byte) []byte {
	b = append(b, `{"background":false,"created_at":`...)
	b = strconv.AppendInt(b, r.createdAt, 10)
	b = append(b, `,"completed_at":`...)
	if completedAt == 0 {
		b = append(b, "null"...)
	} else {
		b = strconv.AppendInt(b, completedAt, 10)
	}
	b = append(b, `,"error":null,"frequency_penalty":0.0,"id":"`...)
	b = append(b, r.id...)
	b = append(b, `","incomplete_details":null,"model":`...)
	b = append(b, r.model...)
	b = append(b, `,"object":"response","output":`...)
	b = append(b, output...)
	b = append(b, responseOptions...)
	b = append(b, status...)
	b = append(b, `","temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"top_p":1.0,"top_logprobs":0,"tools":`...)
	b = append(b, r.tools...)
	b = append(b, `,"tool_choice":"auto","truncation":"disabled","usage":`...)
	if completedAt == 0 {
		b = append(b, "null"...)
	} else {
		total := r.inputTokens + s.cfg.tokens
		b = append(b, `{"input_tokens":`...)
		b = strconv.AppendInt(b, int64(r.inputTokens), 10)
		b = append(b, `,"output_tokens":`...)
		b = strconv.AppendInt(b, int64(s.cfg.tokens), 10)
		b = append(b, `,"total_tokens":`...)
		b = strconv.AppendInt(b, int64(total), 10)
		b = append(b, `,"input_tokens_details":{"cached_tokens":0},"output_tokens_details":{"reasoning_tokens":0}}`...)
	}
	b = append(b, `,"instructions":`...)
	b = append(b, r.instructions...)
	b = append(b, `,"skills":null,"max_tool_calls":null,"reasoning":null,"max_output_tokens":null,"service_tier":"default","metadata":null,"presence_penalty":0.0,"store":`...)
	b = strconv.AppendBool(b, r.store)
	return append(b, `,"safety_identifier":null}`...)
}

// output items of a completed response
func appendListTools(b []byte, id string, label []byte, tools []byte) []byte {
	b = append(b, `{"id":"`...)
	b = append(b, id...)
	b = append(b, `","type":"mcp_list_tools","server_label":`...)
	b = append(b, label...)
	b = append(b, `,"tools":`...)
	b = append(b, tools...)
	return append(b, '}')
}

func appendMCPCall(b []byte, id string, label []byte, arguments, output []byte) []byte {
	b = append(b, `{"id":"`...)
	b = append(b, id...)
	b = append(b, `","type":"mcp_call","arguments":`...)
	b = append(b, arguments...)
	b = append(b, `,"name":"list_pods","server_label":`...)
	b = append(b, label...)
	b = append(b, `,"error":null,"output":`...)
	b = append(b, output...)
	return append(b, '}')
}

func (s *server) appendMessage(b []byte, id string) []byte {
	b = append(b, `{"content":[{"text":`...)
	b = append(b, s.answerJSON...)
	b = append(b, `,"type":"output_text","annotations":[],"logprobs":[]}],"role":"assistant","type":"message","id":"`...)
	b = append(b, id...)
	return append(b, `","status":"completed"}`...)
}

// outputIDs are the ids of a response's output items: the MCP listing and call (when an MCP tool was offered) and
// the message.
type outputIDs struct{ listTools, call, message string }

func (s *server) newOutputIDs(r *response) outputIDs {
	o := outputIDs{message: "msg_" + newID()}
	if r.mcpLabel != nil {
		o.listTools, o.call = "mcp_list_"+newID(), "fc_"+newID()
	}
	return o
}

// outputItems renders the complete output items, in order.
func (s *server) outputItems(r *response, o outputIDs) []item {
	var items []item
	if r.mcpLabel != nil {
		items = append(items, item{o.listTools, appendListTools(nil, o.listTools, r.mcpLabel, mcpToolsJSON)},
			item{o.call, appendMCPCall(nil, o.call, r.mcpLabel, mcpArguments, mcpOutput)})
	}
	return append(items, item{o.message, s.appendMessage(nil, o.message)})
}

func appendItemArray(b []byte, items []item) []byte {
	b = append(b, '[')
	for i, it := range items {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, it.json...)
	}
	return append(b, ']')
}

// inputItems are the items a stored response adds to its conversation before its output: a string is one user
// message, a list its items.
func inputItems(input json.RawMessage) []item {
	if len(input) > 0 && input[0] == '[' {
		var list []json.RawMessage
		_ = json.Unmarshal(input, &list)
		items := make([]item, len(list))
		for i, raw := range list {
			items[i] = newItem(raw)
		}
		return items
	}
	id := "msg_" + newHex48()
	b := append([]byte(`{"content":[{"text":`), appendRaw(nil, input)...)
	b = append(b, `,"type":"input_text"}],"role":"user","type":"message","id":"`...)
	b = append(b, id...)
	return []item{{id, append(b, `","status":null}`...)}}
}

func (s *server) createResponse(w http.ResponseWriter, r *http.Request) {
	var req responsesRequest
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	if err := json.Unmarshal(body, &req); err != nil {
		count(rResponsePlain)
		validation(w, []string{"body"}, "JSON decode error", "json_invalid")
		return
	}
	stream := req.Stream != nil && *req.Stream
	if stream {
		count(rResponseStream)
	} else {
		count(rResponsePlain)
	}
	switch {
	case len(req.Input) == 0 || bytes.Equal(req.Input, jsonNull):
		writeJSON(w, http.StatusBadRequest, missingInput)
		return
	case req.Model == nil:
		writeJSON(w, http.StatusBadRequest, missingModel)
		return
	}
	var conv *conversation
	if len(req.Conversation) > 0 && !bytes.Equal(req.Conversation, jsonNull) {
		var id string
		if json.Unmarshal(req.Conversation, &id) != nil {
			var ref struct {
				ID string `json:"id"`
			}
			_ = json.Unmarshal(req.Conversation, &ref)
			id = ref.ID
		}
		if !validConversationID(id) {
			badConversationID(w, "conversation", id)
			return
		}
		if conv = s.conversations.get(id); conv == nil {
			unknownConversation(w, id)
			return
		}
	}
	res := &response{id: "resp_" + newID(), model: appendJSONString(nil, *req.Model), createdAt: time.Now().Unix(),
		instructions: appendRaw(nil, req.Instructions), store: req.Store == nil || *req.Store,
		inputTokens: (len(req.Input)+len(req.Instructions))/4 + 1}
	res.tools, res.mcpLabel = echoTools(req.Tools)
	known := *req.Model == s.cfg.provider+"/"+s.cfg.model
	if !stream {
		if !known {
			detail(w, http.StatusNotFound, modelNotFound(*req.Model))
			return
		}
		if !sleep(r.Context(), s.totalDelay) {
			return
		}
		items := s.outputItems(res, s.newOutputIDs(res))
		s.storeResponse(res, conv, req.Input, items)
		writeJSON(w, 200, s.appendSnapshot(nil, res, "completed", time.Now().Unix(), appendItemArray(nil, items)))
		return
	}
	s.streamResponse(w, r, res, conv, req.Input, known)
}

func modelNotFound(model string) string {
	return "Model '" + model + "' not found. Use 'client.models.list()' to list available Models."
}

// storeResponse adds the input and the output items to the conversation, as OGX does for a stored response.
func (s *server) storeResponse(res *response, conv *conversation, input json.RawMessage, output []item) {
	if conv != nil && res.store {
		conv.add(s.cfg.maxTurns, append(inputItems(input), output...)...)
	}
}
