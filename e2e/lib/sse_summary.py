#!/usr/bin/env python3
"""Summarise a captured Llama Stack Agents turn stream (SSE) and evaluate assertions on it (stdlib only).

    sse_summary.py FILE                      print the summary as JSON
    sse_summary.py FILE 'EXPR' [MESSAGE]     exit 0 if the Python expression EXPR is true for the summary `s`

Summary keys:
  events        ["step_start:shield_call", "step_progress:inference", ..., "turn_complete"] (order of arrival)
  text          concatenation of the inference text deltas;  n_text: how many non-empty text deltas
  output        turn.output_message.content of turn_complete/turn_awaiting_input (None if none)
  final_event   "turn_complete" | "turn_awaiting_input" | "error" | None
  shields       [{"touchpoint": "user-input"|"assistant-output", "violation": {...}|None}]
  tool_calls    [{"tool_name", "arguments"}] from inference step_complete
  tool_results  [text of each tool response]   (tool_execution step_complete)
  error         message of a {"error": {...}} line, else None
  turn          the full turn object (or None);  lines: number of data lines;  bad_lines: lines not parseable
"""
import sys

from sse_lines import data_objects, main


def content_text(c):
    if c is None:
        return ""
    if isinstance(c, str):
        return c
    if isinstance(c, dict):
        return c.get("text", "")
    if isinstance(c, list):
        return "".join(content_text(x) for x in c)
    return str(c)


def summarise(path):
    s = {"events": [], "text": "", "n_text": 0, "output": None, "final_event": None, "shields": [],
         "tool_calls": [], "tool_results": [], "error": None, "turn": None, "lines": 0, "bad_lines": 0}
    touch = {}
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    for obj in data_objects(raw, s):
        if "error" in obj:
            err = obj["error"]
            s["error"] = err.get("message") if isinstance(err, dict) else str(err)
            s["final_event"] = "error"
            s["events"].append("error")
            continue
        p = (obj.get("event") or {}).get("payload") or {}
        et = p.get("event_type")
        st = p.get("step_type")
        s["events"].append("%s:%s" % (et, st) if st else str(et))
        if et == "step_start" and st == "shield_call":
            touch[p.get("step_id")] = (p.get("metadata") or {}).get("touchpoint")
        elif et == "step_progress" and st == "inference":
            d = p.get("delta") or {}
            if d.get("type") == "text":
                s["text"] += d.get("text", "")
                if d.get("text"):
                    s["n_text"] += 1
        elif et == "step_complete":
            det = p.get("step_details") or {}
            if st == "shield_call":
                s["shields"].append({"touchpoint": touch.get(p.get("step_id")), "violation": det.get("violation")})
            elif st == "inference":
                for tc in (det.get("model_response") or {}).get("tool_calls") or []:
                    s["tool_calls"].append({"tool_name": tc.get("tool_name"), "arguments": tc.get("arguments")})
            elif st == "tool_execution":
                for r in det.get("tool_responses") or []:
                    s["tool_results"].append(content_text(r.get("content")))
        elif et in ("turn_complete", "turn_awaiting_input"):
            s["final_event"] = et
            s["turn"] = p.get("turn")
            s["output"] = content_text(((p.get("turn") or {}).get("output_message") or {}).get("content"))
    return s


if __name__ == "__main__":
    sys.exit(main(summarise, __doc__, hidden=("turn",)))
