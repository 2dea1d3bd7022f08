"""Where the quads live: an embedded Oxigraph store (a folder, or memory).

Each article graph is replaced in a single SPARQL Update, which Oxigraph runs
as one transaction: a crash leaves the old graph or the new one, never half
of either. New article graphs are added many at a time with ``add_graphs``
(one ``Store.extend`` transaction per batch). A second process that wants to
write to a folder in use waits for it as long as it was told to (``wait``, like
SQLite's busy timeout), then gets :class:`~diplograph.errors.StoreLocked`.
"""

from __future__ import annotations

import contextlib
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import pyoxigraph as ox

from diplograph.errors import QueryError, StoreBusyWarning, StoreError, StoreLocked
from diplograph.schema.namespaces import PREFIXES


@dataclass
class QueryResult:
    """A SPARQL result: SELECT rows, an ASK boolean, or CONSTRUCT/DESCRIBE triples."""

    kind: str  # "select", "ask" or "graph"
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)

    def __iter__(self) -> Iterator[Any]:
        if self.kind == "select":
            return iter(self.rows)
        if self.kind == "graph":
            return iter(self.triples)
        return iter([self.boolean])

    def __len__(self) -> int:
        return len(self.rows) if self.kind == "select" else len(self.triples)

    def values(self) -> list[dict[str, str | None]]:
        """Rows as dicts of plain strings (IRIs and literal values)."""
        return [{v: term_value(t) for v, t in zip(self.variables, row, strict=True)}
                for row in self.rows]


def term_value(term: Any) -> str | None:
    if term is None:
        return None
    return str(term.value)


class Backend(Protocol):
    """What the KnowledgeGraph needs of a store."""

    location: str
    writable: bool

    def query(self, sparql: str, substitutions: Mapping[str, Any] | None = None,
              timeout: float | None = None) -> QueryResult: ...
    def replace_graph(self, graph: str, quads: list[ox.Quad], before: str = "",
                      after: str = "") -> None: ...
    def drop_graph(self, graph: str, before: str = "") -> None: ...
    def graph_names(self) -> list[str]: ...
    def quads(self, graph: str | None = None) -> Iterable[ox.Quad]: ...
    def close(self) -> None: ...


def _ntriples(quads: Iterable[ox.Quad]) -> str:
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    return data.decode("utf-8") if data else ""


def sequence_updates(*updates: str) -> str:
    """SPARQL Update operations run in order as one request."""
    return " ;\n".join(u.strip().rstrip(";") for u in updates if u.strip())


#: writes flush the on-disk memtables after this many quads, to bound memory
FLUSH_QUADS = 100_000


