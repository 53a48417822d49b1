// The event stream of POST /v1/responses with "stream": true, one write and flush per event.

package main

import (
	"net/http"
	"strconv"
	"time"
)

var emptyArray = []byte("[]")

// eventWriter builds each event in one reused buffer. An event is started with start, its fields up to and with
// the comma before sequence_number appended to b, and sent with end.
type eventWriter struct {
	w       http.ResponseWriter
	flusher http.Flusher
	b       []byte
	seq     int
}

func (e *eventWriter) start() { e.b = append(e.b[:0], "data: "...) }

// end appends the sequence number and the type and sends the event; false when the client went away.
func (e *eventWriter) end(typ string) bool {
	e.b = append(e.b, `"sequence_number":`...)
	e.b = strconv.AppendInt(e.b, int64(e.seq), 10)
	e.seq++
	e.b = append(e.b, `,"type":"`...)
	e.b = append(e.b, typ...)
	e.b = append(e.b, "\"}\n\n"...)
	if _, err := e.w.Write(e.b); err != nil {
		return false
	}
	if e.flusher != nil {
		e.flusher.Flush()
	}
	return true
}

// item appends the fields of an output_item.added or .done event.
func (e *eventWriter) item(res *response, item []byte, index int) {
	e.b = append(e.b, `{"response_id":"`...)
	e.b = append(e.b, res.id...)
	e.b = append(e.b, `","item":`...)
	e.b = append(e.b, item...)
	e.b = append(e.b, `,"output_index":`...)
	e.b = strconv.AppendInt(e.b, int64(index), 10)
	e.b = append(e.b, ',')
}

// itemEvent sends an output_item.added or .done event.
func (e *eventWriter) itemEvent(res *response, item []byte, index int, typ string) bool {
	e.start()
	e.item(res, item, index)
	return e.end(typ)
}

// bare sends an event that has nothing but its sequence number and type.
func (e *eventWriter) bare(typ string) bool {
	e.start()
	e.b = append(e.b, '{')
	return e.end(typ)
}

// itemRef appends the fields naming an item: item_id and output_index.
func (e *eventWriter) itemRef(id string, index int) {
	e.b = append(e.b, `"item_id":"`...)
	e.b = append(e.b, id...)
	e.b = append(e.b, `","output_index":`...)
	e.b = strconv.AppendInt(e.b, int64(index), 10)
	e.b = append(e.b, ',')
}

func (s *server) snapshotEvent(e *eventWriter, res *response, status string, completedAt int64, output []byte,
	typ string) bool {
	e.start()
	e.b = append(e.b, `{"response":`...)
	e.b = s.appendSnapshot(e.b, res, status, completedAt, output)
	e.b = append(e.b, ',')
	return e.end(typ)
}

// streamMCP sends the listing of the MCP server's tools and one call of list_pods, as OGX 1.5.0 does (with the
// gap it leaves in the sequence numbers after the listing).
func (s *server) streamMCP(e *eventWriter, res *response, o outputIDs) bool {
	if !e.bare("response.mcp_list_tools.in_progress") ||
		!e.itemEvent(res, appendListTools(nil, o.listTools, res.mcpLabel, emptyArray), 0, "response.output_item.added") ||
		!e.bare("response.mcp_list_tools.completed") ||
		!e.itemEvent(res, appendListTools(nil, o.listTools, res.mcpLabel, mcpToolsJSON), 0, "response.output_item.done") {
		return false
	}
	e.seq++
	for _, ev := range [...]struct{ field, typ string }{
		{"delta", "response.mcp_call.arguments.delta"}, {"arguments", "response.mcp_call.arguments.done"}} {
		e.start()
		e.b = append(e.b, `{"`...)
		e.b = append(e.b, ev.field...)
		e.b = append(e.b, `":`...)
		e.b = append(e.b, mcpArguments...)
		e.b = append(e.b, ',')
		e.itemRef(o.call, 1)
		if !e.end(ev.typ) {
			return false
		}
	}
	if !e.itemEvent(res, appendMCPCall(nil, o.call, res.mcpLabel, []byte(`""`), jsonNull), 1, "response.output_item.added") {
		return false
	}
	e.start()
	e.b = append(e.b, '{')
	e.itemRef(o.call, 1)
	return e.end("response.mcp_call.in_progress") && e.bare("response.mcp_call.completed") &&
		e.itemEvent(res, appendMCPCall(nil, o.call, res.mcpLabel, mcpArguments, mcpOutput), 1, "response.output_item.done")
}

