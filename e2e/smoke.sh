#!/usr/bin/env bash
# e2e/smoke.sh - prove the e2e stack works through the Agents API exactly as the Java service uses it
# (protocol §A), with curl only.
#
#   e2e/smoke.sh [--capture]
#
# Uses the running stack described by $LCS_E2E_STATE/env (default e2e/.state/env); if none is running it
# starts one with stack.sh and stops it again at the end. A Responses generation (0.5.4, ogx-1.5.0: the running
# one, or LCS_E2E_LS_VERSION when it starts one) is handed to e2e/smoke-responses.sh.
# --capture  also copy the raw turn streams into e2e/captures/<version>/*.sse (committed fixtures for the
#            Java unit tests); without it they are written to $STATE/captures/ only.
# Ends with a line "smoke: N passed, M failed"; exit code 0 only if nothing failed.
set -uo pipefail

E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/smoke-common.sh
. "$E2E_DIR/lib/smoke-common.sh" "$@"
SSE="$PY $E2E_DIR/lib/sse_summary.py"
check() {  # FILE EXPR MESSAGE
    if $SSE "$1" "$2" "$3"; then ok "$3"; else ko "$3"; fi
}

smoke_ensure_stack
# 0.3+ generations speak the Responses API: their smoke check is smoke-responses.sh
case "$(. "$STATE/env"; echo "${LCS_E2E_LS_VERSION:-0.2.22}")" in
    0.2.*) ;;
    *) "$E2E_DIR/smoke-responses.sh" "$@"; exit $? ;;
esac

# shellcheck disable=SC1091
. "$STATE/env"
L="$LLAMA_STACK_URL"
V="$LLAMA_STACK_VERSION"
OUT="$STATE/captures"
rm -rf "$OUT"; mkdir -p "$OUT"
CT='Content-Type: application/json'
MCP_ID="e2e-mcp"
PROVIDER_DATA="{\"mcp_headers\": {\"$MCP_SERVER_URL\": {\"Authorization\": \"Bearer abc\", \"X-Tenant\": \"t1\"}}}"
echo "smoke: Llama Stack $L (fake LLM $FAKE_LLM_URL, MCP $MCP_SERVER_URL)"

turn() {  # NAME AGENT SESSION JSON-BODY -> $OUT/NAME.sse
    curl -sN --max-time 60 "$L/v1/agents/$2/session/$3/turn" -H "$CT" \
        -H "X-LlamaStack-Provider-Data: $PROVIDER_DATA" -d "$4" >"$OUT/$1.sse"
}
user_turn() {  # NAME AGENT SESSION TEXT [TOOLGROUPS-JSON]
    local body
    body="$("$PY" -c 'import json,sys; print(json.dumps({"messages":[{"role":"user","content":sys.argv[1]}],
        "stream": True, "toolgroups": json.loads(sys.argv[2])}))' "$4" "${5:-null}")"
    turn "$1" "$2" "$3" "$body"
}

echo "== version, models, shields, providers"
curl -s "$L/v1/version" >"$OUT/version.json"
jcheck "$OUT/version.json" 'd["version"] == "0.2.22"' "GET /v1/version is 0.2.22"
curl -s "$L/v1/models" >"$OUT/models.json"
jcheck "$OUT/models.json" '{"vllm/fake-model","vllm/fake-guard"} <= {m["identifier"] for m in d["data"]}' \
    "GET /v1/models lists vllm/fake-model and vllm/fake-guard"
curl -s "$L/v1/shields" >"$OUT/shields.json"
jcheck "$OUT/shields.json" '"inout_llama_guard" in [s["identifier"] for s in d["data"]]' "GET /v1/shields has inout_llama_guard"
curl -s "$L/v1/providers" >"$OUT/providers.json"
jcheck "$OUT/providers.json" '[p["health"]["status"] for p in d["data"] if p["provider_id"]=="vllm"] == ["OK"] and
    all(p["health"]["status"] in ("OK","Not Implemented") for p in d["data"])' \
    "GET /v1/providers: vllm health OK, nothing in Error"

echo "== MCP toolgroup registration (as the Java service does at startup)"
curl -s "$L/v1/toolgroups" -H "$CT" -d "{\"toolgroup_id\":\"$MCP_ID\",\"provider_id\":\"model-context-protocol\",\"mcp_endpoint\":{\"uri\":\"$MCP_SERVER_URL\"}}" \
    -o "$OUT/toolgroup-register.json" -w '%{http_code}' | grep -q 200 && ok "POST /v1/toolgroups 200" || ko "POST /v1/toolgroups"
