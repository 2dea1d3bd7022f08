"""SHACL validation of a store against the shapes in ``schema/shapes.ttl``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from diplograph.schema import SHAPES_PATH

if TYPE_CHECKING:
    from diplograph.graph.kg import GraphStore


@dataclass
class Violation:
    """One SHACL result: the node at fault, the property, what is wrong."""

    focus: str
    path: str
    message: str
    severity: str
    label: str | None = None

    def __str__(self) -> str:
        name = f"{self.focus} ({self.label})" if self.label else self.focus
        return f"{name}: {self.path}: {self.message}"


@dataclass
class ValidationReport:
    """The outcome of :func:`validate`: conforms, and the violations if not."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    triples: int = 0


def validate(kg: GraphStore) -> ValidationReport:
    """Validate every graph of the store (as one union graph) with pySHACL, no inference."""
    import pyoxigraph as ox
    import rdflib
    from pyshacl import validate as shacl

    data = rdflib.Graph()
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in kg.backend.quads()]
    nt = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    data.parse(data=nt.decode("utf-8"), format="nt")
    shapes = rdflib.Graph().parse(SHAPES_PATH, format="turtle")
    conforms, report_graph, _ = shacl(data, shacl_graph=shapes, inference="none",
                                      allow_warnings=True, advanced=True)
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    violations = []
    for result in report_graph.subjects(rdflib.RDF.type, sh.ValidationResult):
        focus = report_graph.value(result, sh.focusNode)
        path = report_graph.value(result, sh.resultPath)
        msg = report_graph.value(result, sh.resultMessage)
        sev = report_graph.value(result, sh.resultSeverity)
        label = data.value(focus, rdflib.RDFS.label) if focus is not None else None
        violations.append(Violation(str(focus), _short(path), str(msg or ""),
                                    _short(sev), str(label) if label is not None else None))
    violations.sort(key=lambda v: (v.focus, v.path))
    return ValidationReport(bool(conforms), violations, len(data))


def _short(term: object) -> str:
    if term is None:
        return "-"
    s = str(term)
    for prefix, short in (("https://w3id.org/diplograph#", "dip:"),
                          ("http://www.w3.org/ns/shacl#", "sh:"),
                          ("http://www.w3.org/2000/01/rdf-schema#", "rdfs:"),
                          ("http://www.w3.org/ns/prov#", "prov:"),
                          ("https://schema.org/", "schema:")):
        if s.startswith(prefix):
            return short + s[len(prefix):]
    return s
