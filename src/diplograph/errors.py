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


class BadOption(DiplographError):
    """An option or parameter that cannot be read (``--field text``, ``--param x``)."""

    def __init__(self, option: str, message: str) -> None:
        self.option = option
        super().__init__(message)


class StoreError(DiplographError):
    """The store could not be opened, read or written."""


class StoreLocked(StoreError):
    """Another process holds the store for writing."""


class QueryError(DiplographError):
    """A SPARQL query was malformed or failed."""


class ValidationFailed(DiplographError):
    """SHACL validation found violations; ``report`` holds them."""

    def __init__(self, report: object, count: int) -> None:
        self.report = report
        super().__init__(f"{count} violation{'s' if count != 1 else ''} of the shapes")


class ModelMissing(DiplographError):
    """No English spaCy model is installed."""


class DiplographWarning(UserWarning):
    """Something the user should know that does not stop the work (a one-line message)."""


class DuplicateIdWarning(DiplographWarning):
    """Two sources had the same article id; the later one was given another."""


class SourceWarning(DiplographWarning):
    """A source was read, but not the way that was asked (a feed item's own text when
    its link could not be followed)."""


class StoreBusyWarning(DiplographWarning):
    """Another process is writing to the store; this one waits for it."""
