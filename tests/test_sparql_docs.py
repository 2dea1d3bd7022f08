"""The generated docs stay in step with what they document: docs/ontology.md with
the ontology's Turtle file, docs/queries.md with the bundled queries."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from diplograph.graph.sparql import bundled_queries

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _load(name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, DOCS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ontology_doc_is_up_to_date_with_the_turtle_file() -> None:
    make = _load("make_ontology_md")
    assert (DOCS / "ontology.md").read_text(encoding="utf-8") == make.render(), \
        "docs/ontology.md is out of date: run python docs/make_ontology_md.py"


def test_ontology_doc_lists_every_class_and_property(tmp_path: Path) -> None:
    import rdflib
    from rdflib.namespace import OWL, RDF

    make = _load("make_ontology_md")
    ttl = Path(make.TTL)
    g = rdflib.Graph().parse(ttl)
    text = make.render()
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty):
        for term in g.subjects(RDF.type, kind):
            if str(term).startswith("https://w3id.org/diplograph#"):
                assert f"`dip:{str(term).rsplit('#', 1)[1]}`" in text, term
    # a new class in the Turtle file shows up in the page
    extra = tmp_path / "ontology.ttl"
    extra.write_text(ttl.read_text(encoding="utf-8") + "\ndip:Mediation a owl:Class ;\n"
                     "    rdfs:subClassOf dip:Event ;\n    rdfs:label \"Mediation\" ;\n"
                     "    rdfs:comment \"Offers to mediate between two parties.\" ;\n"
                     "    dip:eventType \"MEDIATE\" .\n", encoding="utf-8")
    assert "| `dip:Mediation` | `MEDIATE` |" in make.render(extra)


def test_cookbook_shows_every_bundled_query_as_shipped() -> None:
    text = (DOCS / "queries.md").read_text(encoding="utf-8")
    for name, bq in bundled_queries().items():
        assert f"### {name}\n" in text, f"docs/queries.md lacks {name}"
        body = "\n".join(line for line in bq.text.splitlines()
                         if not line.startswith("#")).strip()
        assert f"```sparql\n{body}\n```" in text, \
            f"docs/queries.md shows an old {name}: run python docs/make_queries_md.py"
        assert f"$ diplograph query {name}" in text
