"""Article ids that are unique per source and stable across runs.

An article's id is its file name without the extension, its URL as a slug, or
the id its record gives (events.md: the doc id). Two different sources can
arrive at the same id: ``a/statement.txt`` and ``b/statement.txt``, two
``index.html`` pages, two corpora with a record ``1``. Left alone, the second
would replace the first in the store, and every re-ingest would swap them.

:class:`Ids` keeps the ids of a batch apart, and apart from the articles
already stored: the first source to claim an id keeps it; another source with
other content gets the id followed by a short hash of where it came from
(``statement-3f2a9c1d``), which is the same in every run. Each such rename is
reported with a :class:`~diplograph.errors.DuplicateIdWarning`. The same
content from another place (a moved or copied file) is the same article and
keeps its id.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import warnings
from collections.abc import Mapping
from typing import NamedTuple

from diplograph.errors import DuplicateIdWarning
from diplograph.model import Article

_RECORD = re.compile(r"(:\d+|#item\d+)$")


class Claim(NamedTuple):
    """Who holds an id: the source it came from and the hash of its content."""

    source: str | None
    content_hash: str | None


def absolute_source(source: str | None) -> str | None:
    """A file source as an absolute path (``corpus.jsonl:12`` keeps its record suffix);
    URLs and ``<stdin>`` as they are."""
    if not source or source.startswith("<") or "://" in source:
        return source
    m = _RECORD.search(source)
    path, suffix = (source[: m.start()], m.group(0)) if m else (source, "")
    return os.path.abspath(path) + suffix


def _digest(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()[:8]


class Ids:
    """Hands out article ids, unique over a batch and over ``taken`` (the store's)."""

    def __init__(self, taken: Mapping[str, tuple[str | None, str | None]] | None = None) -> None:
        """``taken``: the ids already held, each with its source and content hash."""
        self.claims: dict[str, Claim] = {
            doc: Claim(absolute_source(source), content_hash)
            for doc, (source, content_hash) in (taken or {}).items()}

    def claim(self, article: Article) -> Article:
        """The article, under an id no other source holds (its own when it can)."""
        original = article.id
        while True:
            held = self.claims.get(article.id)
            if (held is None or held.source is None or held.source == article.source
                    or held.content_hash == article.content_hash):
                self.claims[article.id] = Claim(article.source, article.content_hash)
                break
            renamed = f"{original}-{_digest(f'{article.source}|{article.id}')}"
            article = dataclasses.replace(article, id=renamed)
        if article.id != original:
            warnings.warn(DuplicateIdWarning(
                f"{article.source}: the id {original!r} belongs to "
                f"{self.claims[original].source}; this article is {article.id!r}"), stacklevel=2)
        return article
