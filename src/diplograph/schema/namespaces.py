"""Namespaces and the prefixes every query gets for free."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

DIP = Namespace("https://w3id.org/diplograph#")
ID = Namespace("https://w3id.org/diplograph/id/")
PROV = Namespace("http://www.w3.org/ns/prov#")
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")

PREFIXES: dict[str, str] = {
    "dip": str(DIP),
    "id": str(ID),
    "prov": str(PROV),
    "oa": str(OA),
    "schema": str(SCHEMA),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "skos": str(SKOS),
    "xsd": str(XSD),
    "wd": str(WD),
}


def sparql_prologue() -> str:
    """PREFIX lines for all project prefixes."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