class OxigraphBackend:
    """An embedded Oxigraph store on disk (a folder) or in memory."""

    def __init__(self, path: str | None, read_only: bool = False, wait: float = 0.0) -> None:
        """``wait``: how long to wait, in seconds, for another process that is writing to
        the folder to let go of it, before :class:`StoreLocked` (0: do not wait)."""
        self.location = path or "memory:"
        self.writable = not read_only
        if path is None:
            self.store = ox.Store()
        elif read_only:
            self.store = _open_read_only(path)
        else:
            self.store = _open_writable(path, wait)

    def query(self, sparql: str, substitutions: Mapping[str, Any] | None = None,
              timeout: float | None = None) -> QueryResult:
        """Run a query; parameters are bound, never pasted; ``timeout`` in seconds."""
        if timeout is None:
            return self._query(sparql, substitutions)
        return run_with_timeout(lambda: self._query(sparql, substitutions), timeout)

    def _query(self, sparql: str, substitutions: Mapping[str, Any] | None) -> QueryResult:
        from diplograph.graph.sparql import bind_values, syntax_message

        subs = {ox.Variable(k): v for k, v in (substitutions or {}).items()}
        try:
            try:
                res = self.store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True,
                                       substitutions=subs or None)
            except RuntimeError:
                if not subs:
                    raise
                # pyoxigraph substitutes projected variables only: bind the others
                # with a VALUES block of escaped terms (parsed again, never pasted).
                res = self.store.query(bind_values(sparql, dict(substitutions or {})),
                                       prefixes=PREFIXES, use_default_graph_as_union=True)
            return to_result(res)
        except SyntaxError as exc:
            raise QueryError(syntax_message(exc, sparql)) from None
        except (OSError, RuntimeError) as exc:
            raise QueryError(f"query failed: {str(exc).splitlines()[0]}") from None

    def update(self, sparql: str) -> None:
        try:
            self.store.update(sparql, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from None
        except OSError as exc:
            raise StoreError(f"{self.location}: update failed ({exc})") from None

    def replace_graph(self, graph: str, quads: list[ox.Quad], before: str = "",
                      after: str = "") -> None:
        """Drop the graph and insert its quads in one SPARQL Update: one transaction, which
        also runs the updates ``before`` and ``after`` (upkeep of derived graphs)."""
        body = _ntriples(quads)
        self.update(sequence_updates(before, f"DROP SILENT GRAPH <{graph}>",
                              f"INSERT DATA {{ GRAPH <{graph}> {{\n{body}}} }}", after))
        self._written(len(quads))

    def _written(self, n: int) -> None:
        """Count quads written; on disk, flush the memtables every :data:`FLUSH_QUADS`."""
        self._unflushed += n
        if self.location != "memory:" and self._unflushed >= FLUSH_QUADS:
            # the write itself is already durable (in the write-ahead log): a failed flush
            # only leaves the memtables in memory until the next one
            with contextlib.suppress(OSError):
                self.store.flush()
            self._unflushed = 0

    def drop_graph(self, graph: str, before: str = "") -> None:
        """Drop the graph, after the update ``before``, in one transaction."""
        self.update(sequence_updates(before, f"DROP SILENT GRAPH <{graph}>"))

    #: quads added since the last flush of the memtables (see add_graphs)
    _unflushed = 0

    def add_graphs(self, quads: list[ox.Quad]) -> None:
        """Add the quads of graphs that do not exist yet, in one transaction: all or none.

        This is the fast path for new articles. ``Store.extend`` is transactional;
        ``bulk_extend`` is faster on disk but not transactional (a crash can leave
        part of a batch written), so it is not used for ingest. On disk the
        memtables are flushed every :data:`FLUSH_QUADS` quads: without that a
        large ingest held ~2 GB of them (and as much write-ahead log) for 3 M quads.
        """
        try:
            self.store.extend(quads)
        except OSError as exc:
            raise StoreError(f"{self.location}: write failed ({exc})") from None
        self._written(len(quads))

    def optimize(self) -> None:
        """Compact the files on disk after a large load: queries run several times faster."""
        if self.location != "memory:":
            try:
                self.store.optimize()
            except OSError as exc:
                raise StoreError(f"{self.location}: optimize failed ({exc})") from None

    def graph_names(self) -> list[str]:
        return sorted(str(g.value) for g in self.store.named_graphs())

    def quads(self, graph: str | None = None) -> Iterable[ox.Quad]:
        g = ox.NamedNode(graph) if graph else None
        return self.store.quads_for_pattern(None, None, None, g)

    def bulk_load(self, quads: list[ox.Quad]) -> None:
        self.store.bulk_extend(quads)

    def flush(self) -> None:
        if self.location != "memory:":
            self.store.flush()

    def close(self) -> None:
        if self.location != "memory:" and self.writable:
            with contextlib.suppress(OSError):
                self.store.flush()
        del self.store


#: how often a writer waiting for the store tries again, in seconds
RETRY_S = 0.2


def _open_writable(path: str, wait: float) -> ox.Store:
    """Open (or create) a store folder for writing; wait up to ``wait`` s for its lock."""
    deadline = time.monotonic() + wait
    said = False
    while True:
        try:
            Path(path).mkdir(parents=True, exist_ok=True)
            return ox.Store(path)
        except OSError as exc:
            msg = str(exc)
            if "lock" not in msg.lower() and "resource temporarily unavailable" not in msg.lower():
                raise StoreError(f"{path}: cannot open the store "
                                 f"({msg.splitlines()[0]})") from None
        if time.monotonic() >= deadline:
            waited = f" (waited {wait:g} s)" if wait > 0 else ""
            raise StoreLocked(f"{path}: store is in use by another process{waited}")
        if not said:
            warnings.warn(StoreBusyWarning(
                f"{path}: store is in use by another process; waiting up to {wait:g} s for it"),
                stacklevel=4)
            said = True
        time.sleep(min(RETRY_S, max(0.0, deadline - time.monotonic())))


def _open_read_only(path: str, attempts: int = 20) -> ox.Store:
    """Open a store folder for reading, beside a writer if there is one.

    A writer that is creating the store, or compacting it, can make an open fail
    for a moment (a missing ``CURRENT`` file or column family, an SST file
    removed under the reader): such failures are retried for about a second.
    """
    if not any(Path(path).glob("*")):  # no folder, or an empty one
        raise StoreError(f"{path}: no store here (run 'diplograph ingest' first)")
    for attempt in range(attempts):
        try:
            return ox.Store.read_only(path)
        except (OSError, RuntimeError) as exc:
            if attempt == attempts - 1:
                if not (Path(path) / "CURRENT").exists():
                    raise StoreError(f"{path}: no store here (run 'diplograph ingest' "
                                     "first)") from None
                raise StoreError(f"{path}: cannot open the store "
                                 f"({str(exc).splitlines()[0]})") from None
            time.sleep(0.05)
    raise AssertionError("unreachable")


def run_with_timeout(work: Callable[[], QueryResult], timeout: float) -> QueryResult:
    """Run ``work`` in a worker thread; give up with :class:`QueryError` after ``timeout`` s.

    pyoxigraph releases the GIL while it evaluates, so the caller gets control
    back on time. The abandoned worker runs on until its query ends (it cannot
    be cancelled); a process that exits takes it along.
    """
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["result"] = work()
        except BaseException as exc:  # handed to the caller below
            box["error"] = exc

    worker = threading.Thread(target=run, name="diplograph-query", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise QueryError(f"query timed out after {timeout:g} s")
    if "error" in box:
        raise box["error"]
    result: QueryResult = box["result"]
    return result


def to_result(res: Any) -> QueryResult:
    if isinstance(res, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(res))
    if isinstance(res, ox.QuerySolutions):
        variables = [v.value for v in res.variables]
        rows = [tuple(sol[v] for v in variables) for sol in res]
        return QueryResult("select", variables=variables, rows=rows)
    return QueryResult("graph", triples=list(res))
