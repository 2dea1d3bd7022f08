"""diplograph: diplomatic news and statements as a knowledge graph.

Who accuses, condemns, urges, denies, protests to, threatens, sanctions,
charges, arrests or supports whom, said by whom, when, in which sentence of
which article.

>>> import diplograph as dg
>>> kg = dg.open("memory:")

Importing this package is cheap: spaCy, pyvis and pyshacl load only inside
the functions that need them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from diplograph.model import EVENT_TYPES, Actor, Article, Event

__version__ = "0.1.0"

if TYPE_CHECKING:
    from diplograph.pipeline import KnowledgeGraph

__all__ = ["EVENT_TYPES", "Actor", "Article", "Event", "KnowledgeGraph", "extract_text", "open",
           "output"]


def open(location: str | None = None, read_only: bool = False,
         wait: float = 0.0) -> KnowledgeGraph:
    """Open a store: a folder (created if needed), ``memory:``, or a SPARQL endpoint URL.

    ``read_only`` opens a folder beside a process that writes to it; ``wait`` is how many
    seconds to wait for such a process to finish before giving up (StoreLocked)."""
    from diplograph.pipeline import open_graph

    return open_graph(location, read_only=read_only, wait=wait)


def extract_text(text: str, doc: str = "text", date: str | None = None,
                 headline: str | None = None) -> list[Event]:
    """Events in a piece of text, without a store."""
    from diplograph.extract import extract_text as _extract_text

    return _extract_text(text, doc=doc, date=date, headline=headline)


def __getattr__(name: str) -> Any:
    if name == "output":
        import diplograph.output as output

        return output
    if name == "KnowledgeGraph":
        from diplograph.pipeline import KnowledgeGraph

        return KnowledgeGraph
    raise AttributeError(f"module 'diplograph' has no attribute {name!r}")
