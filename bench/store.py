"""Store load and analyst queries: our graph layer against an rdflib Dataset in memory.

100,000 synthetic events (bench/synthetic.py, ten per article) go

- ``ours``: through ``article_quads`` into a folder store with
  ``KnowledgeGraph.add_extracted`` (batched transactions), closed and flushed;
- ``rdflib``: the same quads, built as rdflib terms, added to
  ``rdflib.Dataset(default_union=True)`` one article at a time with ``addN``.

Both sides pay for making the events, building their terms and adding them;
the rdflib side does not pay for our ``article_quads`` (its clock stops while
our builder runs). Each side runs in its own process, so peak RSS is its own.
Then the store is reopened (read-only, as ``diplograph query`` does) and three
analyst queries run on both sides; their answers must agree.

    .venv/bin/python bench/store.py [--events 100000]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

# bench/html.py would shadow the standard library's html package (pyparsing imports it):
# move this folder from the front of the path to the back.
if sys.path and Path(sys.path[0] or ".").resolve() == Path(__file__).resolve().parent:
    sys.path.append(sys.path.pop(0))

from _common import emit, note, peak_rss_mb, run_child

TARGET_LOAD = 5.0
TARGET_RSS = 0.6
TARGET_QUERY = 10.0
QUERY_RUNS = 3
RDFLIB_QUERY_RUNS = 2

PREFIX = """PREFIX dip: <https://w3id.org/diplograph#>
PREFIX actor: <https://w3id.org/diplograph/id/actor/>
"""
QUERIES = {
    # how many accusations each accuser made
    "accusers": PREFIX + """
SELECT ?accuser (COUNT(?e) AS ?n) WHERE {
  ?e a dip:Accusation ; dip:source ?accuser .
} GROUP BY ?accuser ORDER BY DESC(?n) ?accuser""",
    # one dyad, month by month: what China did towards the United States
    "dyad_timeline": PREFIX + """
SELECT ?month (COUNT(?e) AS ?n) WHERE {
  ?e dip:source actor:chn ; dip:target actor:usa ; dip:date ?d .
  BIND(SUBSTR(STR(?d), 1, 7) AS ?month)
} GROUP BY ?month ORDER BY ?month""",
    # two hops: who accused the accusers of the United States, and how often
    "accusers_of_accusers": PREFIX + """
