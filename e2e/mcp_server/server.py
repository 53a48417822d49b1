#!/usr/bin/env python3
"""A real MCP server for the e2e suite, built on the official `mcp` Python SDK (FastMCP).

Runs in its own venv of the chroot, the same for every Llama Stack generation (the SDK is pinned in
e2e/mcp_server/requirements.lock):

    python server.py [--host 127.0.0.1] [--port 19000]          (or env MCP_PORT)

Transports (both on the same port):
  - Streamable HTTP at POST/GET/DELETE /mcp   <- what Llama Stack 0.2.22 uses (it tries it first)
  - SSE at GET /sse + POST /messages/          (fallback transport, kept for completeness)

Tools:
  - list_pods(namespace: str) -> "pod-a, pod-b in <namespace>"; namespace "fail-tool" -> tool error
  - cluster_version()         -> "fake-cluster 4.99.0"

Header recording: the HTTP headers of EVERY request (any path) are recorded, header names lower-case:
  - appended as JSON lines {"ts", "method", "path", "headers": {name: value}} to the file in env MCP_HEADERS_LOG
  - GET    /recorded-headers   -> {"data": [entries...]} (this route's own requests are not recorded)
  - DELETE /recorded-headers   -> clears the in-memory list (the file is kept)
  - GET    /health             -> {"status": "OK"}

Optional: env MCP_REQUIRE_AUTH=1 answers 401 (with WWW-Authenticate: Bearer) to MCP requests that carry no
"Authorization: Bearer ..." header, like an MCP server protected by OAuth would.
"""

import argparse
import json
import os
import threading
import time

import uvicorn
from mcp.server.fastmcp import FastMCP
from starlette.requests import Request
from starlette.responses import JSONResponse

_lock = threading.Lock()
_recorded = []
_UNRECORDED = ("/recorded-headers", "/health")
FAILING_NAMESPACE = "fail-tool"

mcp = FastMCP("lcs-e2e-mcp", stateless_http=True, log_level="WARNING")


@mcp.tool()
def list_pods(namespace: str) -> str:
    """List the pods of a Kubernetes namespace."""
    if namespace == FAILING_NAMESPACE:
        # a tool error (CallToolResult isError: true), what a failing MCP call looks like on the wire
        raise ValueError("namespace %s is not reachable" % namespace)
    return "pod-a, pod-b in %s" % namespace


@mcp.tool()
def cluster_version() -> str:
    """Return the version of the (fake) cluster."""
    return "fake-cluster 4.99.0"


@mcp.custom_route("/recorded-headers", methods=["GET", "DELETE"])
async def recorded_headers(request: Request) -> JSONResponse:
    with _lock:
        if request.method == "DELETE":
            _recorded.clear()
            return JSONResponse({"data": []})
        return JSONResponse({"data": list(_recorded)})


@mcp.custom_route("/health", methods=["GET"])
async def health(request: Request) -> JSONResponse:
    return JSONResponse({"status": "OK"})


def _record(scope):
    headers = {}
    for k, v in scope.get("headers") or []:
        name = k.decode("latin-1").lower()
        value = v.decode("latin-1")
        headers[name] = headers[name] + ", " + value if name in headers else value
    entry = {"ts": round(time.time(), 3), "method": scope.get("method"), "path": scope.get("path"),
             "headers": headers}
    with _lock:
        _recorded.append(entry)
        del _recorded[:-2000]
        path = os.environ.get("MCP_HEADERS_LOG")
        if path:
            with open(path, "a", encoding="utf-8") as f:
                f.write(json.dumps(entry) + "\n")
    return headers


def with_header_recording(app):
    require_auth = os.environ.get("MCP_REQUIRE_AUTH") == "1"

    async def asgi(scope, receive, send):
        if scope["type"] == "http" and scope.get("path") not in _UNRECORDED:
            headers = _record(scope)
            if require_auth and not headers.get("authorization", "").lower().startswith("bearer "):
                body = json.dumps({"error": "missing bearer token"}).encode()
                await send({"type": "http.response.start", "status": 401,
                            "headers": [(b"content-type", b"application/json"),
                                        (b"www-authenticate", b'Bearer realm="lcs-e2e-mcp"'),
                                        (b"content-length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body})
                return
        await app(scope, receive, send)

    return asgi


def build_app():
    app = mcp.streamable_http_app()          # /mcp + custom routes, with the session manager lifespan
    for route in mcp.sse_app().routes:       # add /sse and /messages/ to the same app
        if getattr(route, "path", None) in ("/sse", "/messages"):
            app.router.routes.append(route)
    return with_header_recording(app)


def main():
    ap = argparse.ArgumentParser(description="lcs-e2e MCP server")
    ap.add_argument("--host", default=os.environ.get("MCP_HOST", "127.0.0.1"))
    ap.add_argument("--port", type=int, default=int(os.environ.get("MCP_PORT", "19000")))
    args = ap.parse_args()
    print("MCP server listening on http://%s:%d/mcp (SSE: /sse)" % (args.host, args.port), flush=True)
    uvicorn.run(build_app(), host=args.host, port=args.port, log_level="warning", lifespan="on")


if __name__ == "__main__":
    main()
