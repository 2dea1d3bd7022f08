"""Check what `make demo` wrote: the page, the Turtle file and the query result.

Run by .ci/run after `make demo`; exits 1 with one line per fault.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import rdflib

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "output"


def faults() -> list[str]:
    out: list[str] = []
    page = OUT / "graph.html"
    if not page.is_file():
        return [f"{page}: missing"]
    html = page.read_text(encoding="utf-8")
    m = re.search(r'<script id="graph-data" type="application/json">(.*?)</script>', html, re.S)
    if not m:
        out.append(f"{page}: no graph data in the page")
    else:
        data = json.loads(m.group(1))
        if len(data.get("nodes", [])) < 10 or len(data.get("edges", [])) < 10:
            out.append(f"{page}: only {len(data.get('nodes', []))} actors and "
                       f"{len(data.get('edges', []))} edges")
    if re.search(r'<(script|link|img)[^>]+(src|href)="(https?:)?//', html):
        out.append(f"{page}: loads something from the network")
    ttl = OUT / "graph.ttl"
    try:
        g = rdflib.Dataset()
        g.parse(ttl, format="turtle")
        events = set(g.subjects(rdflib.URIRef("https://w3id.org/diplograph#eventType"), None))
        if len(events) < 50:
            out.append(f"{ttl}: only {len(events)} events")
    except Exception as exc:  # any parse failure is a fault to report
        out.append(f"{ttl}: {type(exc).__name__}: {exc}")
    result = OUT / "who-accused-whom.txt"
    rows = result.read_text(encoding="utf-8").splitlines() if result.is_file() else []
    if len(rows) < 5:
        out.append(f"{result}: {len(rows)} lines")
    return out


def main() -> int:
    found = faults()
    for f in found:
        print(f"check_demo: {f}", file=sys.stderr)
    if not found:
        print("check_demo: page, Turtle file and query result look right")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
