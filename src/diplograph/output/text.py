"""Events and statistics as text: JSON Lines, CSV and a table of events (what ``extract``
writes), and the report of ``stats``."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

from diplograph.model import Event

CSV_COLUMNS = ["doc", "type", "source", "source_country", "target", "target_country", "speaker",
               "about", "date", "cameo", "plover", "mode", "confidence", "start", "end", "sentence"]


def _row(ev: Event) -> list[Any]:
    return [ev.doc, ev.type, ev.source.label, ev.source.country or "",
            ev.target.label if ev.target else "", (ev.target.country or "") if ev.target else "",
            ev.speaker.label if ev.speaker else "", ev.about or "", ev.date or "", ev.cameo or "",
            ev.plover or "", ev.mode or "", ev.confidence, ev.start, ev.end, ev.sentence]


def write_events(events: Iterable[Event], fmt: str, out: IO[str]) -> None:
    if fmt == "jsonl":
        for ev in events:
            out.write(json.dumps(ev.to_json(), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        w = csv.writer(out, lineterminator="\n")
        w.writerow(CSV_COLUMNS)
        for ev in events:
            w.writerow(_row(ev))
    else:
        for ev in events:
            tgt = ev.target.label if ev.target else "-"
            spk = f" [{ev.speaker.label}]" if ev.speaker else ""
            about = f": {ev.about}" if ev.about else ""
            out.write(f"{ev.doc}  {ev.type:<9} {ev.source.label} -> {tgt}{spk}{about}\n")


def _rank(rows: list[dict[str, Any]]) -> list[str]:
    return [f"  {r['events']:>5}  {r['actor']}" for r in rows] or ["  (none)"]


def stats_table(data: dict[str, Any]) -> str:
    """``diplograph stats`` as text: counts, rankings, reciprocity, centrality, timelines."""
    lines = [f"articles  {data['articles']}",
             f"events    {data['events']}  ({data['untargeted']} without a target)",
             f"actors    {data['actors']}",
             f"dyads     {data['dyads']}"
             + ("  (governments counted as their state)" if data.get("by_state") else ""),
             "", "events by type:"]
    lines += [f"  {k:<10} {v}" for k, v in data["events_by_type"].items()] or ["  (none)"]
    lines += ["", "top sources:", *_rank(data["top_sources"])]
    lines += ["", "top targets:", *_rank(data["top_targets"])]
    if data["top_sources_by_type"]:
        lines += ["", "by type:"]
    for key, title in (("top_sources_by_type", "sources"), ("top_targets_by_type", "targets")):
        for typ, rows in data[key].items():
            lines.append(f"  {title} of {typ}: "
                         + ", ".join(f"{r['actor']} ({r['events']})" for r in rows[:5]))
    rec = data["reciprocity"]
    lines += ["", f"reciprocity ({', '.join(rec['types'])}): {rec['share']:.0%} of directed "
                  "dyads answered in kind"]
    for r in rec["dyads"]:
        kinds = ", ".join(f"{t} {a}/{b}" for t, (a, b) in r["by_type"].items())
        lines.append(f"  {r['a']} <-> {r['b']}: {r['a_to_b']} / {r['b_to_a']}  ({kinds})")
    if not rec["dyads"]:
        lines.append("  (no mutual dyads)")
    sampled = data.get("betweenness_sampled")
    lines += ["", "centrality (out/in: partners, events; PageRank; betweenness"
                  + (f" from {sampled} sampled sources" if sampled else "") + "):"]
    lines.append(f"  {'actor':<34} {'out':>4} {'in':>4} {'ev.out':>6} {'ev.in':>6} "
                 f"{'pagerank':>9} {'between':>8}")
    for r in data["centrality"]:
        lines.append(f"  {r['actor'][:34]:<34} {r['out_degree']:>4} {r['in_degree']:>4} "
                     f"{r['out_events']:>6} {r['in_events']:>6} {r['pagerank']:>9.4f} "
                     f"{r['betweenness']:>8.4f}")
    lines += ["", "busiest dyads, events per month:"]
    for t in data["timelines"]:
        months = ", ".join(f"{m} {n}" for m, n in t["months"].items())
        lines.append(f"  {t['source']} -> {t['target']} ({t['events']}): {months}")
    if data["speakers"]:
        lines += ["", "speakers:"]
        for state, spk in data["speakers"].items():
            lines.append(f"  {state}: " + ", ".join(f"{k} ({v})" for k, v in spk.items()))
    return "\n".join(lines) + "\n"
