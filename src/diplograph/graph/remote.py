"""A SPARQL 1.1 server as the store: ``--store http(s)://...``.

Queries go to the query endpoint (SPARQL 1.1 Protocol, form-encoded POST),
article graphs are written whole, one request per graph: a Graph Store
Protocol ``PUT`` (an atomic replace) where the server has a graph store, or
else one SPARQL Update ``DROP SILENT GRAPH ... ; INSERT DATA ...``. Only IRIs
are sent, never blank nodes.

The base URL of an Oxigraph server (``http://host:7878``, serving
``/query``, ``/update`` and ``/store``) needs nothing more. Servers that
split their endpoints differently are configured with environment
variables (see ``docs/scale.md`` for Fuseki, GraphDB and Virtuoso):

``DIPLOGRAPH_QUERY_URL``
    the query endpoint (default ``BASE/query``)
``DIPLOGRAPH_UPDATE_URL``
    the update endpoint (default ``BASE/update``)
``DIPLOGRAPH_GSP_URL``
    the Graph Store Protocol endpoint (default ``BASE/store``); ``none``
    writes with SPARQL Update instead
``DIPLOGRAPH_UNION_PARAM``
    ``1`` (default) asks for the union of all graphs as the default graph
    with Oxigraph's ``union-default-graph`` parameter, which other servers
    ignore; ``0`` sends nothing (the server is configured for it)
``DIPLOGRAPH_USER`` and ``DIPLOGRAPH_PASSWORD``, or ``DIPLOGRAPH_TOKEN``
    credentials (HTTP Basic, or a Bearer token); without them, ``~/.netrc``
    (or ``$NETRC``) is read for the server's host. ``DIPLOGRAPH_AUTH=digest``
    answers Digest challenges instead of sending Basic credentials.
``DIPLOGRAPH_HTTP_TIMEOUT``
    seconds to wait for any request (default 300)

Credentials are never taken from the command line or the URL.
"""

from __future__ import annotations

import base64
import contextlib
import ipaddress
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from email.message import Message
from typing import Any

import pyoxigraph as ox

from diplograph.errors import QueryError, StoreError
from diplograph.graph.store import QueryResult, sequence_updates, to_result
from diplograph.schema.namespaces import PREFIXES

RESULTS_ACCEPT = "application/sparql-results+json, application/sparql-results+xml;q=0.5"
GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.8, application/rdf+xml;q=0.5"
DEFAULT_TIMEOUT = 300.0


@dataclass(frozen=True)
class Endpoints:
    """Where a remote store takes queries, updates and graph writes."""

    query: str
    update: str
    gsp: str | None
    union_param: bool = True

    @classmethod
    def for_location(cls, location: str, env: Mapping[str, str] | None = None) -> Endpoints:
        """The Oxigraph layout under ``location``, overridden by the environment."""
        env = os.environ if env is None else env
        base = location.rstrip("/")
        gsp = env.get("DIPLOGRAPH_GSP_URL") or f"{base}/store"
        union = env.get("DIPLOGRAPH_UNION_PARAM", "1").strip().lower()
        return cls(query=env.get("DIPLOGRAPH_QUERY_URL") or f"{base}/query",
                   update=env.get("DIPLOGRAPH_UPDATE_URL") or f"{base}/update",
                   gsp=None if gsp.strip().lower() in ("none", "off", "0") else gsp,
                   union_param=union not in ("0", "no", "off", "false"))


