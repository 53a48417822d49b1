#!/usr/bin/env python3
"""Deterministic OpenAI-compatible LLM stand-in for the e2e suite (stdlib only).

Runs with any python3 >= 3.8 (the host's 3.11 and the chroot's 3.13 alike):

    python3 fake_llm.py [--host 127.0.0.1] [--port 18000]     (or env FAKE_LLM_PORT)

Endpoints
---------
GET  /health, /v1/health          -> {"status": "OK"}
GET  /v1/models                   -> fake-model (llm), fake-guard (llm), fake-embedding (embedding, dim 8)
GET  /v1/models/{id}              -> one model (404 if unknown)
POST /v1/chat/completions         -> streamed (SSE) or not, following the rules Llama Stack needs:
                                     text chunks carry no finish_reason; the finish_reason comes in its own
                                     chunk with an empty delta; a usage-only chunk (choices: []) follows only
                                     when stream_options.include_usage is true; then "data: [DONE]".
POST /v1/embeddings               -> deterministic unit vectors (dimension from "dimensions" or 8)
POST /v1/moderations              -> OpenAI moderation result, flagged (category "violence") when the input
                                     contains UNSAFE-CONTENT: the external moderation endpoint of OGX guardrails
GET  /v1/requests                 -> the recorded requests of this process (also see FAKE_LLM_LOG)

Scripted behaviour (first rule that matches wins; "last user text" = text of the last message whose role is user)
---------------------------------------------------------------------------------------------------------------
1. Llama Guard: model == "fake-guard", or the last user text starts with "Task: Check if there is unsafe content".
   The fake reads the conversation between <BEGIN CONVERSATION> and <END CONVERSATION>, takes ONLY THE LAST message
   (Llama Stack 0.2.22 renders messages as "User: ..." / "Assistant: ..." blocks separated by blank lines and asks
   about the last one: the input shield's last message is the new user message, the output shield's last message is
   the assistant answer) and answers exactly "unsafe\nS1" when that message contains UNSAFE-CONTENT, else "safe".
2. Last message has role "tool": plain answer "The tool returned: <tool result text>" (ends the agent loop;
   the echoed result is cut after 300 characters + "...", e.g. for long RAG results).
3. Tool call: tools are offered AND the last user text contains "use the tool" (any case) or names an offered
   tool -> one tool call (finish_reason "tool_calls") to the first offered tool whose name occurs in the text,
   else to the first offered tool. "search the docs" (any case) calls the document search tool
   (knowledge_search up to Llama Stack 0.6, file_search from 0.7/OGX) even when MCP tools are offered too.
   Arguments (a JSON object string) are built from the tool's JSON schema:
   string params get the word following the param's name in the text, or the word following "namespace"/"in"
   when the param is called "namespace" (e.g. "... list_pods in namespace demo" -> {"namespace": "demo"}), or for
   a "query" param the words after "search the docs for|about" ("Search the docs for scaling" -> "scaling"),
   otherwise "demo"; integers 1; booleans true.
4. "fail-request" in the last user text: HTTP 500 {"error": {...}} before any streaming.
5. "fail-midstream": 3 text chunks, then an SSE line data: {"error": {...}} (what vLLM does) and the body ends.
   "drop-midstream": 3 text chunks, then the connection is cut (chunked body never terminated).
6. "forbidden-output": the answer contains UNSAFE-CONTENT (so an output shield fires while the input check,
   which only sees the user's text, passes).
7. "slow-answer": 20 chunks, FAKE_LLM_SLOW_DELAY seconds (default 0.5) between chunks.
8. Plain answer, derived from the last user text, streamed 2 words per chunk, e.g.
   "What is Kubernetes?" -> "Kubernetes is an open-source container orchestration platform; ..." . Every plain
   answer contains the non-ASCII word "café" (JSON escaping). If the request contains more than one user message
   (history), the answer ends with "You have asked N questions." (N = number of user messages seen).
   The text UNSAFE-CONTENT from the question is never echoed (rule 6 is the only way to get it in an answer).

Token limits: when the request has max_completion_tokens (Llama Stack >= 0.5 sends it for max_output_tokens) or
max_tokens smaller than the answer's word count, the answer is cut to that many words (one word = one token here)
and ends with finish_reason "length". Usage counts words: prompt_tokens = words of all messages + 1,
completion_tokens = words of the answer (5 for a tool call).

Every request is recorded (path, model, stream, message count, roles, tool names, mode) in memory and, when env
FAKE_LLM_LOG names a file, appended to it as one JSON line.
"""

