"""Write docs/ontology.md from src/diplograph/schema/ontology.ttl.

    python docs/make_ontology_md.py           # rewrite docs/ontology.md
    python docs/make_ontology_md.py --check   # exit 1 if it is out of date

Classes and properties come out in the order the Turtle file gives them.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import rdflib
from rdflib.namespace import OWL, RDF, RDFS

ROOT = Path(__file__).resolve().parent.parent
TTL = ROOT / "src" / "diplograph" / "schema" / "ontology.ttl"
OUT = ROOT / "docs" / "ontology.md"
DIP = rdflib.Namespace("https://w3id.org/diplograph#")


def _curie(g: rdflib.Graph, term: rdflib.term.Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, rdflib.URIRef):
        try:
            return f"`{g.namespace_manager.normalizeUri(term)}`"
        except Exception:  # no prefix for it
            return f"<{term}>"
    return str(term)


def _cell(text: object) -> str:
    return " ".join(str(text or "").split()).replace("|", "\\|")


def _order(ttl: str) -> dict[str, int]:
    """Position of each ``dip:Name a ...`` declaration in the file."""
    return {m.group(1): m.start() for m in re.finditer(r"(?m)^dip:(\w+)\s+a\s", ttl)}


def render(ttl_path: Path = TTL) -> str:
    """The Markdown page for the ontology in ``ttl_path``."""
    ttl = ttl_path.read_text(encoding="utf-8")
    g = rdflib.Graph().parse(data=ttl, format="turtle")
    order = _order(ttl)

    def ordered(subjects: set[rdflib.term.Node]) -> list[rdflib.URIRef]:
        ours = [s for s in subjects if isinstance(s, rdflib.URIRef) and str(s).startswith(DIP)]
        return sorted(ours, key=lambda s: order.get(str(s)[len(DIP):], 10**9))

    def sub_of(cls: rdflib.URIRef, root: rdflib.URIRef) -> bool:
        return root in g.transitive_objects(cls, RDFS.subClassOf)

    onto = next(g.subjects(RDF.type, OWL.Ontology))
    lines = [
        "# The diplograph ontology",
        "",
        "<!-- Generated from src/diplograph/schema/ontology.ttl by docs/make_ontology_md.py."
        " Do not edit by hand: edit the Turtle file and run the script. -->",
        "",
        f"{_cell(g.value(onto, RDFS.comment))}",
        "",
        f"Ontology `{onto}`, version {g.value(onto, OWL.versionInfo)}. Terms live in the "
        f"namespace `{DIP}` (prefix `dip:`); actors, events and articles get IRIs under "
        "`https://w3id.org/diplograph/id/`. Every event is stored in the named graph of the "
        "article it was read from, with `prov:wasDerivedFrom` that article and the sentence "
        "as a W3C Web Annotation `oa:TextQuoteSelector`.",
        "",
        "## The named graphs of a store",
        "",
        "| graph | holds |",
        "|---|---|",
        "| `id:graph/article/DOC` | one article: its `schema:NewsArticle`, its events and "
        "quotes, the shortcut edges derived from them, `dip:mentions` for each actor it "
        "brings in, and links to its publisher and author |",
        "| `id:graph/entities` | the actors, publishers and authors that articles bring in, "
        "each described once (the first description is kept); a description goes when the "
        "last article that links to it is replaced or removed |",
        "| `id:graph/reference` | states, IGOs, government bodies and known officials |",
        "| `id:graph/ontology` | this ontology |",
        "| `id:graph/meta` | the store's layout, `dip:formatVersion` (2) |",
        "",
        "Queries see all of them as one default graph. A pattern inside `GRAPH ?g { ... }` "
        "sees one graph only, so an actor's label is found outside it "
        "(`GRAPH ?g { ?e dip:source ?a } ?a rdfs:label ?l`). A store written in format 1 "
        "(actors described in every article graph) is converted by `diplograph migrate`.",
        "",
        "Prefixes used below:",
        "",
        "| prefix | namespace |",
        "|---|---|",
    ]
    used = {"dip", "rdfs", "owl", "xsd", "prov", "oa", "schema", "skos"}
    for prefix, ns in sorted(g.namespaces()):
        if prefix in used:
            lines.append(f"| `{prefix}:` | `{ns}` |")

    classes = ordered(set(g.subjects(RDF.type, OWL.Class)))
    events = [c for c in classes if c != DIP.Event and sub_of(c, DIP.Event)]
    actors = [c for c in classes if c != DIP.Actor and sub_of(c, DIP.Actor)]
    others = [c for c in classes if c not in events and c not in actors]

    lines += ["", "## Classes", ""]
    for c in others:
        parents = ", ".join(_curie(g, p) for p in g.objects(c, RDFS.subClassOf))
        lines += [f"### {_curie(g, c)}", "", _cell(g.value(c, RDFS.comment)), ""]
        if parents:
            lines += [f"Subclass of {parents}.", ""]
    lines += [
        "### Event types", "",
        "All are subclasses of `dip:Event`. The type code is the value of `dip:eventType`; "
        "CAMEO, PLOVER and mode are the codes the class stands for; the shortcut is the "
        "actor-to-actor edge derived from each event of the class.", "",
        "| class | type code | CAMEO | PLOVER | mode | shortcut | meaning |",
        "|---|---|---|---|---|---|---|",
    ]
    for c in events:
        lines.append("| " + " | ".join([
            _curie(g, c), f"`{g.value(c, DIP.eventType)}`",
            _cell(g.value(c, DIP.cameo)), _cell(g.value(c, DIP.plover)),
            _cell(g.value(c, DIP.mode)), _curie(g, g.value(c, DIP.shortcut)),
            _cell(g.value(c, RDFS.comment))]) + " |")
    lines += ["", "### Actor kinds", "",
              "All are subclasses of `dip:Actor`; `dip:kind` holds the same name as a string.",
              "", "| class | meaning |", "|---|---|"]
    for c in actors:
        lines.append(f"| {_curie(g, c)} | {_cell(g.value(c, RDFS.comment))} |")

    props = ordered(set(g.subjects(RDF.type, OWL.ObjectProperty))
                    | set(g.subjects(RDF.type, OWL.DatatypeProperty))
                    | set(g.subjects(RDF.type, OWL.AnnotationProperty)))
    groups: dict[str, list[rdflib.URIRef]] = {"Events": [], "Actors": [], "Articles": [],
                                              "Shortcut edges (derived)": [], "Other": []}
    for p in props:
        comment = str(g.value(p, RDFS.comment) or "")
        domain = g.value(p, RDFS.domain)
        if comment.startswith("Shortcut"):
            groups["Shortcut edges (derived)"].append(p)
        elif domain is not None and (domain == DIP.Event or sub_of(domain, DIP.Event)):
            groups["Events"].append(p)
        elif domain is not None and (domain == DIP.Actor or sub_of(domain, DIP.Actor)):
            groups["Actors"].append(p)
        elif domain is not None and str(domain) == "https://schema.org/NewsArticle":
            groups["Articles"].append(p)
        else:
            groups["Other"].append(p)

    lines += ["", "## Properties", ""]
    notes = {
        "Shortcut edges (derived)": "Derived from events when the graph is written, in the "
        "same article graph as the event; never stored alone. Query the event for the "
        "sentence, the date and the speaker.",
        "Articles": "Articles are `schema:NewsArticle` with `schema:headline`, "
        "`schema:publisher`, `schema:author`, `schema:datePublished` and `schema:url`, "
        "plus these.",
    }
    for title, members in groups.items():
        if not members:
            continue
        lines += [f"### {title}", ""]
        if title in notes:
            lines += [notes[title], ""]
        lines += ["| property | kind | domain | range | meaning |", "|---|---|---|---|---|"]
        for p in members:
            kinds = {OWL.ObjectProperty: "object", OWL.DatatypeProperty: "datatype",
                     OWL.AnnotationProperty: "annotation"}
            kind = next((k for t, k in kinds.items() if (p, RDF.type, t) in g), "")
            lines.append("| " + " | ".join([
                _curie(g, p), kind, _curie(g, g.value(p, RDFS.domain)),
                _curie(g, g.value(p, RDFS.range)), _cell(g.value(p, RDFS.comment))]) + " |")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT.relative_to(ROOT)} is out of date: run python docs/make_ontology_md.py",
                  file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
