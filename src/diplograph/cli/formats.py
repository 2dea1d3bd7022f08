"""Text output for events and statistics."""

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
            out.write(f"{ev.doc}  {ev.type:<9} {ev.source.label} -> {tgt}{spk}: {ev.about or ''}\n")


def stats_table(data: dict[str, Any]) -> str:
    lines = [f"articles  {data['articles']}", f"events    {data['events']}",
             f"actors    {data['actors']}", "", "events by type:"]
    lines += [f"  {k:<10} {v}" for k, v in data["events_by_type"].items()]
    for key, title in (("top_sources", "top accusers (accuse, criticize, protest, threaten, "
                                       "sanction)"), ("top_targets", "top targets")):
        lines += ["", f"{title}:"]
        lines += [f"  {r['events']:>4}  {r['actor']}" for r in data[key]]
    if data["reciprocity"]:
        lines += ["", "mutual hostility (a -> b / b -> a):"]
        lines += [f"  {r['a']} / {r['b']}: {r['a_to_b']} / {r['b_to_a']}" for r in data["reciprocity"]]
    if data["speakers"]:
        lines += ["", "speakers:"]
        for state, spk in data["speakers"].items():
            lines.append(f"  {state}: " + ", ".join(f"{k} ({v})" for k, v in spk.items()))
    return "\n".join(lines) + "\n"