import argparse
import hashlib
import json
import math
import os
import re
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CREATED = 1700000000
GUARD_MODEL = "fake-guard"
CHAT_MODEL = "fake-model"
EMBED_MODEL = "fake-embedding"
EMBED_DIM = int(os.environ.get("FAKE_LLM_EMBED_DIM", "8"))
TRIGGER = "UNSAFE-CONTENT"
GUARD_PREFIX = "Task: Check if there is unsafe content"
DOC_SEARCH_TRIGGER = "search the docs"
DOC_SEARCH_TOOLS = ("knowledge_search", "file_search")
MODERATION_CATEGORIES = ("harassment", "harassment/threatening", "hate", "hate/threatening", "illicit",
                         "illicit/violent", "self-harm", "self-harm/instructions", "self-harm/intent", "sexual",
                         "sexual/minors", "violence", "violence/graphic")
SLOW_DELAY = float(os.environ.get("FAKE_LLM_SLOW_DELAY", "0.5"))
TOOL_ECHO_MAX = 300

MODELS = [
    {"id": CHAT_MODEL, "object": "model", "created": CREATED, "owned_by": "fake"},
    {"id": GUARD_MODEL, "object": "model", "created": CREATED, "owned_by": "fake"},
    {"id": EMBED_MODEL, "object": "model", "created": CREATED, "owned_by": "fake"},
]

KNOWN_TOPICS = {
    "kubernetes": "Kubernetes is an open-source container orchestration platform; it schedules pods, "
    "scales deployments and heals workloads, like a café that never closes.",
    "openshift": "OpenShift is Red Hat's Kubernetes distribution; it adds builds, routes and a web console, "
    "served as reliably as coffee in a café.",
}

_log_lock = threading.Lock()
_recorded = []


def record(entry):
    entry = dict(entry)
    entry["ts"] = round(time.time(), 3)
    line = json.dumps(entry, ensure_ascii=False)
    with _log_lock:
        _recorded.append(entry)
        del _recorded[:-1000]
        path = os.environ.get("FAKE_LLM_LOG")
        if path:
            with open(path, "a", encoding="utf-8") as f:
                f.write(line + "\n")


