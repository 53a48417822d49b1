#!/usr/bin/env python3
"""Summarise a captured Responses API body (SSE stream or JSON response) and evaluate assertions on it (stdlib only).

    responses_summary.py FILE                      print the summary as JSON
    responses_summary.py FILE 'EXPR' [MESSAGE]     exit 0 if the Python expression EXPR is true for the summary `s`

FILE is either a `POST /v1/responses` stream (`data: <json>` lines) or a JSON body (the response object, or an
error body). Summary keys:
  types         event types in order of arrival ("error" for a {"error": ...} line); [] for a JSON body
  seq           sequence_number of each event (None where the event has none)
  text          concatenation of the response.output_text.delta deltas (stream) or of the output_text parts
  response      the FIRST terminal response object (response.completed/.incomplete/.failed), what a client acts
                on (OGX 1.5.0 sends a second response.completed after an output guardrail refusal), or the JSON body
  n_terminal    how many terminal events the stream had
  status        response["status"] (None if no response)
  output_types  ["mcp_list_tools", "mcp_call", "message", ...] of the terminal response's output
  output_text   text of the message items of the terminal response (output_text parts)
  refusal       text of the refusal parts of the terminal response
  items         the terminal response's output items
  usage         response["usage"]
  error         the "error" object of an error line ({"error": {...}}, up to 0.7), the error event itself
                ({"type": "error", "code", "message"}, OGX), or the "error" of a JSON error body, else None
  detail        the "detail" of a JSON error body, else None
  lines, bad_lines   number of data lines, and of lines that are neither blank nor parseable data lines
"""
import json
import sys

from sse_lines import data_objects, main

TERMINAL = ("response.completed", "response.incomplete", "response.failed")


def parts_text(item, part_type, key):
    content = item.get("content")
    if isinstance(content, str):
        return content if part_type == "output_text" else ""
    return "".join(p.get(key) or "" for p in content or [] if isinstance(p, dict) and p.get("type") == part_type)


def summarise_response(s, response):
    s["response"] = response
    if not isinstance(response, dict):
        return
    s["status"] = response.get("status")
    s["usage"] = response.get("usage")
    items = response.get("output") or []
    s["items"] = items
    s["output_types"] = [i.get("type") for i in items]
    messages = [i for i in items if i.get("type") == "message"]
    s["output_text"] = "".join(parts_text(i, "output_text", "text") for i in messages)
    s["refusal"] = "".join(parts_text(i, "refusal", "refusal") for i in messages)


def summarise(path):
    s = {"types": [], "seq": [], "text": "", "response": None, "status": None, "output_types": [],
         "output_text": "", "refusal": "", "items": [], "usage": None, "error": None, "detail": None,
         "n_terminal": 0, "lines": 0, "bad_lines": 0}
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    if not raw.startswith("data: "):
        try:
            body = json.loads(raw)
        except ValueError:
            s["bad_lines"] = 1
            return s
        if isinstance(body, dict) and ("error" in body or "detail" in body) and "object" not in body:
            s["error"] = body.get("error")
            s["detail"] = body.get("detail")
        else:
            summarise_response(s, body)
            s["text"] = s["output_text"]
        return s
    for obj in data_objects(raw, s):
        etype = obj.get("type") or ("error" if "error" in obj else "?")
        s["types"].append(etype)
        s["seq"].append(obj.get("sequence_number"))
        if etype == "error":
            s["error"] = obj.get("error", obj)
        elif etype == "response.output_text.delta":
            s["text"] += obj.get("delta") or ""
        elif etype in TERMINAL:
            s["n_terminal"] += 1
            if s["n_terminal"] == 1:
                summarise_response(s, obj.get("response"))
    return s


if __name__ == "__main__":
    sys.exit(main(summarise, __doc__, hidden=("response", "items")))