curl -s "$L/v1/toolgroups" >"$OUT/toolgroups.json"
jcheck "$OUT/toolgroups.json" "any(t['identifier']=='$MCP_ID' and t['mcp_endpoint']['uri']=='$MCP_SERVER_URL' for t in d['data'])" \
    "GET /v1/toolgroups lists $MCP_ID"
curl -s "$L/v1/tools?toolgroup_id=$MCP_ID" -H "X-LlamaStack-Provider-Data: $PROVIDER_DATA" >"$OUT/tools.json"
jcheck "$OUT/tools.json" '"list_pods" in [t["identifier"] for t in d["data"]]' "GET /v1/tools?toolgroup_id=$MCP_ID lists list_pods"

echo "== agent + session"
AGENT_BODY='{"agent_config":{"model":"vllm/fake-model","instructions":"You are a helpful assistant","toolgroups":[],"client_tools":[],"enable_session_persistence":true,"input_shields":["inout_llama_guard"],"output_shields":["inout_llama_guard"]}}'
AID="$(curl -s "$L/v1/agents" -H "$CT" -d "$AGENT_BODY" | jget 'd["agent_id"]')"
[ -n "$AID" ] && ok "POST /v1/agents -> $AID" || ko "POST /v1/agents"
SID="$(curl -s "$L/v1/agents/$AID/session" -H "$CT" -d '{"session_name":"smoke"}' | jget 'd["session_id"]')"
[ -n "$SID" ] && ok "POST /v1/agents/{a}/session -> $SID" || ko "POST session"

echo "== (a) plain streamed answer"
user_turn plain "$AID" "$SID" "What is Kubernetes?"
check "$OUT/plain.sse" 's["final_event"]=="turn_complete" and s["n_text"]>=3 and s["text"].startswith("Kubernetes is") and "café" in s["output"] and s["output"]==s["text"]' \
    "text deltas (several) + turn_complete, output == streamed text, non-ASCII intact"
check "$OUT/plain.sse" '[x["touchpoint"] for x in s["shields"]]==["user-input","assistant-output"] and all(x["violation"] is None for x in s["shields"])' \
    "input and output shield steps, no violation"
user_turn multi_turn "$AID" "$SID" "And what is OpenShift?"
check "$OUT/multi_turn.sse" '"OpenShift is" in s["output"] and "You have asked 2 questions." in s["output"]' \
    "second turn sees the history (2 user messages)"

echo "== (b) input shield violation"
user_turn input_violation "$AID" "$SID" "Tell me about UNSAFE-CONTENT"
check "$OUT/input_violation.sse" 's["final_event"]=="turn_complete" and len(s["shields"])==1 and s["shields"][0]["touchpoint"]=="user-input"
    and s["shields"][0]["violation"]["violation_level"]=="error" and s["shields"][0]["violation"]["metadata"]=={"violation_type":"S1"}
    and s["output"]==s["shields"][0]["violation"]["user_message"] and not any(e.endswith(":inference") for e in s["events"])' \
    "user-input violation S1, no inference, output = violation user_message"

echo "== (c) output shield violation"
user_turn output_violation "$AID" "$SID" "Please give me the forbidden-output"
check "$OUT/output_violation.sse" '"UNSAFE-CONTENT" in s["text"] and s["shields"][0]["violation"] is None and s["shields"][-1]["touchpoint"]=="assistant-output"
    and s["shields"][-1]["violation"]["metadata"]=={"violation_type":"S1"} and s["output"]==s["shields"][-1]["violation"]["user_message"]' \
    "answer streamed, then assistant-output violation replaces output_message"

echo "== (d) MCP tool call with per-request headers"
curl -s -X DELETE "$MCP_HEADERS_URL" >/dev/null
user_turn mcp_tool "$AID" "$SID" "Please use the tool list_pods in namespace demo" "[\"$MCP_ID\"]"
check "$OUT/mcp_tool.sse" 's["tool_calls"]==[{"tool_name":"list_pods","arguments":{"namespace":"demo"}}] and s["tool_results"]==["pod-a, pod-b in demo"]
    and "pod-a, pod-b in demo" in s["output"] and s["final_event"]=="turn_complete"' \
    "inference tool_call -> tool_execution with MCP result -> final answer"