def is_loopback_host(host: str) -> bool:
    """Whether a host name or address is this machine's loopback."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _is_loopback(url: str) -> bool:
    return is_loopback_host(urllib.parse.urlsplit(url).hostname or "")


class _Credentials:
    """HTTP credentials from the environment or ~/.netrc, per host."""

    def __init__(self, env: Mapping[str, str]) -> None:
        self.user = env.get("DIPLOGRAPH_USER")
        self.password = env.get("DIPLOGRAPH_PASSWORD")
        self.token = env.get("DIPLOGRAPH_TOKEN")
        self.digest = env.get("DIPLOGRAPH_AUTH", "basic").strip().lower() == "digest"
        self.netrc_path = env.get("NETRC")
        self._netrc: Any = None

    def login(self, url: str) -> tuple[str, str] | None:
        if self.user is not None:
            return self.user, self.password or ""
        host = urllib.parse.urlsplit(url).hostname or ""
        if self._netrc is None:
            import netrc

            try:
                self._netrc = netrc.netrc(self.netrc_path)
            except FileNotFoundError:
                self._netrc = False
            except (netrc.NetrcParseError, OSError) as exc:
                raise StoreError(f"cannot read the netrc file: {exc}") from None
        if not self._netrc:
            return None
        entry = self._netrc.authenticators(host)
        if entry is None:
            return None
        return entry[0], entry[2] or ""

    def header(self, url: str) -> str | None:
        if self.token:
            return f"Bearer {self.token}"
        if self.digest:
            return None
        login = self.login(url)
        if login is None:
            return None
        raw = f"{login[0]}:{login[1]}".encode()
        return "Basic " + base64.b64encode(raw).decode("ascii")


class RemoteBackend:
    """A store behind a SPARQL 1.1 Protocol and Graph Store Protocol server."""

    def __init__(self, location: str, read_only: bool = False, *,
                 endpoints: Endpoints | None = None, timeout: float | None = None,
                 env: Mapping[str, str] | None = None) -> None:
        env = os.environ if env is None else env
        parts = urllib.parse.urlsplit(location)
        if parts.username or parts.password:
            raise StoreError(f"{parts.hostname}: put credentials in DIPLOGRAPH_USER and "
                             "DIPLOGRAPH_PASSWORD (or ~/.netrc), not in the store URL")
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise StoreError(f"{location}: not an http(s) URL")
        self.location = location
        self.writable = not read_only
        self.endpoints = endpoints or Endpoints.for_location(location, env)
        self.timeout = timeout or float(env.get("DIPLOGRAPH_HTTP_TIMEOUT") or DEFAULT_TIMEOUT)
        self._creds = _Credentials(env)
        self._openers: dict[bool, urllib.request.OpenerDirector] = {}

    # ------------------------------------------------------------- HTTP

    def _opener(self, url: str) -> urllib.request.OpenerDirector:
        loop = _is_loopback(url)
        if loop not in self._openers:
            handlers: list[Any] = [urllib.request.ProxyHandler({}) if loop
                                   else urllib.request.ProxyHandler()]
            if self._creds.digest:
                mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
                for u in (self.endpoints.query, self.endpoints.update, self.endpoints.gsp):
                    if u and (login := self._creds.login(u)):
                        mgr.add_password(None, u, *login)
                handlers.append(urllib.request.HTTPDigestAuthHandler(mgr))
            self._openers[loop] = urllib.request.build_opener(*handlers)
        return self._openers[loop]

    def _send(self, method: str, url: str, body: bytes | None = None,
              headers: Mapping[str, str] | None = None, timeout: float | None = None,
              what: str = "request") -> tuple[int, Message, bytes]:
        hdrs = {"User-Agent": "diplograph", **(headers or {})}
        auth = self._creds.header(url)
        if auth:
            hdrs["Authorization"] = auth
        req = urllib.request.Request(url, data=body, method=method, headers=hdrs)
        wait = timeout if timeout is not None else self.timeout
        try:
            with self._opener(url).open(req, timeout=wait) as resp:
                return resp.status, resp.headers, resp.read()
        except urllib.error.HTTPError as exc:
            detail = " ".join(exc.read()[:400].decode("utf-8", "replace").split())
            raise _http_error(exc.code, url, what, detail) from None
        except TimeoutError:
            raise _timeout(what, wait) from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError):
                raise _timeout(what, wait) from None
            raise StoreError(f"{url}: cannot reach the server ({exc.reason})") from None

    def _prologue(self, text: str) -> str:
        from diplograph.graph.sparql import declared_prefixes

        own = declared_prefixes(text)
        return "".join(f"PREFIX {p}: <{iri}> " for p, iri in PREFIXES.items() if p not in own)

    def _writable(self) -> None:
        if not self.writable:
            raise StoreError(f"{self.location}: opened read-only")

    # ------------------------------------------------------------ Backend

    def query(self, sparql: str, substitutions: Mapping[str, Any] | None = None,
              timeout: float | None = None) -> QueryResult:
        """Run a query on the server; parameters go in a VALUES block of escaped terms."""
        from diplograph.graph.sparql import bind_values, query_kind

        text = bind_values(sparql, dict(substitutions)) if substitutions else sparql
        kind = query_kind(text)  # a syntax error is reported here, the same as locally
        form = [("query", self._prologue(text) + "\n" + text)]
        if self.endpoints.union_param:
            form.append(("union-default-graph", ""))
        _, headers, data = self._send(
            "POST", self.endpoints.query, urllib.parse.urlencode(form).encode("utf-8"),
            {"Content-Type": "application/x-www-form-urlencoded",
             "Accept": GRAPH_ACCEPT if kind == "graph" else RESULTS_ACCEPT},
            timeout=timeout, what="query")
        ctype = headers.get_content_type()
        try:
            if kind == "graph":
                fmt = ox.RdfFormat.from_media_type(ctype) or ox.RdfFormat.N_TRIPLES
                if ctype == "text/plain":
                    fmt = ox.RdfFormat.N_TRIPLES
                return QueryResult("graph", triples=list(ox.parse(data, format=fmt)))
            rfmt = ox.QueryResultsFormat.from_media_type(ctype) or ox.QueryResultsFormat.JSON
            return to_result(ox.parse_query_results(data, format=rfmt))
        except (SyntaxError, ValueError) as exc:
            raise StoreError(f"{self.endpoints.query}: unreadable answer ({ctype}): "
                             f"{str(exc).splitlines()[0]}") from None

    def update(self, sparql: str, timeout: float | None = None) -> None:
        """Run a SPARQL Update on the server."""
        self._writable()
        body = (self._prologue(sparql) + "\n" + sparql).encode("utf-8")
        self._send("POST", self.endpoints.update, body,
                   {"Content-Type": "application/sparql-update"}, timeout=timeout, what="update")

    def _graph_url(self, graph: str) -> str:
        assert self.endpoints.gsp is not None
        sep = "&" if "?" in self.endpoints.gsp else "?"
        return f"{self.endpoints.gsp}{sep}{urllib.parse.urlencode({'graph': graph})}"

    def replace_graph(self, graph: str, quads: list[ox.Quad], before: str = "",
                      after: str = "") -> None:
        """Replace one named graph: a GSP PUT between the updates ``before`` and ``after``
        (three requests), or else one SPARQL Update that does all of it."""
        from diplograph.graph.sparql import sparql_term

        self._writable()
        g = sparql_term(ox.NamedNode(graph))
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
        for t in triples:
            if isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode):
                raise StoreError(f"{graph}: blank nodes cannot be sent to a remote store")
        if self.endpoints.gsp:
            if before.strip():
                self.update(before)
            body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
            self._send("PUT", self._graph_url(graph), body,
                       {"Content-Type": "application/n-triples"}, what="graph store write")
            if after.strip():
                self.update(after)
            return
        lines = "".join(f"{sparql_term(t.subject)} {sparql_term(t.predicate)} "  # type: ignore[arg-type]
                        f"{sparql_term(t.object)} .\n" for t in triples)  # type: ignore[arg-type]
        self.update(sequence_updates(before, f"DROP SILENT GRAPH {g}",
                              f"INSERT DATA {{ GRAPH {g} {{\n{lines}}} }}", after))

    def drop_graph(self, graph: str, before: str = "") -> None:
        from diplograph.graph.sparql import sparql_term

        self._writable()
        if self.endpoints.gsp:
            if before.strip():
                self.update(before)
            with contextlib.suppress(_NotFound):  # dropping a missing graph is no error
                self._send("DELETE", self._graph_url(graph), what="graph store delete")
            return
        self.update(sequence_updates(before, f"DROP SILENT GRAPH {sparql_term(ox.NamedNode(graph))}"))

    def graph_names(self) -> list[str]:
        res = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(str(r[0].value) for r in res.rows if isinstance(r[0], ox.NamedNode))

    def quads(self, graph: str | None = None) -> Iterable[ox.Quad]:
        from diplograph.graph.sparql import sparql_term

        if graph:
            g = ox.NamedNode(graph)
            res = self.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH {sparql_term(g)} {{ ?s ?p ?o }} }}")
            return [ox.Quad(s, p, o, g) for s, p, o in res.rows]
        res = self.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return [ox.Quad(s, p, o, g) for s, p, o, g in res.rows]

    def close(self) -> None:
        self._openers.clear()


class _NotFound(StoreError):
    pass


def _timeout(what: str, seconds: float) -> QueryError | StoreError:
    msg = f"{what} timed out after {seconds:g} s"
    return QueryError(msg) if what == "query" else StoreError(msg)


def _http_error(code: int, url: str, what: str, detail: str) -> StoreError | QueryError:
    detail = detail[:200]
    if code in (401, 407):
        return StoreError(f"{url}: {what} needs credentials (HTTP {code}); set DIPLOGRAPH_USER "
                          "and DIPLOGRAPH_PASSWORD, DIPLOGRAPH_TOKEN, or ~/.netrc")
    if code == 403:
        return StoreError(f"{url}: {what} refused (HTTP 403: read-only or not allowed)"
                          + (f": {detail}" if detail else ""))
    if code == 404:
        return _NotFound(f"{url}: not found (HTTP 404); is this the right endpoint? "
                         "See DIPLOGRAPH_QUERY_URL, DIPLOGRAPH_UPDATE_URL, DIPLOGRAPH_GSP_URL")
    if what == "query" and code == 400:
        return QueryError(f"the server rejected the query: {detail}")
    if what == "query" and code in (503, 507) and detail.strip():
        return QueryError(detail.strip().splitlines()[0])  # "query timed out after 60 s"
    return StoreError(f"{url}: {what} failed (HTTP {code})" + (f": {detail}" if detail else ""))