// streamResponse streams a response: created and in_progress at once, the MCP call when an MCP tool was offered,
// then the message, its text paced like an agent turn, and completed (after the response was stored).
func (s *server) streamResponse(w http.ResponseWriter, r *http.Request, res *response, conv *conversation,
	input []byte, knownModel bool) {
	streamStarted()
	defer streamEnded()
	flusher, bp := s.startSSE(w, contentSSEUTF8)
	e := &eventWriter{w: w, flusher: flusher, b: *bp}
	defer func() { *bp = e.b; s.putBuf(bp) }()
	if !s.snapshotEvent(e, res, "in_progress", 0, emptyArray, "response.created") ||
		!s.snapshotEvent(e, res, "in_progress", 0, emptyArray, "response.in_progress") {
		return
	}
	if !knownModel {
		e.start()
		e.b = append(e.b, `{"code":"404","message":`...)
		e.b = appendJSONString(e.b, modelNotFound(string(res.model[1:len(res.model)-1])))
		e.b = append(e.b, `,"param":null,`...)
		e.end("error")
		return
	}
	o := s.newOutputIDs(res)
	index := 0
	if res.mcpLabel != nil {
		if !s.streamMCP(e, res, o) {
			return
		}
		index = 2
	}
	added := []byte(`{"content":[],"role":"assistant","type":"message","id":"` + o.message + `","status":"in_progress"}`)
	if !e.itemEvent(res, added, index, "response.output_item.added") ||
		!s.partEvent(e, res, o.message, index, emptyText, "response.content_part.added") {
		return
	}
	// what follows each token's text in its delta event
	after := []byte(`","item_id":"` + o.message + `","logprobs":[],"output_index":` + strconv.Itoa(index) + `,`)
	pace := newPacer(r.Context(), s.cfg.firstDelay, s.cfg.tokenDelay)
	defer pace.stop()
	for i, tok := range s.tokenEscaped {
		if !pace.wait(i) {
			return
		}
		e.start()
		e.b = append(e.b, `{"content_index":0,"delta":"`...)
		e.b = append(e.b, tok...)
		e.b = append(e.b, after...)
		if !e.end("response.output_text.delta") {
			return
		}
	}
	if !s.partEvent(e, res, o.message, index, s.answerJSON, "response.content_part.done") {
		return
	}
	items := s.outputItems(res, o)
	if !e.itemEvent(res, items[len(items)-1].json, index, "response.output_item.done") {
		return
	}
	// stored before completed goes out, so a history read right after sees it
	s.storeResponse(res, conv, input, items)
	s.snapshotEvent(e, res, "completed", time.Now().Unix(), appendItemArray(nil, items), "response.completed")
}

var emptyText = []byte(`""`)

// partEvent sends content_part.added (empty text) or .done (the whole answer) of the message.
func (s *server) partEvent(e *eventWriter, res *response, messageID string, index int, text []byte, typ string) bool {
	e.start()
	e.b = append(e.b, `{"content_index":0,"response_id":"`...)
	e.b = append(e.b, res.id...)
	e.b = append(e.b, `",`...)
	e.itemRef(messageID, index)
	e.b = append(e.b, `"part":{"type":"output_text","text":`...)
	e.b = append(e.b, text...)
	e.b = append(e.b, `,"annotations":[],"logprobs":[]},`...)
	return e.end(typ)
}