curl -s "$MCP_HEADERS_URL" >"$OUT/mcp_headers.json"
jcheck "$OUT/mcp_headers.json" 'any(e["headers"].get("authorization")=="Bearer abc" and e["headers"].get("x-tenant")=="t1" for e in d["data"] if e["path"]=="/mcp")' \
    "MCP server received Authorization: Bearer abc and X-Tenant: t1"

echo "== (e) RAG: vector DB on the fake embedding model + knowledge_search"
VDB="$(curl -s "$L/v1/vector-dbs" -H "$CT" -d '{"vector_db_id":"smoke-docs","embedding_model":"vllm/fake-embedding","embedding_dimension":8,"provider_id":"faiss"}' | jget 'd["identifier"]')"
[ -n "$VDB" ] && ok "POST /v1/vector-dbs -> $VDB" || ko "POST /v1/vector-dbs"
curl -s "$L/v1/vector-io/insert" -H "$CT" -o /dev/null -w '%{http_code}' -d "{\"vector_db_id\":\"$VDB\",\"chunks\":[{\"content\":\"Use oc scale deployment/web --replicas=3 to scale.\",\"metadata\":{\"document_id\":\"doc-1\",\"docs_url\":\"https://docs.example/scale\",\"title\":\"Scaling\"},\"chunk_metadata\":{\"chunk_id\":\"c-1\",\"document_id\":\"doc-1\",\"source\":null}}]}" \
    | grep -q 200 && ok "POST /v1/vector-io/insert" || ko "POST /v1/vector-io/insert"
user_turn rag_tool "$AID" "$SID" "Please use the tool knowledge_search query scale" \
    "[{\"name\":\"builtin::rag/knowledge_search\",\"args\":{\"vector_db_ids\":[\"$VDB\"]}}]"
check "$OUT/rag_tool.sse" 's["tool_calls"][0]["tool_name"]=="knowledge_search" and "Result 1\nContent: Use oc scale" in s["tool_results"][0]
    and "'"'"'docs_url'"'"': '"'"'https://docs.example/scale'"'"'" in s["tool_results"][0] and s["final_event"]=="turn_complete"' \
    "knowledge_search tool_execution with Python-literal metadata"

echo "== errors"
user_turn error_midstream "$AID" "$SID" "fail-midstream please"
check "$OUT/error_midstream.sse" 's["final_event"]=="error" and s["error"].startswith("500: ") and s["n_text"]>=1 and s["turn"] is None' \
    "LLM failing mid-stream -> text deltas, then in-stream error line, no turn_complete"
user_turn error_unknown_agent 00000000-0000-0000-0000-000000000000 "$SID" "hi"
check "$OUT/error_unknown_agent.sse" 's["events"]==["error"] and s["error"].startswith("400: Invalid value: Could not find agent info")' \
    "unknown agent -> HTTP 200 + error line 400"
code="$(curl -s -o "$OUT/nonstream.json" -w '%{http_code}' "$L/v1/agents/$AID/session/$SID/turn" -H "$CT" -d '{"messages":[{"role":"user","content":"hi"}],"stream":false}')"
[ "$code" = 501 ] && ok "stream:false -> 501" || ko "stream:false -> $code"

echo "== (f) sessions and history"
curl -s "$L/v1/agents/$AID/sessions" >"$OUT/sessions.json"
jcheck "$OUT/sessions.json" "[x['session_id'] for x in d['data']]==['$SID'] and d['data'][0]['session_name']=='smoke'" \
    "GET /v1/agents/{a}/sessions"
curl -s "$L/v1/agents/$AID/session/$SID" >"$OUT/session.json"
jcheck "$OUT/session.json" 'len(d["turns"])==6 and d["turns"][0]["input_messages"][0]["content"]=="What is Kubernetes?"
    and d["turns"][0]["output_message"]["content"].startswith("Kubernetes is")' \
    "GET /v1/agents/{a}/session/{s}: 6 stored turns (failed turns are not stored), in order"
code="$(curl -s -o /dev/null -w '%{http_code}' -X DELETE "$L/v1/agents/$AID/session/$SID")"
[ "$code" = 200 ] || [ "$code" = 204 ] && ok "DELETE session -> $code" || ko "DELETE session -> $code"

if [ $CAPTURE = 1 ]; then
    dest="$E2E_DIR/captures/$V"
    mkdir -p "$dest"
    for f in plain multi_turn input_violation output_violation mcp_tool rag_tool error_midstream error_unknown_agent; do
        cp "$OUT/$f.sse" "$dest/$f.sse"
    done
    echo "captures written to $dest"
fi
echo "smoke: $PASS passed, $FAIL failed"
[ $FAIL = 0 ]
