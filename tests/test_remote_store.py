"""``--store http://...``: ingest, query, export, remove and stats against a real
SPARQL 1.1 server (``oxigraph serve``, started and stopped by the tests), and
the scale-out recipe: workers on disjoint shards build the same graph as one.

Credentials and timeouts are checked against a small loopback HTTP server
that records what it is sent.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner, Result
from rdflib.compare import graph_diff, isomorphic

import diplograph as dg
from conftest import store_events
from diplograph.cli import main
from diplograph.graph import iris
from diplograph.model import Actor, Article, Event

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(str(p) for p in (ROOT / "examples").glob("*.txt"))


# ------------------------------------------------------------------ servers


def oxigraph_binary() -> str:
    here = Path(sys.executable).parent / "oxigraph"
    found = str(here) if here.is_file() else shutil.which("oxigraph")
    if not found:
        pytest.fail("the 'oxigraph' server binary is missing: install the dev extras "
                    "(pip install -r requirements.lock; the 'oxigraph' package provides it)")
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def oxigraph_server(location: Path, read_only: bool = False) -> Iterator[str]:
    """``oxigraph serve --location DIR --bind 127.0.0.1:PORT``; yields its base URL."""
    binary = oxigraph_binary()
    for _ in range(3):  # another process may take the free port first
        port = free_port()
        cmd = [binary, "serve-read-only" if read_only else "serve", "--location",
               str(location), "--bind", f"127.0.0.1:{port}"]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        if proc.poll() is None:
            break
        out = proc.stdout.read().decode("utf-8", "replace") if proc.stdout else ""
        if "in use" not in out.lower():
            pytest.fail(f"oxigraph did not start: {out.strip()}")
    else:
        pytest.fail("oxigraph did not start: no free port")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(10)
        if proc.stdout:
            proc.stdout.close()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    with oxigraph_server(tmp_path / "server-data") as url:
        yield url


@pytest.fixture(scope="module")
def one_worker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server that one ``diplograph ingest`` of all the examples filled. Tests only read it."""
    with oxigraph_server(tmp_path_factory.mktemp("one-worker") / "data") as url:
        res = cli("ingest", *EXAMPLES, "--store", url)
        assert res.exit_code == 0, res.output
        assert f"ingested {len(EXAMPLES)} articles" in res.output
        yield url


