// Command-line flags and environment.

package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"time"
)

type config struct {
	api        string // "agents" (Llama Stack 0.2.22) or "responses" (OGX 1.5.0)
	addr       string
	tokens     int
	tokenDelay time.Duration
	firstDelay time.Duration
	version    string
	provider   string
	model      string
	maxAgents  int
	maxTurns   int
	verbose    bool
}

func envOr(name, def string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return def
}

func parseConfig() config {
	var c config
	var tokenDelay, firstDelay string
	fs := flag.NewFlagSet(os.Args[0], flag.ExitOnError)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: %s [flags]\nEvery flag can also be set by the env var FAKE_LS_<NAME> (upper case, '-' -> '_'); flags win.\n", os.Args[0])
		fs.PrintDefaults()
	}
	fs.StringVar(&c.api, "api", envOr("FAKE_LS_API", "agents"), "API generation: agents (Llama Stack 0.2.22) or responses (OGX 1.5.0)")
	fs.StringVar(&c.addr, "addr", envOr("FAKE_LS_ADDR", "127.0.0.1:8321"), "listen address (port 0 picks a free port, printed on stderr)")
	fs.IntVar(&c.tokens, "tokens", atoiOr(envOr("FAKE_LS_TOKENS", "20")), "tokens per answer")
	fs.StringVar(&tokenDelay, "token-delay", envOr("FAKE_LS_TOKEN_DELAY", "0"), "delay between tokens (Go duration, e.g. 50ms)")
	fs.StringVar(&firstDelay, "first-token-delay", envOr("FAKE_LS_FIRST_TOKEN_DELAY", ""), "delay before the first token (default: -token-delay)")
	fs.StringVar(&c.version, "version", envOr("FAKE_LS_VERSION", ""), "version reported by GET /v1/version (default 0.2.22, or 1.5.0 with -api responses)")
	fs.StringVar(&c.provider, "provider", envOr("FAKE_LS_PROVIDER", "fake"), "provider_id of the llm model")
	fs.StringVar(&c.model, "model", envOr("FAKE_LS_MODEL", "fake-model"), "provider_resource_id of the llm model (identifier is <provider>/<model>)")
	fs.IntVar(&c.maxAgents, "max-agents", atoiOr(envOr("FAKE_LS_MAX_AGENTS", "100000")), "agents (or conversations) kept in memory; beyond that the oldest created are forgotten")
	fs.IntVar(&c.maxTurns, "max-turns", atoiOr(envOr("FAKE_LS_MAX_TURNS", "1000")), "turns kept per session (or conversation); beyond that the oldest are forgotten")
	fs.BoolVar(&c.verbose, "verbose", envOr("FAKE_LS_VERBOSE", "") != "" && envOr("FAKE_LS_VERBOSE", "") != "0" && envOr("FAKE_LS_VERBOSE", "") != "false", "log every request on stderr")
	_ = fs.Parse(os.Args[1:])
	switch c.api {
	case "agents":
		if c.version == "" {
			c.version = "0.2.22"
		}
	case "responses":
		if c.version == "" {
			c.version = "1.5.0"
		}
	default:
		fatalf("-api must be agents or responses, not %q", c.api)
	}
	var err error
	if c.tokenDelay, err = parseDuration(tokenDelay); err != nil {
		fatalf("bad -token-delay %q: %v", tokenDelay, err)
	}
	if firstDelay == "" {
		c.firstDelay = c.tokenDelay
	} else if c.firstDelay, err = parseDuration(firstDelay); err != nil {
		fatalf("bad -first-token-delay %q: %v", firstDelay, err)
	}
	if c.tokens < 0 || c.maxAgents < 1 || c.maxTurns < 1 {
		fatalf("-tokens must be >= 0, -max-agents and -max-turns >= 1")
	}
	return c
}

func atoiOr(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		fatalf("not an integer: %q", s)
	}
	return n
}

// parseDuration accepts Go durations and a bare number of milliseconds.
func parseDuration(s string) (time.Duration, error) {
	if n, err := strconv.Atoi(s); err == nil {
		return time.Duration(n) * time.Millisecond, nil
	}
	d, err := time.ParseDuration(s)
	if err == nil && d < 0 {
		return 0, errors.New("negative")
	}
	return d, err
}

func fatalf(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "fake-llama-stack: "+format+"\n", args...)
	os.Exit(2)
}
