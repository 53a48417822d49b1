# Stand-in of Llama Stack 0.2.22's server module for the library mode tests: `server.py CONFIG --port PORT`.
#
# It appends one JSON line to the file named by the run configuration's fake.record: its pid, the port it was
# given, the config path and the configuration's `server` section. Then, by fake:
#   exit: N               exit with status N at once
#   ignore_sigterm: true  keep running after SIGTERM (only SIGKILL stops it)
#   healthy: false        answer /v1/health with 503
# and otherwise serve GET /v1/version (0.2.22), /v1/health and /v1/providers (none) on the configuration's
# server.host and --port, until SIGTERM.
import argparse
import json
import os
import signal
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("config")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    with open(args.config) as file:
        config = json.load(file)
    fake = config.get("fake", {})
    with open(fake["record"], "a") as record:
        record.write(json.dumps({"pid": os.getpid(), "port": args.port, "config": args.config,
                                 "server": config.get("server")}) + "\n")
    print("INFO     fake Llama Stack 0.2.22 starting", flush=True)
    if "exit" in fake:
        print("ERROR    told to exit with status %d" % fake["exit"], file=sys.stderr, flush=True)
        sys.exit(fake["exit"])
    healthy = fake.get("healthy", True)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            answers = {"/v1/version": (200, {"version": "0.2.22"}),
                       "/v1/health": (200 if healthy else 503, {"status": "OK" if healthy else "Error"}),
                       "/v1/providers": (200, {"data": []})}
            status, body = answers.get(self.path, (404, {"detail": "Not Found"}))
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format, *args):
            pass

    server = ThreadingHTTPServer((config["server"]["host"], args.port), Handler)
    if fake.get("ignore_sigterm"):
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    else:
        # a clean exit, so that atexit handlers run as after a real server's graceful shutdown
        signal.signal(signal.SIGTERM, lambda *ignored: sys.exit(0))
    server.serve_forever()


if __name__ == "__main__":
    main()
