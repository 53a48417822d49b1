// Command fake-llama-stack is a small, fast stand-in for a Llama Stack 0.2.22 server
// (Agents API) for benchmarks. It answers every call Lightspeed Core Stack 0.2.0 and
// the Java lightspeed-stack make with 0.2.22-shaped JSON, streams agent turns in the
// exact 0.2.22 SSE format, keeps agents, sessions and turns in memory so conversation
// history works, and counts calls per route.
//
// The answer of every turn is -tokens tokens "tok0 ", "tok1 ", ... The only latency it
// adds is -first-token-delay before the first token and -token-delay before each
// further one. Standard library only; builds with Go 1.19 or newer.
//
// Benchmark endpoints (not counted): GET /bench/stats, POST /bench/reset.
// Zero-logic floor endpoints (LCS 0.2.0 dialect, counted under their own names):
// POST /v1/query and POST /v1/streaming_query.
package main

import (
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	cfg := parseConfig()
	initIDs()
	s := newServer(cfg)

	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		fatalf("listen %s: %v", cfg.addr, err)
	}
	var h http.Handler = s
	errorLog := log.New(io.Discard, "", 0)
	if cfg.verbose {
		h = logged(s)
		errorLog = log.New(os.Stderr, "http: ", log.LstdFlags)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 30 * time.Second,
		IdleTimeout:       5 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          errorLog,
	}
	fmt.Fprintf(os.Stderr, "fake-llama-stack %s listening on %s (tokens=%d first-token-delay=%s token-delay=%s model=%s/%s)\n",
		cfg.version, ln.Addr(), cfg.tokens, cfg.firstDelay, cfg.tokenDelay, cfg.provider, cfg.model)

	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
	go func() {
		<-sigs
		_ = srv.Close()
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fatalf("serve: %v", err)
	}
}
