// The Conversations API of OGX 1.5.0 (-api responses): conversations and their items, in memory.

package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"sync"
	"time"
)

type conversation struct {
	id        string
	createdAt int64 // unix seconds
	mu        sync.Mutex
	metadata  []byte   // compact JSON object, guarded by mu
	items     [][]byte // rendered items, oldest first, guarded by mu
	itemIDs   []string // the id of each item
}

// validConversationID tells whether id has OGX's form: conv_ and 48 lowercase hex digits.
func validConversationID(id string) bool {
	if len(id) != 53 || id[:5] != "conv_" {
		return false
	}
	for i := 5; i < len(id); i++ {
		if c := id[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

func badConversationID(w http.ResponseWriter, field, id string) {
	detail(w, http.StatusBadRequest, "Invalid value for '"+field+"': "+id+
		". Must match format 'conv_' followed by 48 lowercase hex characters.")
}

func unknownConversation(w http.ResponseWriter, id string) {
	detail(w, http.StatusNotFound, "Conversation '"+id+"' not found.")
}

// conversationOf answers the error itself when id is malformed or unknown.
func (s *server) conversationOf(w http.ResponseWriter, id string) *conversation {
	if !validConversationID(id) {
		badConversationID(w, "conversation_id", id)
		return nil
	}
	c := s.conversations.get(id)
	if c == nil {
		unknownConversation(w, id)
	}
	return c
}

func appendConversation(b []byte, c *conversation) []byte {
	b = append(b, `{"id":"`...)
	b = append(b, c.id...)
	b = append(b, `","object":"conversation","created_at":`...)
	b = strconv.AppendInt(b, c.createdAt, 10)
	b = append(b, `,"metadata":`...)
	c.mu.Lock()
	b = append(b, c.metadata...)
	c.mu.Unlock()
	return append(b, '}')
}

// metadataOf is the compact metadata object of a request body, {} when there is none.
func metadataOf(raw json.RawMessage) []byte {
	var c bytes.Buffer
	if len(raw) == 0 || raw[0] != '{' || json.Compact(&c, raw) != nil {
		return []byte("{}")
	}
	return c.Bytes()
}

func (s *server) createConversation(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Metadata json.RawMessage   `json:"metadata"`
		Items    []json.RawMessage `json:"items"`
	}
	if !decodeBody(w, r, &req) {
		return
	}
	c := &conversation{id: "conv_" + newHex48(), createdAt: time.Now().Unix(), metadata: metadataOf(req.Metadata)}
	for _, item := range req.Items {
		c.add(s.cfg.maxTurns, newItem(item))
	}
	s.conversations.add(c.id, c)
	writeJSON(w, 200, appendConversation(nil, c))
}

func (s *server) updateConversation(w http.ResponseWriter, r *http.Request, c *conversation) {
	var req struct {
		Metadata json.RawMessage `json:"metadata"`
	}
	if !decodeBody(w, r, &req) {
		return
	}
	c.mu.Lock()
	c.metadata = metadataOf(req.Metadata)
	c.mu.Unlock()
	writeJSON(w, 200, appendConversation(nil, c))
}

func (s *server) deleteConversation(w http.ResponseWriter, id string) {
	s.conversations.remove(id)
	writeJSON(w, 200, []byte(`{"id":"`+id+`","object":"conversation.deleted","deleted":true}`))
}

type item struct {
	id   string
	json []byte
}

// newItem gives an added item an id, as OGX does: msg_ and 48 hex digits for a message, item_ otherwise.
func newItem(raw json.RawMessage) item {
	var fields map[string]json.RawMessage
	if json.Unmarshal(raw, &fields) != nil || fields == nil {
		// not an object (null among them): an item all the same, not a panic
		fields = map[string]json.RawMessage{}
	}
	prefix := "item_"
	if t := string(fields["type"]); t == `"message"` || (t == "" && fields["role"] != nil) {
		prefix = "msg_"
		fields["type"] = json.RawMessage(`"message"`)
	}
	id := prefix + newHex48()
	fields["id"] = appendJSONString(nil, id)
	b, _ := json.Marshal(fields)
	return item{id, b}
}

// add appends items, forgetting the oldest beyond 2 × max-turns (a turn is at least a question and an answer).
func (c *conversation) add(maxTurns int, items ...item) {
	c.mu.Lock()
	for _, it := range items {
		c.items = append(c.items, it.json)
		c.itemIDs = append(c.itemIDs, it.id)
	}
	if over := len(c.items) - 2*maxTurns; over > 0 {
		c.items = append(c.items[:0:0], c.items[over:]...)
		c.itemIDs = append(c.itemIDs[:0:0], c.itemIDs[over:]...)
	}
	c.mu.Unlock()
}

func (s *server) addItems(w http.ResponseWriter, r *http.Request, c *conversation) {
	var req struct {
		Items []json.RawMessage `json:"items"`
	}
	if !decodeBody(w, r, &req) {
		return
	}
	added := make([]item, len(req.Items))
	for i, raw := range req.Items {
		added[i] = newItem(raw)
	}
	c.add(s.cfg.maxTurns, added...)
	writeJSON(w, 200, appendItemList(nil, added))
}

func appendItemList(b []byte, items []item) []byte {
	b = append(b, `{"object":"list","data":[`...)
	for i, it := range items {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, it.json...)
	}
	b = append(b, `],"first_id":`...)
	if len(items) == 0 {
		b = append(b, `null,"last_id":null`...)
	} else {
		b = appendJSONString(b, items[0].id)
		b = append(b, `,"last_id":`...)
		b = appendJSONString(b, items[len(items)-1].id)
	}
	return append(b, `,"has_more":false}`...)
}

// listItems answers ?order=asc|desc (default desc) and ?limit=N (default 20, as OGX).
func (s *server) listItems(w http.ResponseWriter, r *http.Request, c *conversation) {
	q := r.URL.Query()
	limit, err := strconv.Atoi(q.Get("limit"))
	if err != nil || limit < 1 {
		limit = 20
	}
	c.mu.Lock()
	n := len(c.items)
	items := make([]item, 0, n)
	for i := 0; i < n && len(items) < limit; i++ {
		j := i
		if q.Get("order") != "asc" {
			j = n - 1 - i
		}
		items = append(items, item{c.itemIDs[j], c.items[j]})
	}
	c.mu.Unlock()
	writeJSON(w, 200, appendItemList(nil, items))
}

func (s *server) itemRoute(w http.ResponseWriter, r *http.Request, c *conversation, itemID string) {
	c.mu.Lock()
	for i, id := range c.itemIDs {
		if id != itemID {
			continue
		}
		b := c.items[i]
		if r.Method == http.MethodDelete {
			c.items = append(c.items[:i:i], c.items[i+1:]...)
			c.itemIDs = append(c.itemIDs[:i:i], c.itemIDs[i+1:]...)
			b = []byte(`{"id":"` + id + `","object":"conversation.item.deleted","deleted":true}`)
		}
		c.mu.Unlock()
		writeJSON(w, 200, b)
		return
	}
	c.mu.Unlock()
	detail(w, http.StatusNotFound, "Item '"+itemID+"' not found in conversation '"+c.id+"'.")
}
