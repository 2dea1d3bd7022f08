"""``diplograph serve``, run as a subprocess: a SPARQL 1.1 Protocol endpoint that
answers GET, POST and YASGUI's form-encoded POST, refuses updates unless
--writable, listens on loopback only, and stops cleanly on SIGINT or SIGTERM."""

from __future__ import annotations

import json
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from conftest import store_events
from diplograph.cli import main
from diplograph.graph import iris
from diplograph.model import Actor, Article, Event

pytestmark = pytest.mark.server

JSON = "application/sparql-results+json"
COUNT_DEMANDS = "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a dip:Demand }"
PREFIX = "PREFIX dip: <https://w3id.org/diplograph#>\n"
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def store(tmp_path: Path) -> str:
    """A store with one article written for these tests (one demand)."""
    path = str(tmp_path / "store")
    chn = Actor(id="chn", label="China", kind="State", country="CHN", wikidata="Q148")
    usa = Actor(id="usa", label="United States", kind="State", country="USA", wikidata="Q30")
    text = "Beijing urged Washington to lift the export ban without delay."
    art = Article(id="ban-note", text=text, headline="A note on a ban", date="2023-02-01")
    ev = Event(doc="ban-note", type="DEMAND", source=chn, target=usa, speaker=None,
               sentence=text, start=0, end=len(text), about="to lift the export ban",
               date="2023-02-01", confidence=0.9, trigger="urged", trigger_start=8)
    store_events(path, art, [ev])
    return path


@dataclass
class Served:
    proc: subprocess.Popen[str]
    base: str
    port: int
    banner: str
    lines: queue.Queue[str]

    def stop(self, sig: int = signal.SIGTERM) -> tuple[int, str]:
        self.proc.send_signal(sig)
        rc = self.proc.wait(20)
        rest = []
        while not self.lines.empty():
            rest.append(self.lines.get())
        return rc, "".join(rest)


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def serving(store: str, *args: str, env: dict[str, str] | None = None,
            background: bool = False) -> Iterator[Served]:
    """Run ``diplograph serve``; ``background`` starts it with SIGINT ignored, as a shell's
    ``&`` does, which its own child then inherits."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "diplograph.cli", "serve", "--store", store, "--port", str(port),
         *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, **(env or {})}, preexec_fn=_ignore_sigint if background else None)
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line)

    threading.Thread(target=read, daemon=True).start()
    banner = []
    try:
        while True:
            try:
                line = lines.get(timeout=30)
            except queue.Empty:
                pytest.fail("diplograph serve printed nothing for 30 s: " + "".join(banner))
            banner.append(line)
            if "Ctrl-C" in line:
                break
            if proc.poll() is not None and lines.empty():
                pytest.fail("diplograph serve stopped: " + "".join(banner))
        yield Served(proc, f"http://127.0.0.1:{port}", port, "".join(banner), lines)
    finally:
        if proc.poll() is None:
            proc.terminate()
            proc.wait(20)


def http(url: str, data: bytes | None = None, headers: dict[str, str] | None = None,
         method: str | None = None) -> tuple[int, str, bytes]:
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with NO_PROXY.open(req, timeout=20) as resp:
            return resp.status, resp.headers.get_content_type(), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get_content_type(), exc.read()


def count(body: bytes) -> int:
    doc = json.loads(body)
    assert doc["head"]["vars"] == ["n"]
    return int(doc["results"]["bindings"][0]["n"]["value"])


def listening_addresses(port: int) -> set[str]:
    """Local addresses of the sockets listening on PORT, from /proc/net/tcp{,6}."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not Path(table).exists():
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            addr, hexport = local.rsplit(":", 1)
            if state == "0A" and int(hexport, 16) == port:
                found.add(addr)
    return found


def test_serve_answers_get_post_and_yasgui_form_posts(store: str) -> None:
    with serving(store) as srv:
        assert f"{srv.base}/query" in srv.banner and "read-only" in srv.banner
        q = urllib.parse.quote(PREFIX + COUNT_DEMANDS)
        status, ctype, body = http(f"{srv.base}/query?query={q}", headers={"Accept": JSON})
        assert (status, ctype) == (200, JSON)
        assert count(body) == 1

        status, ctype, body = http(f"{srv.base}/query", (PREFIX + COUNT_DEMANDS).encode(),
                                   {"Accept": JSON, "Content-Type": "application/sparql-query"})
        assert (status, ctype) == (200, JSON) and count(body) == 1

        # what YASGUI sends: a form-encoded POST with query=
        form = urllib.parse.urlencode({"query": PREFIX + "SELECT ?about WHERE { "
                                       "?e a dip:Demand ; dip:about ?about }"}).encode()
        status, ctype, body = http(f"{srv.base}/query", form,
                                   {"Accept": f"{JSON},*/*;q=0.9",
                                    "Content-Type": "application/x-www-form-urlencoded"})
        assert (status, ctype) == (200, JSON)
        assert [b["about"]["value"] for b in json.loads(body)["results"]["bindings"]] == \
            ["to lift the export ban"]

        form = urllib.parse.urlencode({"query": PREFIX + "CONSTRUCT WHERE { "
                                       "?s dip:demandsFrom ?o }"}).encode()
        status, ctype, body = http(f"{srv.base}/query", form,
                                   {"Accept": "application/n-triples",
                                    "Content-Type": "application/x-www-form-urlencoded"})
        assert status == 200
        triples = list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))
        assert [(t.subject.value, t.object.value) for t in triples] == \
            [(iris.actor("chn"), iris.actor("usa"))]

        rc, _ = srv.stop(signal.SIGTERM)
    assert rc == 0


