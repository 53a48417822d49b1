#!/usr/bin/env bash
# e2e/smoke-knowledge.sh - prove the knowledge routes the Java service relays (vector stores, their files, the
# Files API, prompts, tools, one provider) work on the running generation of the e2e stack, with curl only;
# with --capture also record the server's exact bytes into e2e/captures/<generation>/knowledge/.
#
#   e2e/smoke-knowledge.sh [--capture]        (e2e/capture.sh runs it after the generation's smoke check)
#
# Same conventions as e2e/smoke-responses.sh: the stack of $LCS_E2E_STATE/env (started for the duration of the
# script when none runs), NAME.request.json / NAME.json per exchange, exchanges.tsv, "smoke: N passed, M failed".
# 0.2.x serves the OpenAI routes under /v1/openai/v1 and changes a prompt with POST; later versions under /v1
# and with PUT.
set -uo pipefail

E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/smoke-common.sh
. "$E2E_DIR/lib/smoke-common.sh" "$@"
smoke_ensure_stack

# shellcheck disable=SC1091
. "$STATE/env"
L="$LLAMA_STACK_URL"
G="${LCS_E2E_LS_VERSION:?env file names no generation}"
OUT="$STATE/captures-knowledge"
rm -rf "$OUT"; mkdir -p "$OUT"
: >"$OUT/exchanges.tsv"
case "$G" in 0.2.*) O=/v1/openai/v1; PROMPT_UPDATE=POST ;; *) O=/v1; PROMPT_UPDATE=PUT ;; esac
echo "smoke-knowledge: $G at $L"

call() {  # NAME METHOD PATH [JSON-BODY] -> CODE, BODY
    local name="$1" method="$2" path="$3" body="${4:-}" args=()
    if [ -n "$body" ]; then
        printf '%s' "$body" >"$OUT/$name.request.json"
        args=(-H 'Content-Type: application/json' --data-binary "@$OUT/$name.request.json")
    fi
    CODE="$(curl -s --max-time 60 -X "$method" "$L$path" "${args[@]}" -o "$OUT/$name.json" -w '%{http_code}')"
    BODY="$OUT/$name.json"
    printf '%s\t%s\t%s\t%s\n' "$name" "$method" "$path" "$CODE" >>"$OUT/exchanges.tsv"
}
status_is() {  # EXPECTED MESSAGE
    if [ "$CODE" = "$1" ]; then ok "$2 -> $CODE"; else ko "$2 -> $CODE, expected $1 ($(head -c 300 "$BODY"))"; fi
}

echo "== files and vector stores"
printf 'Scaling: run oc scale deployment/web --replicas=3 to scale the web tier.\n' >"$OUT/file_upload.document.txt"
CODE="$(curl -s "$L$O/files" -F purpose=assistants -F "file=@$OUT/file_upload.document.txt;filename=notes.txt;type=text/plain" \
    -o "$OUT/file_upload.json" -w '%{http_code}')"
BODY="$OUT/file_upload.json"
printf 'file_upload\tPOST\t%s/files\t%s\n' "$O" "$CODE" >>"$OUT/exchanges.tsv"
FILE_ID="$(jget 'd["id"]' <"$BODY" 2>/dev/null || true)"
jcheck "$BODY" 'd["id"].startswith("file-") and d["filename"] == "notes.txt"' "upload -> $FILE_ID"
call vector_store_create POST "$O/vector_stores" '{"name":"notebook","metadata":{"user_id":"user:default/guest"}}'
VS="$(jget 'd["id"]' <"$BODY" 2>/dev/null || true)"
jcheck "$BODY" 'd["metadata"]["user_id"] == "user:default/guest"' "create store with metadata -> $VS"
call vector_store_file_add POST "$O/vector_stores/$VS/files" \
    "{\"file_id\":\"$FILE_ID\",\"attributes\":{\"title\":\"notes\"},\"chunking_strategy\":{\"type\":\"auto\"}}"
