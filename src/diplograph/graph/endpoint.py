"""A store folder as a SPARQL 1.1 Protocol endpoint, with every request bounded.

diplograph writes no SPARQL server of its own: the Oxigraph server (the
``oxigraph`` command of the ``oxigraph`` package) answers, on the store's
folder, with the union of all graphs as the default graph. It listens on a
private loopback port; in front of it a small relay takes the requests, and
gives each answer only once it is whole:

- an answer that is not whole within the time limit is an HTTP 503 with a
  one-line reason ("query timed out after 60 s"), never a cut-off 200: the
  Oxigraph server starts a 200 before it knows whether the query will finish,
  and its own limit does not stop a query whose rows are streaming;
- a client that goes away stops its query: the relay closes the connection
  to the server, which stops when it next writes (or at its own limit);
- an answer larger than ``max_bytes`` is refused (HTTP 507) instead of filling
  the disk.

When another process holds the store for writing (an ingest is running), a
read-only endpoint serves a snapshot: a backup of the store in a temporary
folder (hard links where the file system allows), removed afterwards.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import select
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import IO, Any

from diplograph.errors import DiplographError, StoreError, StoreLocked

#: a query (or any request) that has not answered in this many seconds is stopped
DEFAULT_TIMEOUT_S = 60.0
#: answers larger than this are refused rather than buffered
DEFAULT_MAX_BYTES = 1 << 30
#: answers are kept in memory up to this size, then in a temporary file
SPOOL_BYTES = 64 << 20
START_SECONDS = 30.0
_HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
               "trailers", "transfer-encoding", "upgrade", "content-length", "host"}
#: what the Oxigraph server writes into a 200 when its own limit stops a query
_CANCELLED = b"The SPARQL operation has been cancelled"


def oxigraph_binary() -> str:
    """The ``oxigraph`` server executable: next to this Python first, then on PATH."""
    here = Path(sys.executable).parent / "oxigraph"
    if here.is_file() and os.access(here, os.X_OK):
        return str(here)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise DiplographError("the Oxigraph server is not installed: 'pip install oxigraph' "
                          "provides the 'oxigraph' command that 'diplograph serve' runs")


def store_folder(store: str) -> Path:
    """The store folder, or a one-line error if ``store`` is not an embedded store."""
    if store == "memory:" or store.startswith(("http://", "https://")):
        raise DiplographError(f"serve needs a store folder, not {store!r} "
                              "(a remote store is already an endpoint)")
    path = Path(store)
    if not path.is_dir():
        raise StoreError(f"{store}: no store here (run 'diplograph ingest' first)")
    if not (path / "CURRENT").is_file():
        raise StoreError(f"{store}: not a diplograph store folder")
    return path


def in_use(path: Path) -> bool:
    """True when another process holds the store for writing."""
    from diplograph.graph.store import OxigraphBackend

    try:
        backend = OxigraphBackend(str(path))
    except StoreLocked:
        return True
    backend.close()
    return False


@contextmanager
def serving_location(path: Path, writable: bool) -> Iterator[tuple[Path, bool]]:
    """(folder to serve, is a snapshot): the store itself, or a snapshot if it is in use."""
    if not in_use(path):
        yield path, False
        return
    if writable:
        raise StoreLocked(f"{path}: store is in use by another process; stop it first, "
                          "or serve it read-only (from a snapshot)")
    import pyoxigraph as ox

    tmp = Path(tempfile.mkdtemp(prefix="diplograph-serve-"))
    try:
        snap = tmp / "store"
        try:
            ox.Store.read_only(str(path)).backup(str(snap))
        except OSError as exc:
            raise StoreError(f"{path}: cannot take a snapshot of the store in use ({exc})") \
                from None
        yield snap, True
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def host_port(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def free_loopback_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def server_command(binary: str, location: Path, bind: str, writable: bool, cors: bool,
                   timeout: float) -> list[str]:
    """The ``oxigraph`` command line for these options."""
    cmd = [binary, "serve" if writable else "serve-read-only", "--location", str(location),
           "--bind", bind, "--union-default-graph", "--timeout-s", str(max(1, round(timeout)))]
    if cors:
        cmd.append("--cors")
    return cmd


# ------------------------------------------------------------------ the relay


@dataclass
class _Answer:
    status: int
    reason: str
    headers: list[tuple[str, str]]
    body: IO[bytes]
    size: int


class _TooLarge(Exception):
    pass


def _fetch(upstream: tuple[str, int], method: str, path: str, headers: list[tuple[str, str]],
           body: bytes, max_bytes: int, conn_box: list[http.client.HTTPConnection]) -> _Answer:
    """One whole exchange with the server; the answer buffered (in a spooled file)."""
    conn = http.client.HTTPConnection(*upstream)
    conn_box.append(conn)
    conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
    conn.putheader("Host", host_port(*upstream))
    for k, v in headers:
        conn.putheader(k, v)
    conn.putheader("Content-Length", str(len(body)))
    conn.putheader("Connection", "close")
    conn.endheaders(body)
    resp = conn.getresponse()
    spool: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115
    size = 0
    while chunk := resp.read(1 << 16):
        size += len(chunk)
        if size > max_bytes:
            spool.close()
            raise _TooLarge()
        spool.write(chunk)
    spool.seek(0)
    kept = [(k, v) for k, v in resp.getheaders() if k.lower() not in _HOP_BY_HOP]
    return _Answer(resp.status, resp.reason, kept, spool, size)


class _Relay(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, bind: tuple[str, int], upstream: tuple[str, int], timeout: float,
                 max_bytes: int) -> None:
        self.address_family = socket.AF_INET6 if ":" in bind[0] else socket.AF_INET
        super().__init__(bind, _Handler)
        self.upstream = upstream
        self.limit = timeout
        self.max_bytes = max_bytes


class _Handler(BaseHTTPRequestHandler):
    server: _Relay
    server_version = "diplograph"

    def log_message(self, format: str, *args: Any) -> None:  # the server's own log is enough
        pass

    def do_GET(self) -> None:
        self._relay()

    do_POST = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = do_PATCH = do_GET

    def _client_gone(self) -> bool:
        try:
            ready, _, _ = select.select([self.connection], [], [], 0)
            return bool(ready) and self.connection.recv(1, socket.MSG_PEEK) == b""
        except OSError:
            return True

    def _plain(self, status: int, text: str) -> None:
        data = (text + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _relay(self) -> None:
        limit = self.server.limit
        length = int(self.headers.get("Content-Length") or 0)
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            self._plain(411, "send the request with a Content-Length")
            return
        body = self.rfile.read(length) if length else b""
        headers = [(k, v) for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP]
        box: dict[str, Any] = {}
        conns: list[http.client.HTTPConnection] = []

        def work() -> None:
            try:
                box["answer"] = _fetch(self.server.upstream, self.command, self.path, headers,
                                       body, self.server.max_bytes, conns)
            except BaseException as exc:  # handed to the handler below
                box["error"] = exc

        worker = threading.Thread(target=work, daemon=True)
        deadline = time.monotonic() + limit
        worker.start()
        gone = False
        while worker.is_alive() and time.monotonic() < deadline:
            worker.join(0.2)
            if worker.is_alive() and self._client_gone():
                gone = True
                break
        if worker.is_alive():  # too slow, or nobody waits for it: stop the query
            for conn in conns:
                with contextlib.suppress(OSError):
                    if conn.sock is not None:
                        conn.sock.shutdown(socket.SHUT_RDWR)
                conn.close()
            if not gone:
                self._plain(503, f"query timed out after {limit:g} s")
            return
        if "error" in box:
            if isinstance(box["error"], _TooLarge):
                self._plain(507, f"answer larger than {self.server.max_bytes >> 20} MB: "
                                 "ask for less (LIMIT, filters)")
            else:
                self._plain(502, f"the SPARQL server failed: {box['error']}")
            return
        answer: _Answer = box["answer"]
        with answer.body:
            if answer.status == 200 and answer.size < 4096:
                head = answer.body.read()
                answer.body.seek(0)
                if _CANCELLED in head:  # the server's own limit stopped it inside a 200
                    self._plain(503, f"query timed out after {limit:g} s")
                    return
            self.send_response(answer.status, answer.reason)
            for k, v in answer.headers:
                self.send_header(k, v)
            self.send_header("Content-Length", str(answer.size))
            self.end_headers()
            if self.command != "HEAD":
                shutil.copyfileobj(answer.body, self.wfile, 1 << 16)


# ------------------------------------------------------------------ running it


@dataclass
class Endpoint:
    """A running endpoint: the Oxigraph server behind the relay."""

    url: str
    process: subprocess.Popen[str]
    relay: _Relay
    snapshot: bool


@contextmanager
def serve(store: str, host: str = "127.0.0.1", port: int = 7878, writable: bool = False,
          cors: bool = False, timeout: float = DEFAULT_TIMEOUT_S,
          max_bytes: int = DEFAULT_MAX_BYTES,
          on_output: Callable[[str], None] | None = None) -> Iterator[Endpoint]:
    """Run the endpoint for a store folder until the ``with`` block ends.

    ``on_output`` hears each line the Oxigraph server prints (its errors).
    """
    binary = oxigraph_binary()
    path = store_folder(store)
    with serving_location(path, writable) as (location, snapshot):
        inner = free_loopback_port()
        cmd = server_command(binary, location, f"127.0.0.1:{inner}", writable, cors, timeout)
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True, bufsize=1)
        assert proc.stdout is not None
        ready = threading.Event()
        last: list[str] = [""]

        def read_output() -> None:
            assert proc.stdout is not None
            for line in proc.stdout:
                if "Listening for requests" in line:
                    ready.set()
                elif line.strip():
                    last[0] = line.strip()
                    if on_output is not None:
                        on_output(line.rstrip("\n"))
            ready.set()

        threading.Thread(target=read_output, daemon=True).start()
        relay: _Relay | None = None
        try:
            ready.wait(START_SECONDS)
            if proc.poll() is not None or not ready.is_set():
                raise DiplographError(f"the Oxigraph server did not start (exit code "
                                      f"{proc.poll()})" + (f": {last[0]}" if last[0] else ""))
            try:
                relay = _Relay((host, port), ("127.0.0.1", inner), timeout, max_bytes)
            except OSError as exc:
                raise DiplographError(f"cannot listen on {host_port(host, port)}: "
                                      f"{exc.strerror or exc}") from None
            threading.Thread(target=relay.serve_forever, name="diplograph-relay",
                             daemon=True).start()
            endpoint = Endpoint(f"http://{host_port(host, port)}", proc, relay, snapshot)
            yield endpoint
        finally:
            if relay is not None:
                relay.shutdown()
                relay.server_close()
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