def test_serve_refuses_updates_unless_writable(store: str) -> None:
    update = urllib.parse.urlencode({"update": PREFIX + "INSERT DATA { GRAPH <urn:x:g> { "
                                     "<urn:x:e> a dip:Demand } }"}).encode()
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    q = urllib.parse.quote(PREFIX + COUNT_DEMANDS)
    with serving(store) as srv:
        status, _, _ = http(f"{srv.base}/update", update, form)
        assert status in (403, 405)
        status, _, _ = http(f"{srv.base}/store?graph=urn:x:g", b"<urn:x:a> <urn:x:b> 1 .",
                            {"Content-Type": "application/n-triples"}, method="PUT")
        assert status in (403, 405)
        assert count(http(f"{srv.base}/query?query={q}", headers={"Accept": JSON})[2]) == 1
    with serving(store, "--writable") as srv:
        assert "read-write" in srv.banner and f"{srv.base}/update" in srv.banner
        status, _, _ = http(f"{srv.base}/update", update, form)
        assert status in (200, 204)
        assert count(http(f"{srv.base}/query?query={q}", headers={"Accept": JSON})[2]) == 2


def test_serve_listens_on_loopback_only(store: str) -> None:
    with serving(store) as srv:
        addrs = listening_addresses(srv.port)
        if not addrs:
            pytest.fail("no listening socket found in /proc/net/tcp")
        assert addrs == {"0100007F"}  # 127.0.0.1, and nothing else
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 9))  # no packet is sent: this picks the outgoing address
            own = s.getsockname()[0]
        if not own.startswith("127."):
            with pytest.raises(OSError):
                socket.create_connection((own, srv.port), timeout=2).close()


@pytest.mark.parametrize("background", [False, True], ids=["foreground", "background"])
def test_serve_stops_on_ctrl_c(store: str, background: bool) -> None:
    with serving(store, background=background) as srv:
        rc, rest = srv.stop(signal.SIGINT)
    assert rc == 0
    assert "stopped" in rest
    assert not listening_addresses(srv.port), "the oxigraph server outlived diplograph serve"


def test_serve_uses_a_snapshot_when_the_store_is_in_use(store: str, tmp_path: Path) -> None:
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    with serving(store, "--writable"):  # the writable server holds the store
        res = CliRunner().invoke(main, ["serve", "--store", store, "--writable", "--port",
                                        str(free_port())])
        assert res.exit_code == 1 and "in use by another process" in res.stderr
        with serving(store, env={"TMPDIR": str(tmp)}) as snap:
            assert "snapshot" in snap.banner
            q = urllib.parse.quote(PREFIX + COUNT_DEMANDS)
            assert count(http(f"{snap.base}/query?query={q}", headers={"Accept": JSON})[2]) == 1
            assert list(tmp.iterdir())
            rc, _ = snap.stop()
        assert rc == 0
        assert list(tmp.iterdir()) == []  # the snapshot is gone


def test_serve_needs_a_store_folder(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["serve", "--store", str(tmp_path / "none")])
    assert res.exit_code == 1 and "no store here" in res.stderr
    res = CliRunner().invoke(main, ["serve", "--store", "memory:"])
    assert res.exit_code == 2 and "needs a store folder" in res.stderr


CROSS = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # rows stream out for ever


def _oxigraph_cpu(serve_proc: subprocess.Popen[str]) -> float:
    """CPU seconds the Oxigraph server under ``diplograph serve`` has used."""
    import psutil

    (child,) = [c for c in psutil.Process(serve_proc.pid).children() if "oxigraph" in c.name()]
    t = child.cpu_times()
    return float(t.user + t.system)


def test_a_query_past_the_limit_is_a_503_with_the_reason_never_a_cut_off_200(store: str) -> None:
    with serving(store, "--timeout", "2") as srv:
        q = urllib.parse.quote(CROSS)
        status, ctype, body = http(f"{srv.base}/query?query={q}", headers={"Accept": "text/csv"})
        assert (status, ctype) == (503, "text/plain")
        assert body.decode().strip() == "query timed out after 2 s"
        # the command line says the same, on one line
        res = subprocess.run([sys.executable, "-m", "diplograph.cli", "query", CROSS,
                              "--store", srv.base, "--format", "csv"],
                             capture_output=True, text=True, timeout=60)
        assert res.returncode == 1
        assert res.stderr.strip() == "Error: query timed out after 2 s"
        # and the endpoint still answers
        q = urllib.parse.quote(PREFIX + COUNT_DEMANDS)
        assert count(http(f"{srv.base}/query?query={q}", headers={"Accept": JSON})[2]) == 1


def test_a_query_whose_client_went_away_stops(store: str) -> None:
    with serving(store, "--timeout", "600") as srv:
        body = urllib.parse.urlencode({"query": CROSS}).encode()
        with socket.create_connection(("127.0.0.1", srv.port)) as sock:
            sock.sendall(b"POST /query HTTP/1.1\r\nHost: x\r\nAccept: text/csv\r\n"
                         b"Content-Type: application/x-www-form-urlencoded\r\n"
                         b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
            time.sleep(1.5)
            busy = _oxigraph_cpu(srv.proc)
        time.sleep(2)  # the relay notices, closes its side, and the server stops writing
        settled = _oxigraph_cpu(srv.proc)
        time.sleep(2)
        assert busy > 0.3, "the query never ran"
        assert _oxigraph_cpu(srv.proc) - settled < 0.3, "the query went on without its client"


def test_an_answer_too_large_is_refused_not_buffered(store: str) -> None:
    with serving(store, "--max-answer-mb", "1") as srv:
        q = urllib.parse.quote(CROSS)
        status, _, body = http(f"{srv.base}/query?query={q}", headers={"Accept": "text/csv"})
        assert status == 507
        assert body.decode().startswith("answer larger than 1 MB")
