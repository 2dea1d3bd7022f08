"""SPARQL results as text: table, CSV, TSV, SPARQL Results JSON, Turtle."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pyoxigraph as ox

from diplograph.graph.store import QueryResult
from diplograph.schema.namespaces import PREFIXES

FORMATS = ("table", "csv", "tsv", "json", "ttl")


def _short(term: Any) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for p, iri in PREFIXES.items():
            if term.value.startswith(iri) and "/" not in term.value[len(iri):]:
                return f"{p}:{term.value[len(iri):]}"
        return term.value
    return str(term.value)


def _json_term(term: Any) -> dict[str, str] | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def render(res: QueryResult, fmt: str = "table") -> str:
    """Text of a query result in one of :data:`FORMATS`."""
    if res.kind == "graph":
        if fmt not in ("ttl", "table"):
            fmt = "ttl"
        return ox.serialize(res.triples, format=ox.RdfFormat.TURTLE,
                            prefixes=PREFIXES).decode("utf-8")  # type: ignore[call-arg]
    if res.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(res.boolean)}) + "\n"
        return ("true" if res.boolean else "false") + "\n"
    if fmt == "json":
        return json.dumps({
            "head": {"vars": res.variables},
            "results": {"bindings": [
                {v: t for v, t in ((v, _json_term(x)) for v, x in zip(res.variables, row, strict=True))
                 if t is not None} for row in res.rows]},
        }, ensure_ascii=False, indent=1) + "\n"
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(res.variables)
        for row in res.rows:
            w.writerow(["" if t is None else str(t.value) for t in row])
        return buf.getvalue()
    if fmt == "ttl":
        raise ValueError("Turtle output is for CONSTRUCT and DESCRIBE queries")
    cells = [[_short(t).replace("\n", " ") for t in row] for row in res.rows]
    cells = [[c if len(c) <= 80 else c[:77] + "..." for c in row] for row in cells]
    widths = [max([len(v), *(len(r[i]) for r in cells)]) for i, v in enumerate(res.variables)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(res.variables, widths, strict=True)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines) + "\n"
