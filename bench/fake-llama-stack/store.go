// In-memory agents, sessions and turns.

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
	elem      *list.Element // position in the shard's creation order, guarded by shard.mu

	mu       sync.Mutex
	sessions []*session
}

const numShards = 64

type shard struct {
	mu     sync.RWMutex
	agents map[string]*agent
	order  *list.List // creation order, for forgetting the oldest
	_      [24]byte
}

type store struct {
	shards   [numShards]shard
	perShard int
	maxTurns int
}

func newStore(maxAgents, maxTurns int) *store {
	s := &store{perShard: (maxAgents + numShards - 1) / numShards, maxTurns: maxTurns}
	for i := range s.shards {
		s.shards[i].agents = make(map[string]*agent)
		s.shards[i].order = list.New()
	}
	return s
}

func (s *store) shardOf(id string) *shard {
	h := uint32(2166136261)
	for i := 0; i < len(id); i++ {
		h ^= uint32(id[i])
		h *= 16777619
	}
	return &s.shards[h%numShards]
}

func (s *store) add(a *agent) {
	sh := s.shardOf(a.id)
	sh.mu.Lock()
	for len(sh.agents) >= s.perShard {
		oldest := sh.order.Front()
		old := sh.order.Remove(oldest).(*agent)
		delete(sh.agents, old.id)
	}
	a.elem = sh.order.PushBack(a)
	sh.agents[a.id] = a
	sh.mu.Unlock()
}

func (s *store) get(id string) *agent {
	sh := s.shardOf(id)
	sh.mu.RLock()
	a := sh.agents[id]
	sh.mu.RUnlock()
	return a
}

func (s *store) remove(id string) bool {
	sh := s.shardOf(id)
	sh.mu.Lock()
	a := sh.agents[id]
	if a != nil {
		delete(sh.agents, id)
		sh.order.Remove(a.elem)
	}
	sh.mu.Unlock()
	return a != nil
}

func (s *store) size() int {
	n := 0
	for i := range s.shards {
		sh := &s.shards[i]
		sh.mu.RLock()
		n += len(sh.agents)
		sh.mu.RUnlock()
	}
	return n
}

func (s *store) clear() {
	for i := range s.shards {
		sh := &s.shards[i]
		sh.mu.Lock()
		sh.agents = make(map[string]*agent)
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
