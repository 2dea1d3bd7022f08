"""The exceptions diplograph raises. Nothing else escapes the library."""

from __future__ import annotations


class DiplographError(Exception):
    """Base class: the message is one line meant for the user."""


class SourceError(DiplographError):
    """A source (file, URL, stream) could not be read or understood."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class StoreError(DiplographError):
    """The store could not be opened, read or written."""


class StoreLocked(StoreError):
    """Another process holds the store for writing."""


class QueryError(DiplographError):
    """A SPARQL query was malformed or failed."""


class ValidationFailed(DiplographError):
    """SHACL validation found violations."""


class ModelMissing(DiplographError):
    """No English spaCy model is installed."""