def content_text(content):
    """OpenAI message content: a string or a list of parts."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = []
        for p in content:
            if isinstance(p, dict):
                parts.append(p.get("text") or "")
            else:
                parts.append(str(p))
        return "".join(parts)
    return str(content)


def last_user_text(messages):
    for m in reversed(messages):
        if m.get("role") == "user":
            return content_text(m.get("content"))
    return ""


# ----------------------------------------------------------------------------------------------- guard
def guard_verdict(prompt):
    """Answer like Llama Guard: only the LAST message of the rendered conversation counts."""
    conv = prompt
    start = prompt.find("<BEGIN CONVERSATION>")
    end = prompt.find("<END CONVERSATION>")
    if start >= 0 and end > start:
        conv = prompt[start + len("<BEGIN CONVERSATION>"):end]
    # messages are "Role: text" blocks separated by blank lines; a block starts a new message only when
    # it begins with a role prefix (message texts may themselves contain blank lines)
    blocks = []
    for block in re.split(r"\n\n", conv.strip()):
        if re.match(r"^(User|Assistant|Tool|System|Ipython):", block) or not blocks:
            blocks.append(block)
        else:
            blocks[-1] += "\n\n" + block
    last = blocks[-1] if blocks else conv
    return "unsafe\nS1" if TRIGGER in last else "safe"


# ----------------------------------------------------------------------------------------------- answers
def sanitize(text):
    return text.replace(TRIGGER, "[redacted]")


def topic_of(question):
    q = question.strip()
    q = re.sub(r"[?!.\s]+$", "", q)
    q = re.sub(r"^(please\s+)?(what|who|how|why|where|when)\s+(is|are|do|does|did|can|should)\s+(an?\s+|the\s+)?",
               "", q, flags=re.I)
    q = re.sub(r"^(tell me about|explain|describe)\s+", "", q, flags=re.I)
    q = " ".join(q.split()[:8])
    return q or "That"


def plain_answer(messages, text):
    low = text.lower()
    answer = None
    for key, value in KNOWN_TOPICS.items():
        if key in low:
            answer = value
            break
    if answer is None:
        topic = sanitize(topic_of(text))
        topic = topic[:1].upper() + topic[1:]
        answer = ("%s is what you asked about; this deterministic answer from the fake LLM was brewed "
                  "in a café." % topic)
    if "forbidden-output" in low:
        answer = "Here is something the output shield must block: %s in the answer." % TRIGGER
    n_user = sum(1 for m in messages if m.get("role") == "user")
    if n_user > 1:
        answer += " You have asked %d questions." % n_user
    return answer


def split_chunks(text, words_per_chunk=2, min_chunks=1):
    words = re.findall(r"\S+\s*", text)
    chunks = ["".join(words[i:i + words_per_chunk]) for i in range(0, len(words), words_per_chunk)]
    if len(chunks) < min_chunks:
        # split further by characters to reach min_chunks
        size = max(1, math.ceil(len(text) / float(min_chunks)))
        chunks = [text[i:i + size] for i in range(0, len(text), size)]
    return chunks or [""]


def tool_name_of(tool):
    fn = tool.get("function") or {}
    return fn.get("name") or tool.get("name") or ""


def pick_tool(tools, text):
    low = text.lower()
    names = [tool_name_of(t) for t in tools]
    if DOC_SEARCH_TRIGGER in low:
        for t, n in zip(tools, names):
            if n in DOC_SEARCH_TOOLS:
                return t
    for t, n in zip(tools, names):
        if n and n.lower() in low:
            return t
    if "use the tool" in low and tools:
        return tools[0]
    return None


def build_arguments(tool, text):
    fn = tool.get("function") or {}
    schema = fn.get("parameters") or {}
    props = schema.get("properties") or {}
    required = schema.get("required") or list(props.keys())
    args = {}
    for name, spec in props.items():
        if name not in required:
            continue
        typ = (spec or {}).get("type", "string")
        if typ == "integer" or typ == "number":
            args[name] = 1
        elif typ == "boolean":
            args[name] = True
        else:
            value = "demo"
            m = re.search(r"\b%s\s+([A-Za-z0-9_.-]+)" % re.escape(name), text, flags=re.I)
            if m is None and name == "namespace":
                m = re.search(r"\bin\s+(?:namespace\s+)?([a-z0-9][a-z0-9-]*)", text)
            if m is None and name == "query":
                m = re.search(r"%s\s+(?:for|about)\s+([^?!.]+)" % DOC_SEARCH_TRIGGER, text, flags=re.I)
            if m:
                value = m.group(1).strip(".")
            args[name] = value
    return json.dumps(args, sort_keys=True)


def embed(text, dim):
    vec = [0.0] * dim
    for word in re.findall(r"\w+", text.lower()):
        h = hashlib.sha256(word.encode("utf-8")).digest()
        for i in range(dim):
            vec[i] += (h[i % len(h)] / 255.0) - 0.5
    norm = math.sqrt(sum(v * v for v in vec)) or 1.0
    if not any(vec):
        vec[0] = 1.0
        norm = 1.0
    return [round(v / norm, 6) for v in vec]


# ----------------------------------------------------------------------------------------------- server
class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FakeLLM/1.0"

    def log_message(self, fmt, *args):  # quiet; requests are recorded instead
        if os.environ.get("FAKE_LLM_VERBOSE"):
            sys.stderr.write("%s - %s\n" % (self.address_string(), fmt % args))

    # -- helpers
    def send_json(self, status, obj):
        body = json.dumps(obj).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def read_json(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            return json.loads(raw.decode("utf-8") or "{}")
        except ValueError:
            return None

    def start_sse(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()

    def write_chunk(self, data):
        if isinstance(data, str):
            data = data.encode("utf-8")
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self.wfile.flush()

    def sse(self, obj):
        payload = obj if isinstance(obj, str) else json.dumps(obj)
        self.write_chunk("data: %s\n\n" % payload)

    def end_chunks(self):
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    # -- routes
    def do_GET(self):
        path = self.path.split("?", 1)[0].rstrip("/")
        if path in ("/health", "/v1/health"):
            return self.send_json(200, {"status": "OK"})
        if path == "/v1/models":
            record({"path": path, "method": "GET"})
            return self.send_json(200, {"object": "list", "data": MODELS})
        if path.startswith("/v1/models/"):
            mid = path[len("/v1/models/"):]
            for m in MODELS:
                if m["id"] == mid:
                    return self.send_json(200, m)
            return self.send_json(404, {"error": {"message": "model %s not found" % mid, "type": "not_found"}})
        if path == "/v1/requests":
            with _log_lock:
                return self.send_json(200, {"data": list(_recorded)})
        self.send_json(404, {"error": {"message": "no route GET %s" % path, "type": "not_found"}})

    def do_POST(self):
        path = self.path.split("?", 1)[0].rstrip("/")
        body = self.read_json()
        if body is None:
            return self.send_json(400, {"error": {"message": "invalid JSON body", "type": "invalid_request_error"}})
        if path == "/v1/chat/completions":
            return self.chat(body)
        if path == "/v1/embeddings":
            return self.embeddings(body)
        if path == "/v1/moderations":
            return self.moderations(body)
        self.send_json(404, {"error": {"message": "no route POST %s" % path, "type": "not_found"}})

    def embeddings(self, body):
        inputs = body.get("input")
        if isinstance(inputs, str):
            inputs = [inputs]
        inputs = inputs or []
        dim = int(body.get("dimensions") or EMBED_DIM)
        record({"path": "/v1/embeddings", "model": body.get("model"), "inputs": len(inputs), "dimensions": dim})
        data = [{"object": "embedding", "index": i, "embedding": embed(str(t), dim)} for i, t in enumerate(inputs)]
        tokens = sum(len(str(t).split()) for t in inputs)
        self.send_json(200, {"object": "list", "data": data, "model": body.get("model") or EMBED_MODEL,
                             "usage": {"prompt_tokens": tokens, "total_tokens": tokens}})

    def moderations(self, body):
        inputs = body.get("input")
        if not isinstance(inputs, list):
            inputs = [inputs]
        texts = [content_text(t) if not isinstance(t, dict) else content_text([t]) for t in inputs]
        results = []
        for t in texts:
            flagged = TRIGGER in t
            results.append({"flagged": flagged,
                            "categories": {c: flagged and c == "violence" for c in MODERATION_CATEGORIES},
                            "category_scores": {c: (0.99 if flagged and c == "violence" else 0.0)
                                                for c in MODERATION_CATEGORIES},
                            "category_applied_input_types": {c: ["text"] for c in MODERATION_CATEGORIES}})
        record({"path": "/v1/moderations", "model": body.get("model"), "inputs": len(texts),
                "flagged": [r["flagged"] for r in results], "checked": texts})
        digest = hashlib.sha1(json.dumps(body, sort_keys=True).encode("utf-8")).hexdigest()[:12]
        self.send_json(200, {"id": "modr-%s" % digest, "model": body.get("model") or "omni-moderation-latest",
                             "results": results})

    def chat(self, body):
        model = body.get("model") or CHAT_MODEL
        messages = body.get("messages") or []
        stream = bool(body.get("stream"))
        tools = body.get("tools") or []
        include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
        text = last_user_text(messages)
        last_role = messages[-1].get("role") if messages else None
        low = text.lower()

        tool_call = None
        mode = "plain"
        if model == GUARD_MODEL or text.startswith(GUARD_PREFIX):
            mode = "guard"
            answer = guard_verdict(text)
        elif last_role == "tool":
            mode = "tool-result"
            result = sanitize(content_text(messages[-1].get("content")))
            if len(result) > TOOL_ECHO_MAX:
                result = result[:TOOL_ECHO_MAX] + "..."
            answer = "The tool returned: %s" % result
        else:
            tool = pick_tool(tools, text) if tools else None
            if tool is not None:
                mode = "tool-call"
                tool_call = {"name": tool_name_of(tool), "arguments": build_arguments(tool, text)}
                answer = ""
            else:
                for m in ("fail-request", "fail-midstream", "drop-midstream", "slow-answer", "forbidden-output"):
                    if m in low:
                        mode = m
                        break
                answer = plain_answer(messages, text)

        finish = "tool_calls" if tool_call else "stop"
        limit = body.get("max_completion_tokens") or body.get("max_tokens")
        if mode != "guard" and answer and isinstance(limit, int) and 0 < limit < len(answer.split()):
            answer = "".join(re.findall(r"\S+\s*", answer)[:limit]).rstrip()
            finish = "length"

        record({"path": "/v1/chat/completions", "model": model, "stream": stream, "messages": len(messages),
                "roles": [m.get("role") for m in messages], "tools": [tool_name_of(t) for t in tools],
                "include_usage": include_usage, "max_tokens": body.get("max_tokens"),
                "max_completion_tokens": body.get("max_completion_tokens"),
                "mode": mode, "tool_call": tool_call, "answer": answer, "finish_reason": finish,
                "checked": text if mode == "guard" else None})

        if mode == "fail-request":
            return self.send_json(500, {"error": {"message": "fake LLM: scripted failure (fail-request)",
                                                  "type": "internal_error", "code": 500}})

        cid = "chatcmpl-%s" % hashlib.sha1(json.dumps(body, sort_keys=True).encode("utf-8")).hexdigest()[:12]
        prompt_tokens = sum(len(content_text(m.get("content")).split()) for m in messages) + 1
        completion_tokens = max(1, len(answer.split())) if answer else 5
        usage = {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                 "total_tokens": prompt_tokens + completion_tokens}
        tool_calls = None
        if tool_call:
            tool_calls = [{"id": "call_%s" % cid[-8:], "type": "function",
                           "function": {"name": tool_call["name"], "arguments": tool_call["arguments"]}}]

        if not stream:
            message = {"role": "assistant", "content": answer if not tool_calls else None}
            if tool_calls:
                message["tool_calls"] = tool_calls
            return self.send_json(200, {"id": cid, "object": "chat.completion", "created": CREATED, "model": model,
                                        "choices": [{"index": 0, "message": message, "finish_reason": finish,
                                                     "logprobs": None}],
                                        "usage": usage})

        def chunk(delta, finish_reason=None, choices=True):
            obj = {"id": cid, "object": "chat.completion.chunk", "created": CREATED, "model": model}
            obj["choices"] = [{"index": 0, "delta": delta, "finish_reason": finish_reason, "logprobs": None}] \
                if choices else []
            return obj

        self.start_sse()
        try:
            if tool_calls:
                tc = dict(tool_calls[0], index=0)
                self.sse(chunk({"role": "assistant", "content": None, "tool_calls": [tc]}))
            else:
                parts = split_chunks(answer, 2, min_chunks=20 if mode == "slow-answer" else 3)
                for i, part in enumerate(parts):
                    delta = {"content": part}
                    if i == 0:
                        delta["role"] = "assistant"
                    self.sse(chunk(delta))
                    if mode == "slow-answer":
                        time.sleep(SLOW_DELAY)
                    if i == 2 and mode == "fail-midstream":
                        self.sse({"error": {"message": "fake LLM: scripted failure (fail-midstream)",
                                            "type": "internal_error", "code": 500}})
                        self.end_chunks()
                        self.close_connection = True
                        return
                    if i == 2 and mode == "drop-midstream":
                        self.wfile.flush()
                        self.close_connection = True
                        self.connection.shutdown(2)
                        return
            self.sse(chunk({}, finish))
            if include_usage:
                obj = chunk({}, choices=False)
                obj["usage"] = usage
                self.sse(obj)
            self.sse("[DONE]")
            self.end_chunks()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--host", default=os.environ.get("FAKE_LLM_HOST", "127.0.0.1"))
    ap.add_argument("--port", type=int, default=int(os.environ.get("FAKE_LLM_PORT", "18000")))
    args = ap.parse_args()
    server = Server((args.host, args.port), Handler)
    print("fake LLM listening on http://%s:%d/v1" % (args.host, server.server_address[1]), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