jcheck "$BODY" "d['id'] == '$FILE_ID' and d['object'] == 'vector_store.file'" "attach the file"
call vector_store_files GET "$O/vector_stores/$VS/files?limit=100"
jcheck "$BODY" "[f['id'] for f in d['data']] == ['$FILE_ID'] and d['has_more'] is False" "list the store's files"
call vector_store_file GET "$O/vector_stores/$VS/files/$FILE_ID"
jcheck "$BODY" "d['attributes'] == {'title': 'notes'}" "get the store's file"
call vector_store_update POST "$O/vector_stores/$VS" '{"name":"renamed","metadata":{"user_id":"user:default/guest","x":"y"}}'
jcheck "$BODY" "d['name'] == 'renamed' and d['metadata']['x'] == 'y'" "update (POST) replaces name and metadata"
call vector_store_get GET "$O/vector_stores/$VS"
jcheck "$BODY" "d['id'] == '$VS'" "get the store"
call vector_store_unknown GET "$O/vector_stores/vs_nope"
status_is 400 "unknown store (a 400 'not found', all generations)"
call vector_store_file_remove DELETE "$O/vector_stores/$VS/files/$FILE_ID"
jcheck "$BODY" "d['deleted'] is True" "remove the file from the store"
call file_delete DELETE "$O/files/$FILE_ID"
jcheck "$BODY" "d['deleted'] is True" "delete the file"
call file_get_deleted GET "$O/files/$FILE_ID"
status_is 404 "deleted file"
call vector_store_delete DELETE "$O/vector_stores/$VS"
jcheck "$BODY" "d['deleted'] is True" "delete the store"

echo "== prompts"
call prompt_create POST /v1/prompts '{"prompt":"Summarize: {{ text }}","variables":["text"]}'
PROMPT="$(jget 'd["prompt_id"]' <"$BODY" 2>/dev/null || true)"
jcheck "$BODY" 'd["prompt_id"].startswith("pmpt_") and d["version"] == 1' "create -> $PROMPT"
call prompts GET /v1/prompts
jcheck "$BODY" "'$PROMPT' in [p['prompt_id'] for p in d['data']]" "list"
call prompt_update "$PROMPT_UPDATE" "/v1/prompts/$PROMPT" '{"prompt":"Summarize briefly: {{ text }}","version":1,"variables":["text"],"set_as_default":true}'
jcheck "$BODY" 'd["version"] == 2' "update ($PROMPT_UPDATE) makes version 2"
call prompt_get GET "/v1/prompts/$PROMPT?version=1"
jcheck "$BODY" 'd["version"] == 1' "get version 1"
call prompt_delete DELETE "/v1/prompts/$PROMPT"
status_is "$(case "$G" in 0.2.*) echo 204;; *) echo 200;; esac)" "delete"
call prompt_unknown GET "/v1/prompts/$PROMPT"
status_is "$(case "$G" in ogx-*) echo 404;; *) echo 400;; esac)" "deleted prompt (400 'not found' before OGX)"

echo "== catalogue"
call providers GET /v1/providers
jcheck "$BODY" '"vector_io" in {p["api"] for p in d["data"]}' "providers"
call provider GET /v1/providers/faiss
jcheck "$BODY" 'd["api"] == "vector_io" and d["provider_type"] == "inline::faiss"' "provider faiss"
call tools GET /v1/tools
case "$G" in ogx-*) status_is 404 "tools (OGX without the tool_groups API)" ;;
*) jcheck "$BODY" '"knowledge_search" in [t.get("identifier", t.get("name")) for t in d["data"]]' "tools" ;; esac

if [ $CAPTURE = 1 ]; then
    dest="$E2E_DIR/captures/$G/knowledge"
    rm -rf "$dest"; mkdir -p "$dest"
    cp "$OUT"/* "$dest/"
    echo "captures written to $dest"
fi
echo "smoke: $PASS passed, $FAIL failed"
[ $FAIL = 0 ]
