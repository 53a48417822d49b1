// In-memory agents, sessions and turns, and the sharded store that keeps agents and conversations.

package main

import (
	"container/list"
	"sync"
	"sync/atomic"
)

type turn struct {
	id          string
	stepID      string
	input       []byte // rendered input_messages array
	startedAt   int64
	stepStarted int64
	stepDone    int64
	completedAt int64
}

type session struct {
	id        string
	name      []byte // JSON value as sent
	startedAt int64
	turns     []*turn // guarded by agent.mu
}

type agent struct {
	id        string
	config    []byte // compact agent_config JSON, interned
	createdAt int64

	mu       sync.Mutex
	sessions []*session
}

const numShards = 64

// shard holds a part of a store's values by id, and their creation order for forgetting the oldest.
type shard[T any] struct {
	mu    sync.RWMutex
	byID  map[string]*list.Element // Value is entry[T]
	order *list.List
	_     [24]byte
}

type entry[T any] struct {
	id string
	v  *T
}

// store keeps the values (agents, or conversations) created most recently, in 64 locked shards: when a shard is
// full the oldest it holds is forgotten (so the bound is approximate).
type store[T any] struct {
	shards   [numShards]shard[T]
	perShard int
	maxTurns int
}

func newStore[T any](maxValues, maxTurns int) *store[T] {
	s := &store[T]{perShard: (maxValues + numShards - 1) / numShards, maxTurns: maxTurns}
	for i := range s.shards {
		s.shards[i].byID = make(map[string]*list.Element)
		s.shards[i].order = list.New()
	}
	return s
}

func (s *store[T]) shardOf(id string) *shard[T] {
	h := uint32(2166136261)
	for i := 0; i < len(id); i++ {
		h ^= uint32(id[i])
		h *= 16777619
	}
	return &s.shards[h%numShards]
}

func (s *store[T]) add(id string, v *T) {
	sh := s.shardOf(id)
	sh.mu.Lock()
	for len(sh.byID) >= s.perShard {
		oldest := sh.order.Remove(sh.order.Front()).(entry[T])
		delete(sh.byID, oldest.id)
	}
	sh.byID[id] = sh.order.PushBack(entry[T]{id, v})
	sh.mu.Unlock()
}

func (s *store[T]) get(id string) *T {
	sh := s.shardOf(id)
	sh.mu.RLock()
	e := sh.byID[id]
	sh.mu.RUnlock()
	if e == nil {
		return nil
	}
	return e.Value.(entry[T]).v
}

func (s *store[T]) remove(id string) bool {
	sh := s.shardOf(id)
	sh.mu.Lock()
	e := sh.byID[id]
	if e != nil {
		delete(sh.byID, id)
		sh.order.Remove(e)
	}
	sh.mu.Unlock()
	return e != nil
}

// each calls f for every value, shard by shard, in creation order within a shard.
func (s *store[T]) each(f func(*T)) {
	for i := range s.shards {
		sh := &s.shards[i]
		sh.mu.RLock()
		for e := sh.order.Front(); e != nil; e = e.Next() {
			f(e.Value.(entry[T]).v)
		}
		sh.mu.RUnlock()
	}
}

func (s *store[T]) size() int {
	n := 0
	for i := range s.shards {
		sh := &s.shards[i]
		sh.mu.RLock()
		n += len(sh.byID)
		sh.mu.RUnlock()
	}
	return n
}

func (s *store[T]) clear() {
	for i := range s.shards {
		sh := &s.shards[i]
		sh.mu.Lock()
		sh.byID = make(map[string]*list.Element)
		sh.order.Init()
		sh.mu.Unlock()
	}
}

func (a *agent) session(id string) *session {
	for _, se := range a.sessions {
		if se.id == id {
			return se
		}
	}
	return nil
}

// Agent configs are nearly always identical across requests: keep one copy of each.
var (
	internedConfigs sync.Map
	internedCount   int64
)

func intern(b []byte) []byte {
	if v, ok := internedConfigs.Load(string(b)); ok {
		return v.([]byte)
	}
	if atomic.AddInt64(&internedCount, 1) > 1024 {
		return b
	}
	v, _ := internedConfigs.LoadOrStore(string(b), b)
	return v.([]byte)
}

// Registered tool groups (registration happens at client start-up only).
var (
	toolgroupsMu sync.Mutex
	toolgroups   = map[string][]byte{} // id -> rendered toolgroup object
	toolgroupIDs []string
)
