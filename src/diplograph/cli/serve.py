"""``diplograph serve``: the store folder as a SPARQL 1.1 Protocol endpoint, until Ctrl-C.

The work is in :mod:`diplograph.graph.endpoint` (the Oxigraph server behind a
relay that bounds every request); this parses the options, says where the
endpoint is, and stops it on SIGINT or SIGTERM.
"""

from __future__ import annotations

import signal
import threading
from typing import Any

import click

from diplograph.cli import friendly, main, store_option
from diplograph.errors import DiplographError


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
@click.option("--timeout", type=click.FloatRange(min=0.1), default=60.0, show_default=True,
              metavar="SECONDS",
              help="Stop a request that has not answered in this time (HTTP 503).")
@click.option("--max-answer-mb", type=click.IntRange(min=1), default=1024, show_default=True,
              metavar="MB", help="Refuse answers larger than this (HTTP 507).")
@friendly
def serve(store: str, host: str, port: int, writable: bool, cors: bool, timeout: float,
          max_answer_mb: int) -> None:
    """Serve the store as a SPARQL 1.1 Protocol endpoint, until Ctrl-C.

    Runs the Oxigraph server on the store folder: GET or POST /query (the
    default graph is the union of all graphs), a YASGUI page at /, and with
    --writable also /update and the Graph Store Protocol at /store. Every
    answer is given whole or not at all: a query that runs past --timeout, or
    whose client has gone, is stopped. If an ingest holds the store, a
    read-only server serves a snapshot.

    A read-only server does not see later ingests into the folder: restart
    it. To add articles while serving, use --writable and ingest through the
    endpoint: diplograph ingest ... --store http://127.0.0.1:PORT
    """
    from diplograph.graph.endpoint import serve as run

    if store == "memory:" or store.startswith(("http://", "https://")):
        raise click.UsageError(f"serve needs a store folder, not {store!r} "
                               "(a remote store is already an endpoint)")
    stop = threading.Event()

    def on_signal(_signum: int, _frame: Any) -> None:
        stop.set()

    handlers = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        with run(store, host, port, writable=writable, cors=cors, timeout=timeout,
                 max_bytes=max_answer_mb << 20,
                 on_output=lambda line: click.echo(f"oxigraph: {line}", err=True)) as endpoint:
            _announce(store, endpoint.url, host, writable, endpoint.snapshot, cors, timeout)
            while not stop.wait(0.5):
                if endpoint.process.poll() is not None:
                    raise DiplographError(f"the Oxigraph server stopped (exit code "
                                          f"{endpoint.process.returncode})")
    finally:
        for s, h in handlers.items():
            signal.signal(s, h)
    click.echo("stopped", err=True)


def _announce(store: str, base: str, host: str, writable: bool, snapshot: bool, cors: bool,
              timeout: float) -> None:
    from diplograph.graph.remote import is_loopback_host

    mode = "read-write" if writable else "read-only"
    if snapshot:
        mode += ", a snapshot: the store is in use by another process"
    click.echo(f"serving {store} ({mode}) at {base}/")
    click.echo(f"  SPARQL query endpoint  {base}/query   (requests stop after {timeout:g} s)")
    if writable:
        click.echo(f"  SPARQL update          {base}/update")
        click.echo(f"  Graph Store Protocol   {base}/store")
    click.echo(f"  YASGUI                 {base}/" + ("  (CORS on)" if cors else ""))
    if not is_loopback_host(host):
        click.echo(f"warning: listening on {host}: other machines can reach this endpoint",
                   err=True)
    click.echo("Ctrl-C stops the server.")
