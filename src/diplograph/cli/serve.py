"""``diplograph serve``: a SPARQL 1.1 Protocol endpoint over a store folder.

diplograph writes no server of its own: this runs the Oxigraph server (the
``oxigraph`` command of the ``oxigraph`` package) on the store's folder, with
the union of all graphs as the default graph, as ``diplograph query`` sees it.

- Read-only (``oxigraph serve-read-only``) unless ``--writable``
  (``oxigraph serve``, which also takes ``/update`` and Graph Store writes).
- When another process holds the store for writing (an ingest is running),
  a read-only server gets a snapshot: a backup of the store in a temporary
  folder (hard links where the file system allows), removed on exit.
- A read-only server keeps the view it started with; writing into the
  folder while it runs is not supported by Oxigraph's read-only mode. Serve
  with ``--writable`` and ingest through the endpoint instead.
- Bound to 127.0.0.1 unless ``--host`` says otherwise.
- Ctrl-C (SIGINT) or SIGTERM is passed on to the server, and the command
  waits for it to stop.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import click

from diplograph.cli import friendly, main, store_option
from diplograph.errors import DiplographError, StoreError, StoreLocked

START_SECONDS = 30.0
STOP_SECONDS = 10.0


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


def check_store_folder(store: str) -> Path:
    """The store folder, or a one-line error if ``store`` is not an embedded store."""
    if store == "memory:" or store.startswith(("http://", "https://")):
        raise click.UsageError(f"serve needs a store folder, not {store!r} "
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


def _host_port(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _is_loopback(host: str) -> bool:
    from diplograph.graph.remote import is_loopback_host

    return is_loopback_host(host)


def server_command(binary: str, location: Path, host: str, port: int, writable: bool,
                   cors: bool, timeout: int | None) -> list[str]:
    """The ``oxigraph`` command line for these options."""
    cmd = [binary, "serve" if writable else "serve-read-only", "--location", str(location),
           "--bind", _host_port(host, port), "--union-default-graph"]
    if cors:
        cmd.append("--cors")
    if timeout:
        cmd += ["--timeout-s", str(timeout)]
    return cmd


def _relay(stream: IO[str], ready: threading.Event, last: list[str]) -> None:
    """Pass the server's output on to stderr; note when it listens."""
    for line in stream:
        if "Listening for requests" in line:
            ready.set()
            continue
        if line.strip():
            last[:] = [line.strip()]
            sys.stderr.write(f"oxigraph: {line}")
            sys.stderr.flush()
    ready.set()


@main.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback exposes the store to the "
                   "network.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(1, 65535),
              help="Port to listen on.")
@click.option("--writable", is_flag=True,
              help="Accept SPARQL Update and Graph Store writes (default: read-only).")
@click.option("--cors", is_flag=True,
              help="Allow cross-origin requests, for a YASGUI or web page served elsewhere. "
                   "Any web page you open could then read the endpoint.")
@click.option("--timeout", type=click.IntRange(min=1), default=None, metavar="SECONDS",
              help="Stop queries that run longer.")
@friendly
def serve(store: str, host: str, port: int, writable: bool, cors: bool,
          timeout: int | None) -> None:
    """Serve the store as a SPARQL 1.1 Protocol endpoint, until Ctrl-C.

    Runs the Oxigraph server on the store folder: GET or POST /query (the
    default graph is the union of all graphs), a YASGUI page at /, and with
    --writable also /update and the Graph Store Protocol at /store. If an
    ingest holds the store, a read-only server serves a snapshot.

    A read-only server does not see later ingests into the folder: restart
    it. To add articles while serving, use --writable and ingest through the
    endpoint: diplograph ingest ... --store http://127.0.0.1:PORT
    """
    binary = oxigraph_binary()
    path = check_store_folder(store)
    with serving_location(path, writable) as (location, snapshot):
        cmd = server_command(binary, location, host, port, writable, cors, timeout)
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True, bufsize=1)
        assert proc.stdout is not None
        ready, last = threading.Event(), [""]
        relay = threading.Thread(target=_relay, args=(proc.stdout, ready, last), daemon=True)
        relay.start()
        stopping: list[float] = []

        def forward(_signum: int, _frame: Any) -> None:
            # SIGTERM for both: a child started in the background may ignore SIGINT.
            stopping.append(time.monotonic())
            if proc.poll() is None:
                proc.terminate()

        handlers = {s: signal.signal(s, forward) for s in (signal.SIGINT, signal.SIGTERM)}
        try:
            ready.wait(START_SECONDS)
            if proc.poll() is None and ready.is_set():
                _announce(store, host, port, writable, snapshot, cors)
            rc = _wait(proc, stopping)
        finally:
            for s, h in handlers.items():
                signal.signal(s, h)
            if proc.poll() is None:
                proc.terminate()
                proc.wait()
            relay.join(2)
    if stopping:
        click.echo("stopped", err=True)
        return
    if not ready.is_set() or rc != 0:
        raise DiplographError(f"the Oxigraph server stopped (exit code {rc})"
                              + (f": {last[0]}" if last[0] else ""))


def _wait(proc: subprocess.Popen[str], stopping: list[float]) -> int:
    """Wait for the server; kill it if it has not stopped some seconds after a signal."""
    while True:
        try:
            return proc.wait(timeout=0.5)
        except subprocess.TimeoutExpired:
            if stopping and time.monotonic() - stopping[0] > STOP_SECONDS:
                proc.kill()


def _announce(store: str, host: str, port: int, writable: bool, snapshot: bool,
              cors: bool) -> None:
    base = f"http://{_host_port(host, port)}"
    mode = "read-write" if writable else "read-only"
    if snapshot:
        mode += ", a snapshot: the store is in use by another process"
    click.echo(f"serving {store} ({mode}) at {base}/")
    click.echo(f"  SPARQL query endpoint  {base}/query")
    if writable:
        click.echo(f"  SPARQL update          {base}/update")
        click.echo(f"  Graph Store Protocol   {base}/store")
    click.echo(f"  YASGUI                 {base}/" + ("  (CORS on)" if cors else ""))
    if not _is_loopback(host):
        click.echo(f"warning: listening on {host}: other machines can reach this endpoint",
                   err=True)
    click.echo("Ctrl-C stops the server.")
