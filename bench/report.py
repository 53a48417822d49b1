#!/usr/bin/env python3
"""Turns bench/run.sh's results.jsonl into the Markdown table of docs/performance.md.

    report.py RESULTS.jsonl           print the table (medians over the runs)
    report.py --check RESULTS.jsonl   exit 1 when the harness is broken: a target gave no figures, answered errors,
                                      or lightspeed-stack dropped a stream. Slow numbers never fail it, nor do
                                      upstream LCS's errors under load (they are its figures, shown in the table).
"""

import json
import statistics
import sys

# the services, in the order of the table's columns: each API generation's pair side by side
SERVICES = ("ours", "baseline", "upstream", "ours-responses", "upstream-0.7.1")
LABELS = {
    "ours": "lightspeed-stack, Agents API",
    "baseline": "baseline build, Agents API",
    "upstream": "upstream LCS 0.2.0",
    "ours-responses": "lightspeed-stack, Responses API",
    "upstream-0.7.1": "upstream LCS 0.7.1",
    "nginx": "nginx floor",
}
# this service against the upstream LCS on the same fake
PAIRS = (("ours", "baseline", "ours / baseline"), ("ours", "upstream", "ours / 0.2.0"),
         ("ours-responses", "upstream-0.7.1", "ours / 0.7.1"))
# Llama Stack calls the targets allow (issue 26): a new conversation's answer and topic summary, a follow-up's answer
CALL_TARGETS = {"new": 2, "follow_up": 1}


def load(path):
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def median(values):
    values = [v for v in values if v is not None and v >= 0]
    return statistics.median(values) if values else None


def fmt(value, digits=2):
    if value is None:
        return "–"
    if isinstance(value, float) and not value.is_integer() and digits > 0:
        return f"{value:.{digits}f}"
    return f"{round(value):,}"


def ratio(ours, other, digits=2):
    if ours is None or other is None or other == 0:
        return "–"
    return f"{ours / other:.{digits}f}×"


class Results:
    def __init__(self, rows):
        self.rows = rows
        present = {r["target"] for r in rows}
        self.services = [t for t in SERVICES if t in present]
        self.pairs = [p for p in PAIRS if p[0] in present and p[1] in present]

    def of(self, metric, **match):
        return [r for r in self.rows if r["metric"] == metric and all(r.get(k) == v for k, v in match.items())]

    def wrk(self, metric, target, concurrency, field):
        # a run in which the target answered nothing has no latency
        return median([r["wrk"][field] for r in self.of(metric, target=target, concurrency=concurrency)
                       if r["wrk"]["requests"]])

    def unanswered(self, metric, target, concurrency):
        runs = self.of(metric, target=target, concurrency=concurrency)
        return bool(runs) and not any(r["wrk"]["requests"] for r in runs)

    def added(self, metric, target, concurrency, field):
        measured = self.wrk(metric, target, concurrency, field)
        floor = self.wrk(metric, "fake", concurrency, field)
        return None if measured is None or floor is None else measured - floor

    def sse(self, target, field):
        return median([r["sse"][field] for r in self.of("ttft", target=target)])

    def targets(self):
        return {r["target"] for r in self.rows}


def header(out, first, columns):
    out.append("| " + " | ".join(first + columns) + " |")
    out.append("|" + "---|" * (len(first) + len(columns)))


def latency_table(res, out):
    concurrencies = sorted({r["concurrency"] for r in res.of("latency")})
    out.append("### Added latency of `/v1/query` (follow-up question) over the fake Llama Stack's own time, ms")
    out.append("")
    shown = res.services + ["nginx"]
    header(out, ["clients", "percentile"],
           [LABELS[t] for t in shown] + [p[2] for p in res.pairs] + ["ours / nginx"])
    for c in concurrencies:
        for field, name in (("p50_ms", "p50"), ("p99_ms", "p99")):
            added = {t: res.added("latency", t, c, field) for t in shown}
            cells = [("no answer within the point" if res.unanswered("latency", t, c) else fmt(added[t], 3))
                     for t in shown]
            cells += [ratio(added[a], added[b]) for a, b, _ in res.pairs]
            cells.append(ratio(added.get("ours"), added["nginx"]))
            out.append(f"| {c} | {name} | {' | '.join(cells)} |")
    out.append("")


def throughput_table(res, out):
    out.append("### Throughput at saturation (64 connections, instant backend), requests/s")
    out.append("")
    shown = ["fake", "nginx"] + res.services
    header(out, [], ["fake alone"] + [LABELS[t] for t in shown[1:]] + [p[2] for p in res.pairs])
    rps = {t: res.wrk("throughput", t, 64, "rps") for t in shown}
    cells = [fmt(rps[t], 0) for t in shown] + [ratio(rps[a], rps[b], 1) for a, b, _ in res.pairs]
    out.append(f"| {' | '.join(cells)} |")
    out.append("")


def calls_table(res, out):
    out.append("### Llama Stack HTTP calls per query (counted at the fake)")
    out.append("")
    header(out, ["", "target"], [LABELS[t] for t in res.services])
    rows = {t: (res.of("calls", target=t) or [None])[0] for t in res.services}
    for kind, label in (("new", "new conversation"), ("follow_up", "follow-up")):
        cells = []
        for t in res.services:
            row = rows[t]
            if row is None:
                cells.append("–")
                continue
            stats = row[kind]
            detail = ", ".join(f"{k} ×{v}" if v > 1 else k for k, v in sorted(stats["calls"].items()) if v)
            cells.append(f"**{stats['total']}** ({detail})")
        out.append(f"| {label} | {CALL_TARGETS[kind]} | {' | '.join(cells)} |")
    out.append("")


