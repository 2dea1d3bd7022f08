"""The ontology, the SHACL shapes, and the reference data, as files an analyst
can read and extend: ``ontology.ttl``, ``shapes.ttl``, ``states.tsv``,
``igos.tsv``, ``groups.tsv``, ``bodies.tsv``, ``officials.tsv``, ``roles.tsv`` and
``lexicon.tsv``. This package only reads them."""

from __future__ import annotations

from pathlib import Path

from diplograph.schema.namespaces import DIP, ID, OA, PREFIXES, PROV, SCHEMA, WD

SCHEMA_DIR = Path(__file__).parent
ONTOLOGY_PATH = SCHEMA_DIR / "ontology.ttl"
SHAPES_PATH = SCHEMA_DIR / "shapes.ttl"

__all__ = ["DIP", "ID", "OA", "ONTOLOGY_PATH", "PREFIXES", "PROV", "SCHEMA", "SCHEMA_DIR",
           "SHAPES_PATH", "WD"]
