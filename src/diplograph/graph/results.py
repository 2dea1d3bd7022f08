"""SPARQL results as text: table, CSV, TSV, SPARQL Results JSON, Turtle."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pyoxigraph as ox

from diplograph.errors import QueryError
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


def _one_line(text: str) -> str:
    return text.replace("\t", " ").replace("\r\n", " ").replace("\n", " ").replace("\r", " ")


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


#: Prefixes for Turtle output: ``id:`` is left out, since Turtle would have to
#: escape the slashes of its local names (``id:actor\/chn``).
TURTLE_PREFIXES = {p: iri for p, iri in PREFIXES.items() if p != "id"}


def render(res: QueryResult, fmt: str = "table") -> str:
    """Text of a query result in one of :data:`FORMATS`.

    SELECT gives table, csv, tsv or json (SPARQL 1.1 Query Results JSON); ASK
    gives ``true``/``false`` or json; CONSTRUCT and DESCRIBE give Turtle
    (``table`` and ``ttl``).
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown result format {fmt!r}; known: {', '.join(FORMATS)}")
    if res.kind == "graph":
        if fmt not in ("ttl", "table"):
            raise QueryError(f"CONSTRUCT and DESCRIBE give triples: use --format ttl, not {fmt}")
        out = ox.serialize(res.triples, format=ox.RdfFormat.TURTLE, prefixes=TURTLE_PREFIXES)
        return (out or b"").decode("utf-8")
    if fmt == "ttl":
        raise QueryError("Turtle output is for CONSTRUCT and DESCRIBE queries; "
                         "use table, csv, tsv or json")
    if res.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(res.boolean)}) + "\n"
        return ("true" if res.boolean else "false") + "\n"
    if fmt == "json":
        bindings = []
        for row in res.rows:
            terms = ((v, _json_term(x)) for v, x in zip(res.variables, row, strict=True))
            bindings.append({v: t for v, t in terms if t is not None})
        return json.dumps({"head": {"vars": res.variables}, "results": {"bindings": bindings}},
                          ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(res.variables)
        for row in res.rows:
            w.writerow(["" if t is None else str(t.value) for t in row])
        return buf.getvalue()
    if fmt == "tsv":  # plain values, one line per row: tabs and line breaks become spaces
        lines = ["\t".join(res.variables)]
        lines += ["\t".join("" if t is None else _one_line(str(t.value)) for t in row)
                  for row in res.rows]
        return "\n".join(lines) + "\n"
    cells = [[_short(t).replace("\n", " ") for t in row] for row in res.rows]
    cells = [[c if len(c) <= 80 else c[:77] + "..." for c in row] for row in cells]
    widths = [max([len(v), *(len(r[i]) for r in cells)]) for i, v in enumerate(res.variables)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(res.variables, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines) + "\n"