SELECT ?second ?accuser (COUNT(?e2) AS ?n) WHERE {
  { SELECT DISTINCT ?accuser WHERE {
      ?e1 a dip:Accusation ; dip:source ?accuser ; dip:target actor:usa } }
  ?e2 a dip:Accusation ; dip:source ?second ; dip:target ?accuser .
} GROUP BY ?second ?accuser ORDER BY DESC(?n) ?second ?accuser""",
}


def digest(rows: list[list[str]]) -> str:
    return hashlib.sha256(json.dumps(rows).encode()).hexdigest()[:12]


def out(name: str, value: object) -> None:
    print(f"{name} {value}", flush=True)


# ------------------------------------------------------------------ children

def side_ours(folder: str, events: int) -> None:
    """Load through our graph layer into ``folder`` (or ``memory:``)."""
    import diplograph as dg
    from synthetic import pairs

    t0, c0 = time.perf_counter(), time.process_time()
    kg = dg.open(folder)
    report = kg.add_extracted(pairs(events))
    n_quads = len(kg.backend.store)  # type: ignore[attr-defined]
    if folder != "memory:":
        kg.close()
    out("load_s", time.perf_counter() - t0)
    out("load_cpu_s", time.process_time() - c0)
    out("rss_mb", peak_rss_mb())
    out("events", report.events)
    out("articles", report.articles)
    out("quads", n_quads)
    if folder == "memory:":
        run_queries(kg)


def run_queries(kg: Any) -> None:
    for name, q in QUERIES.items():
        times, rows = [], []
        for _ in range(QUERY_RUNS):
            t = time.perf_counter()
            res = kg.query(q)
            rows = [[str(t.value) for t in row] for row in res.rows]
            times.append(time.perf_counter() - t)
        out(f"q_{name}_first_ms", times[0] * 1000)
        out(f"q_{name}_ms", min(times) * 1000)
        out(f"q_{name}_rows", len(rows))
        out(f"q_{name}_digest", digest(rows))


def side_reopen(folder: str) -> None:
    import diplograph as dg

    t0 = time.perf_counter()
    kg = dg.open(folder, read_only=True)
    out("reopen_s", time.perf_counter() - t0)
    run_queries(kg)
    kg.close()


def side_rdflib(events: int) -> None:
    import pyoxigraph as ox
    import rdflib

    from diplograph.graph.rdf import article_quads, reference_ids
    from diplograph.schema.reference import reference
    from synthetic import pairs

    xsd_string = "http://www.w3.org/2001/XMLSchema#string"

    def term(t: ox.NamedNode | ox.Literal) -> rdflib.term.Node:
        if isinstance(t, ox.NamedNode):
            return rdflib.URIRef(t.value)
        if t.language:
            return rdflib.Literal(t.value, lang=t.language)
        if t.datatype.value == xsd_string:
            return rdflib.Literal(t.value)
        return rdflib.Literal(t.value, datatype=rdflib.URIRef(t.datatype.value))

    ids = reference_ids(reference())
    ds = rdflib.Dataset(default_union=True)
    ours_builder = ours_builder_cpu = 0.0
    t0, c0 = time.perf_counter(), time.process_time()
    n_events = 0
    for article, evs in pairs(events):
        t, c = time.perf_counter(), time.process_time()
        quads = article_quads(article, evs, ids)
        ours_builder += time.perf_counter() - t
        ours_builder_cpu += time.process_time() - c
        g = ds.graph(rdflib.URIRef(quads[0].graph_name.value))
        ds.addN((term(q.subject), term(q.predicate), term(q.object), g) for q in quads)
        n_events += len(evs)
    out("load_s", time.perf_counter() - t0 - ours_builder)
    out("load_cpu_s", time.process_time() - c0 - ours_builder_cpu)
    out("rss_mb", peak_rss_mb())
    out("events", n_events)
    out("quads", len(ds))
    # queries see the union of the article graphs (the Dataset's default graph is empty);
    # a first tiny query loads rdflib's SPARQL machinery, which is not what we time
    list(ds.query("ASK { ?s ?p ?o }"))
    for name, q in QUERIES.items():
        times, rows = [], []
        for _ in range(RDFLIB_QUERY_RUNS):
            t = time.perf_counter()
            rows = [[str(x) for x in row] for row in ds.query(q)]
            times.append(time.perf_counter() - t)
        dt = min(times)
        out(f"q_{name}_ms", dt * 1000)
        out(f"q_{name}_rows", len(rows))
        out(f"q_{name}_digest", digest(rows))


# ------------------------------------------------------------------ parent

def child(*args: str) -> dict[str, str]:
    _, rss, text = run_child([sys.executable, __file__, *args])
    figures = dict(line.split(" ", 1) for line in text.splitlines() if " " in line)
    figures["child_rss_mb"] = str(rss)
    return figures


def du_mb(folder: str) -> float:
    return sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file()) / 1024**2


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--side", choices=["ours", "reopen", "rdflib"], help=argparse.SUPPRESS)
    ap.add_argument("--no-rdflib", action="store_true", help="skip the (slow) rdflib side")
    ap.add_argument("--dir", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.side == "ours":
        return side_ours(args.dir, args.events)
    if args.side == "reopen":
        return side_reopen(args.dir)
    if args.side == "rdflib":
        return side_rdflib(args.events)

    with tempfile.TemporaryDirectory(prefix="diplograph-bench-store-") as tmp:
        folder = str(Path(tmp) / "store")
        note(f"store: loading {args.events} events into our store")
        ours = child("--side", "ours", "--dir", folder, "--events", str(args.events))
        size = du_mb(folder)
        note("store: reopening and querying")
        reopen = child("--side", "reopen", "--dir", folder)
    note(f"store: loading {args.events} events into our store in memory")
    mem = child("--side", "ours", "--dir", "memory:", "--events", str(args.events))
    if args.no_rdflib:
        return report(ours, reopen, mem, None, size)
    note(f"store: loading {args.events} events into rdflib (slow)")
    rdf = child("--side", "rdflib", "--events", str(args.events))
    return report(ours, reopen, mem, rdf, size)


def report(ours: dict[str, str], reopen: dict[str, str], mem: dict[str, str],
           rdf: dict[str, str] | None, size: float) -> None:

    emit("store_events", int(ours["events"]))
    emit("store_articles", int(ours["articles"]))
    emit("store_quads", int(ours["quads"]))
    load_ours, rss_ours = float(ours["load_s"]), float(ours["child_rss_mb"])
    emit("store_load_s", load_ours)
    emit("store_load_cpu_s", float(ours["load_cpu_s"]))
    emit("store_peak_rss_mb", rss_ours)
    emit("store_disk_mb", size)
    emit("store_reopen_s", float(reopen["reopen_s"]))
    emit("store_memory_load_s", float(mem["load_s"]))
    emit("store_memory_peak_rss_mb", float(mem["child_rss_mb"]))
    if rdf is None:
        for name in QUERIES:
            emit(f"query_{name}_ms", float(reopen[f"q_{name}_ms"]))
        return
    emit("store_rdflib_quads", int(rdf["quads"]))
    load_rdf, rss_rdf = float(rdf["load_s"]), float(rdf["child_rss_mb"])
    emit("store_rdflib_load_s", load_rdf)
    emit("store_rdflib_load_cpu_s", float(rdf["load_cpu_s"]))
    emit("store_rdflib_peak_rss_mb", rss_rdf)
    emit("store_load_speedup", load_rdf / load_ours)
    emit("store_load_cpu_speedup", float(rdf["load_cpu_s"]) / float(ours["load_cpu_s"]))
    emit("store_memory_load_speedup", load_rdf / float(mem["load_s"]))
    emit("store_rss_ratio", rss_ours / rss_rdf)
    emit("store_memory_rss_ratio", float(mem["child_rss_mb"]) / rss_rdf)
    emit("store_load_ok", load_rdf / load_ours >= TARGET_LOAD and rss_ours / rss_rdf <= TARGET_RSS)
    same = True
    worst = float("inf")
    for name in QUERIES:
        ms, ms_rdf = float(reopen[f"q_{name}_ms"]), float(rdf[f"q_{name}_ms"])
        emit(f"query_{name}_ms", ms)
        emit(f"query_{name}_first_ms", float(reopen[f"q_{name}_first_ms"]))
        emit(f"query_{name}_rdflib_ms", ms_rdf)
        emit(f"query_{name}_speedup", ms_rdf / ms)
        emit(f"query_{name}_rows", int(reopen[f"q_{name}_rows"]))
        emit(f"query_{name}_memory_ms", float(mem[f"q_{name}_ms"]))
        emit(f"query_{name}_memory_speedup", ms_rdf / float(mem[f"q_{name}_ms"]))
        same &= reopen[f"q_{name}_digest"] == rdf[f"q_{name}_digest"] == mem[f"q_{name}_digest"]
        worst = min(worst, ms_rdf / ms)
    emit("query_same_answers", same)
    emit("query_ok", same and worst >= TARGET_QUERY)

if __name__ == "__main__":
    sys.exit(main())
