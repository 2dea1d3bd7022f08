"""The one place that makes IRIs.

Actors get slugs of their canonical ids, articles their document id
(percent-encoded), events a hash of what identifies them. Never raw text,
never blank nodes: the same article ingested twice gives the same IRIs.
"""

from __future__ import annotations

import hashlib
from urllib.parse import quote, unquote

from diplograph.model import Event
from diplograph.schema.namespaces import ID
from diplograph.schema.reference import slug

BASE = str(ID)
ONTOLOGY_GRAPH = f"{BASE}graph/ontology"
REFERENCE_GRAPH = f"{BASE}graph/reference"
#: the actors, publishers and authors that articles bring in, each described once
ENTITIES_GRAPH = f"{BASE}graph/entities"
#: what the store says of itself: its format version
META_GRAPH = f"{BASE}graph/meta"
STORE = f"{BASE}store"
ARTICLE_GRAPH_PREFIX = f"{BASE}graph/article/"
ARTICLE_PREFIX = f"{BASE}article/"


def _doc_part(doc: str) -> str:
    return quote(doc, safe="-._~")


def actor(actor_id: str) -> str:
    return f"{BASE}actor/{slug(actor_id)}"


def article(doc: str) -> str:
    return f"{ARTICLE_PREFIX}{_doc_part(doc)}"


def article_graph(doc: str) -> str:
    return f"{ARTICLE_GRAPH_PREFIX}{_doc_part(doc)}"


def doc_of(iri: str) -> str | None:
    """The document id of an article or article-graph IRI."""
    for prefix in (ARTICLE_GRAPH_PREFIX, ARTICLE_PREFIX):
        if iri.startswith(prefix):
            return unquote(iri[len(prefix) :])
    return None


def event(ev: Event) -> str:
    if ev.iri:
        return ev.iri
    key = "\x1f".join(ev.identity)
    return f"{BASE}event/{hashlib.sha256(key.encode('utf-8')).hexdigest()[:20]}"


def publisher(name: str) -> str:
    return f"{BASE}publisher/{slug(name)}"


def author(name: str) -> str:
    return f"{BASE}author/{slug(name)}"
