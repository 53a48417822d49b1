"""Shared by sse_summary.py (Agents turn streams) and responses_summary.py (Responses streams), stdlib only:
reading `data: <json>` SSE lines, and the command line both offer (print the summary, or check an expression)."""
import json
import sys


def data_objects(raw, s):
    """Yield the parsed JSON of each `data:` line of raw; counts s["lines"] and s["bad_lines"] (neither blank nor
    a parseable data line)."""
    for line in raw.split("\n"):
        if not line.strip():
            continue
        if not line.startswith("data: "):
            s["bad_lines"] += 1
            continue
        s["lines"] += 1
        try:
            obj = json.loads(line[6:])
        except ValueError:
            s["bad_lines"] += 1
            continue
        yield obj


def main(summarise, doc, hidden=()):
    """FILE -> print the summary; FILE EXPR [MESSAGE] -> exit 0 iff the Python expression EXPR is true for the
    summary `s` (expressions come from the e2e scripts of this repo); keys in hidden are left out of the report."""
    if len(sys.argv) < 2:
        print(doc, file=sys.stderr)
        return 2
    s = summarise(sys.argv[1])
    if len(sys.argv) == 2:
        print(json.dumps(s, indent=1, ensure_ascii=False))
        return 0
    try:
        ok = bool(eval("(" + sys.argv[2] + ")", {"s": s}))
    except Exception as e:  # noqa: BLE001 - an expression that cannot be evaluated is a failed check
        print("expression error: %r" % e, file=sys.stderr)
        ok = False
    if not ok:
        brief = {k: v for k, v in s.items() if k not in hidden}
        print("assertion failed: %s\n  %s\n  summary: %s" % (sys.argv[3] if len(sys.argv) > 3 else "",
              sys.argv[2], json.dumps(brief, ensure_ascii=False)[:1500]), file=sys.stderr)
    return 0 if ok else 1
