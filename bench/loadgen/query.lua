-- wrk -s bench/loadgen/query.lua URL/v1/query
-- POSTs a QueryRequest per request. With BENCH_IDS naming a file of conversation ids (one a line), every request
-- is a follow-up in one of them, each wrk thread starting at its own offset; without it, every request starts a new
-- conversation. done() prints one JSON line with the figures bench/report.py reads.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local ids = {}
local file = os.getenv("BENCH_IDS")
if file and file ~= "" then
	for line in io.lines(file) do
		if line ~= "" then ids[#ids + 1] = line end
	end
end

local threads = {}
function setup(thread)
	thread:set("offset", #threads * 7919)
	threads[#threads + 1] = thread
end

local n = 0
function request()
	local body
	if #ids > 0 then
		n = n + 1
		body = '{"query": "What is Kubernetes?", "conversation_id": "' .. ids[((offset or 0) + n) % #ids + 1] .. '"}'
	else
		body = '{"query": "What is Kubernetes?"}'
	end
	return wrk.format(nil, nil, nil, body)
end

function done(summary, latency, requests)
	local e = summary.errors
	io.write(string.format(
		'{"requests": %d, "rps": %.1f, "p50_ms": %.3f, "p99_ms": %.3f, "socket_errors": %d, "non2xx": %d}\n',
		summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
		latency:percentile(99) / 1000, e.connect + e.read + e.write + e.timeout, e.status))
end