@pytest.fixture(scope="module")
def local_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The examples ingested into an embedded store: what a remote store must equal."""
    path = str(tmp_path_factory.mktemp("local") / "store")
    kg = dg.open(path)
    try:
        report = kg.ingest(EXAMPLES)
    finally:
        kg.close()
    assert report.failed == 0, report.errors
    return path


# ------------------------------------------------------------------ helpers


def cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def graphs(location: str) -> dict[str, rdflib.Graph]:
    """Every named graph of a store, as rdflib graphs."""
    kg = dg.open(location, read_only=True)
    try:
        return to_graphs(kg.backend.quads())
    finally:
        kg.close()


def to_graphs(quads: Iterable[ox.Quad]) -> dict[str, rdflib.Graph]:
    by_graph: dict[str, list[ox.Triple]] = {}
    for q in quads:
        by_graph.setdefault(str(q.graph_name.value), []).append(
            ox.Triple(q.subject, q.predicate, q.object))
    return {g: rdflib.Graph().parse(data=ox.serialize(ts, format=ox.RdfFormat.N_TRIPLES),
                                    format="nt") for g, ts in by_graph.items()}


def assert_same_dataset(a: dict[str, rdflib.Graph], b: dict[str, rdflib.Graph]) -> None:
    assert sorted(a) == sorted(b)
    for name in a:
        if not isomorphic(a[name], b[name]):
            _, only_a, only_b = graph_diff(a[name], b[name])
            pytest.fail(f"graph {name} differs:\nonly in the first:\n"
                        f"{only_a.serialize(format='nt')}\nonly in the second:\n"
                        f"{only_b.serialize(format='nt')}")


def hand_made_article(store: str) -> None:
    """One article written for the test, stored without the extractor."""
    chn = Actor(id="chn", label="China", kind="State", country="CHN", wikidata="Q148")
    usa = Actor(id="usa", label="United States", kind="State", country="USA", wikidata="Q30")
    tao = Actor(id="person-tao-lin", label="Tao Lin", kind="Person", country="CHN")
    text = "Beijing urged Washington to drop the new tariffs at once, Tao Lin said."
    art = Article(id="tariff-note", text=text, headline="A note on tariffs", date="2022-05-06")
    ev = Event(doc="tariff-note", type="DEMAND", source=chn, target=usa, speaker=tao,
               sentence=text, start=0, end=len(text), about="to drop the new tariffs",
               date="2022-05-06", confidence=0.9, trigger="urged", trigger_start=8)
    store_events(store, art, [ev])


# --------------------------------------------------------- against oxigraph


@pytest.mark.server
def test_query_stats_and_export_of_a_sparql_server_match_the_embedded_store(
        one_worker: str, local_store: str, tmp_path: Path) -> None:
    for name in ("who-accused-whom", "mutual-accusations", "demands"):
        remote = cli("query", name, "--store", one_worker, "--format", "csv")
        local = cli("query", name, "--store", local_store, "--format", "csv")
        assert remote.exit_code == 0, remote.output
        assert remote.output == local.output
        assert len(remote.output.splitlines()) > 1, name

    remote = cli("stats", "--store", one_worker, "--format", "json")
    assert remote.exit_code == 0, remote.output
    assert json.loads(remote.output) == json.loads(
        cli("stats", "--store", local_store, "--format", "json").output)

    out = tmp_path / "remote.nq"
    res = cli("export", "-o", str(out), "--store", one_worker)
    assert res.exit_code == 0, res.output
    exported = list(ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS))
    assert all(isinstance(q.graph_name, ox.NamedNode) for q in exported)
    assert_same_dataset(to_graphs(exported), graphs(local_store))


@pytest.mark.server
def test_remove_and_reingest_on_a_sparql_server(server: str) -> None:
    res = cli("ingest", *EXAMPLES[:2], "--store", server)
    assert res.exit_code == 0, res.output
    res = cli("ingest", *EXAMPLES[:2], "--store", server)
    assert res.exit_code == 0
    assert "0 articles" in res.output and "2 unchanged" in res.output

    doc = Path(EXAMPLES[0]).stem
    res = cli("remove", doc, "--store", server)
    assert res.exit_code == 0 and f"removed {doc}" in res.output
    kg = dg.open(server, read_only=True)
    try:
        assert iris.article_graph(doc) not in kg.backend.graph_names()
        assert kg.articles() == [Path(EXAMPLES[1]).stem]
        assert kg.query("SELECT ?e WHERE { ?e dip:inArticle ?a . ?a dip:docId ?doc }",
                        {"doc": doc}).rows == []
    finally:
        kg.close()
    res = cli("remove", doc, "--store", server)
    assert res.exit_code == 1 and "no such article" in res.stderr


@pytest.mark.server
def test_two_workers_on_shards_build_the_same_graph_as_one(one_worker: str,
                                                           server: str) -> None:
    """One worker is a subprocess, the other runs here, at the same time."""
    shards = [EXAMPLES[0::2], EXAMPLES[1::2]]
    other = subprocess.Popen([sys.executable, "-m", "diplograph.cli", "ingest", *shards[0],
                              "--store", server], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        res = cli("ingest", *shards[1], "--store", server)
    finally:
        out, err = other.communicate(timeout=300)
    assert other.returncode == 0, out + err
    assert res.exit_code == 0, res.output
    single = graphs(one_worker)
    # the articles, the ontology, the reference data, the entities and the meta graph
    assert len(single) == len(EXAMPLES) + 4
    assert_same_dataset(single, graphs(server))


@pytest.mark.server
def test_sparql_update_instead_of_graph_store_gives_the_same_graph(
        server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIPLOGRAPH_GSP_URL", "none")
    res = cli("ingest", *EXAMPLES[:3], "--store", server)
    assert res.exit_code == 0, res.output
    local = str(tmp_path / "store")
    assert cli("ingest", *EXAMPLES[:3], "--store", local).exit_code == 0
    got = graphs(server)
    assert len(got) == 3 + 4  # the articles, ontology, reference, entities and meta graphs
    assert_same_dataset(got, graphs(local))


@pytest.mark.server
def test_endpoints_can_be_set_one_by_one(server: str,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    elsewhere = f"{server}/no/such/base"
    res = cli("query", "ASK { ?s ?p ?o }", "--store", elsewhere)
    assert res.exit_code == 1
    assert "not found (HTTP 404)" in res.stderr and "DIPLOGRAPH_QUERY_URL" in res.stderr
    monkeypatch.setenv("DIPLOGRAPH_QUERY_URL", f"{server}/query")
    monkeypatch.setenv("DIPLOGRAPH_UPDATE_URL", f"{server}/update")
    monkeypatch.setenv("DIPLOGRAPH_GSP_URL", f"{server}/store")
    hand_made_article(elsewhere)
    res = cli("query", "statements-by-speaker", "--store", elsewhere, "--format", "csv")
    assert res.exit_code == 0, res.output
    assert "Tao Lin" in res.output


@pytest.mark.server
def test_param_value_cannot_break_out_of_a_remote_query(server: str) -> None:
    from test_sparql_query_command import EVIL

    hand_made_article(server)
    for value in EVIL:
        res = cli("query", "SELECT ?w WHERE { BIND(STR(?v) AS ?w) }", "--store", server,
                  "--param", f"v={value}", "--format", "json")
        assert res.exit_code == 0, res.output
        assert [r["w"]["value"] for r in json.loads(res.output)["results"]["bindings"]] == \
            [value]
        res = cli("query", "statements-by-speaker", "--store", server,
                  "--param", f"speaker={value}", "--format", "csv")
        assert res.exit_code == 0, res.output
        assert len(res.output.splitlines()) == (2 if value == "Tao Lin" else 1), value
    kg = dg.open(server, read_only=True)
    try:
        assert [ev.doc for ev in kg.events()] == ["tariff-note"]
    finally:
        kg.close()


@pytest.mark.server
def test_remote_syntax_error_is_one_line_with_line_and_column(server: str) -> None:
    res = cli("query", "SELECT ?s WHERE {\n ?s ?p }", "--store", server)
    assert res.exit_code == 1
    assert len(res.stderr.strip().splitlines()) == 1
    assert "SPARQL syntax error at line 2, column" in res.stderr


@pytest.mark.server
def test_read_only_server_refuses_ingest_with_one_line(tmp_path: Path) -> None:
    data = tmp_path / "ro"
    ox.Store(str(data)).flush()
    with oxigraph_server(data, read_only=True) as url:
        res = cli("ingest", EXAMPLES[0], "--store", url)
        assert res.exit_code == 1
        assert "HTTP 403" in res.stderr
        res = cli("query", "ASK { ?s ?p ?o }", "--store", url)
        assert res.exit_code == 0 and res.output == "false\n"


# ------------------------------------------------ credentials and timeouts


class Recorder(BaseHTTPRequestHandler):
    """Answers every query with one empty result; remembers the headers it got."""

    seen: ClassVar[list[dict[str, str]]] = []
    delay: ClassVar[float] = 0.0

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        type(self).seen.append(dict(self.headers))
        time.sleep(type(self).delay)
        body = b'{"head":{"vars":["s"]},"results":{"bindings":[]}}'
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:  # the client gave up
            pass

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def recorder() -> Iterator[tuple[str, type[Recorder]]]:
    handler = type("Rec", (Recorder,), {"seen": [], "delay": 0.0})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", handler
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_credentials_in_the_store_url_are_refused() -> None:
    res = cli("query", "ASK { ?s ?p ?o }", "--store", "http://someone:secret@127.0.0.1:9/ds")
    assert res.exit_code == 1
    assert "DIPLOGRAPH_USER" in res.stderr and "secret" not in res.stderr


def test_credentials_come_from_the_environment(recorder, monkeypatch: pytest.MonkeyPatch
                                               ) -> None:
    url, handler = recorder
    monkeypatch.setenv("DIPLOGRAPH_USER", "analyst")
    monkeypatch.setenv("DIPLOGRAPH_PASSWORD", "pa:ss")
    res = cli("query", "SELECT ?s WHERE { ?s ?p ?o }", "--store", url, "--format", "csv")
    assert res.exit_code == 0, res.output
    want = "Basic " + base64.b64encode(b"analyst:pa:ss").decode()
    assert handler.seen and handler.seen[-1]["Authorization"] == want
    monkeypatch.delenv("DIPLOGRAPH_USER")
    monkeypatch.setenv("DIPLOGRAPH_TOKEN", "t0ken")
    assert cli("query", "SELECT ?s WHERE { ?s ?p ?o }", "--store", url).exit_code == 0
    assert handler.seen[-1]["Authorization"] == "Bearer t0ken"


def test_credentials_come_from_netrc(recorder, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    url, handler = recorder
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login reader password from-netrc\n")
    os.chmod(netrc, 0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    for var in ("DIPLOGRAPH_USER", "DIPLOGRAPH_PASSWORD", "DIPLOGRAPH_TOKEN"):
        monkeypatch.delenv(var, raising=False)
    assert cli("query", "SELECT ?s WHERE { ?s ?p ?o }", "--store", url).exit_code == 0
    assert handler.seen[-1]["Authorization"] == \
        "Basic " + base64.b64encode(b"reader:from-netrc").decode()


def test_remote_timeout_is_an_http_timeout(recorder) -> None:
    url, handler = recorder
    handler.delay = 3.0
    res = cli("query", "SELECT ?s WHERE { ?s ?p ?o }", "--store", url, "--timeout", "0.3")
    assert res.exit_code == 1
    assert res.stderr.strip() == "Error: query timed out after 0.3 s"


def test_an_unreachable_server_is_one_line() -> None:
    res = cli("query", "ASK { ?s ?p ?o }", "--store", f"http://127.0.0.1:{free_port()}")
    assert res.exit_code == 1
    assert "cannot reach the server" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