def ttft_table(res, out):
    out.append("### Time to first token of `/v1/streaming_query`: overhead over the fake's own, ms (10 clients)")
    out.append("")
    shown = res.services + ["nginx"]
    header(out, ["percentile"], [LABELS[t] for t in shown] + [p[2] for p in res.pairs])
    for field, name in (("ttft_p50_ms", "p50"), ("ttft_p99_ms", "p99")):
        floor = res.sse("fake", field)
        vals = {t: None if res.sse(t, field) is None or floor is None else res.sse(t, field) - floor for t in shown}
        cells = [fmt(vals[t], 3) for t in shown] + [ratio(vals[a], vals[b]) for a, b, _ in res.pairs]
        out.append(f"| {name} | {' | '.join(cells)} |")
    out.append("")


def streams_table(res, out):
    out.append("### Concurrent slow streams held (one token a second)")
    out.append("")
    out.append("lightspeed-stack runs with the memory of a 1 GiB container (`-XX:MaxRAM=1g`) in this phase.")
    out.append("")
    out.append("| streams | target | completed | errors | peak open at once | peak RSS MiB |")
    out.append("|---|---|---|---|---|---|")
    order = {t: i for i, t in enumerate(SERVICES)}
    for row in sorted(res.of("streams"), key=lambda r: (r["streams"], order.get(r["target"], 99))):
        sse, label = row.get("sse"), LABELS.get(row["target"], row["target"])
        if not sse:
            out.append(f"| {fmt(row['streams'])} | {label} | – | load client failed | – | – |")
            continue
        if sse.get("skipped"):
            out.append(f"| {fmt(row['streams'])} | {label} | not run: none of a smaller point completed | – | – | – |")
            continue
        errors = ", ".join(f"{k}: {v}" for k, v in sse["errors"].items()) or "0"
        out.append(f"| {fmt(row['streams'])} | {label} | {fmt(sse['succeeded'])} | {errors} | "
                   f"{fmt(sse['peak_open'])} | {fmt(sse['peak_rss_mib'])} |")
    out.append("")


def footprint_table(res, out):
    out.append("### Start-up and memory")
    out.append("")
    header(out, [""], [LABELS[t] for t in res.services] + [p[2] for p in res.pairs])
    ready = {t: median([r["ready_ms"] for r in res.of("startup", target=t)]) for t in res.services}
    idle = {t: median([r["idle_rss_mib"] for r in res.of("startup", target=t)]) for t in res.services}
    load = {t: median([r["rss_mib"] for r in res.of("throughput", target=t)]) for t in res.services}
    for label, vals in (("start-up to ready, ms", ready), ("idle RSS, MiB", idle),
                        ("RSS under load (64 clients), MiB", load)):
        cells = [fmt(vals[t], 0) for t in res.services] + [ratio(vals[a], vals[b]) for a, b, _ in res.pairs]
        out.append(f"| {label} | {' | '.join(cells)} |")
    out.append("")


def report(rows):
    res = Results(rows)
    runs = max([r.get("run", 1) for r in rows] or [0])
    out = [f"Medians of {runs} run(s); added figures are the target's minus the fake Llama Stack's own, measured the "
           "same way in the same run.", ""]
    for table in (latency_table, throughput_table, calls_table, ttft_table, streams_table, footprint_table):
        table(res, out)
    return "\n".join(out)


def problems(rows):
    res = Results(rows)
    found = []
    for t in res.targets():
        points = res.of("latency", target=t) + res.of("throughput", target=t)
        if t.startswith("upstream"):
            # a short run can end before a slow service answers under load: it must answer somewhere
            if points and not any(r["wrk"]["requests"] for r in points):
                found.append(f"{t}: wrk got no answer at all")
            continue
        for r in points:
            if r["wrk"]["requests"] == 0:
                found.append(f"{t}: wrk got no answer at {r['concurrency']} clients")
            elif r["wrk"]["non2xx"] or r["wrk"]["socket_errors"]:
                found.append(f"{t}: {r['wrk']['non2xx']} non-2xx, {r['wrk']['socket_errors']} socket errors at {r['concurrency']} clients")
        for r in res.of("ttft", target=t):
            if r["sse"]["succeeded"] == 0:
                found.append(f"{t}: no stream reached its end")
    for t in ("ours", "baseline", "ours-responses"):
        for r in res.of("streams", target=t):
            if not r.get("sse") or r["sse"].get("succeeded") != r["streams"]:
                found.append(f"{t}: dropped streams at {r['streams']}: {r.get('sse')}")
    for t in ["fake", "nginx"] + [s for s in res.services if not s.startswith("upstream")]:
        if not res.of("throughput", target=t):
            found.append(f"{t}: no throughput figure")
    for t in res.services:
        if not res.of("calls", target=t):
            found.append(f"{t}: no call count")
    return found


def main(argv):
    if len(argv) == 3 and argv[1] == "--check":
        found = problems(load(argv[2]))
        for line in found:
            print(f"bench: {line}", file=sys.stderr)
        print("bench: harness OK" if not found else "bench: harness BROKEN", file=sys.stderr)
        return 1 if found else 0
    if len(argv) == 2:
        print(report(load(argv[1])))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
