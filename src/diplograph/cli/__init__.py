"""The ``diplograph`` command: a thin layer over the library.

Each command parses its options, calls one library function, and turns our
own exceptions into one-line errors (exit 1). Usage errors exit 2. With
``--debug`` a failure shows its traceback.
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import os
import sys
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

import click

from diplograph.errors import BadOption, DiplographError, ValidationFailed
from diplograph.model import EVENT_TYPES

F = TypeVar("F", bound=Callable[..., Any])
EVENT_TYPE_CHOICE = click.Choice(EVENT_TYPES, case_sensitive=False)


def _fail(msg: str) -> None:
    raise click.ClickException(msg.splitlines()[0] if msg else "failed")


def friendly(fn: F) -> F:
    """Our exceptions become one-line errors; others too, unless --debug."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        debug = bool(ctx.find_root().params.get("debug"))
        try:
            result = fn(*args, **kwargs)
            sys.stdout.flush()  # a closed pipe shows here, not at exit
            return result
        except BrokenPipeError:
            _reader_gone()
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except BadOption as err:
            raise click.BadParameter(str(err), param_hint=err.option) from None
        except DiplographError as err:
            if debug:
                raise
            _fail(str(err))
        except KeyboardInterrupt:
            raise click.Abort() from None
        except Exception as err:  # a bug: still one line, with the way to see more
            if debug:
                raise
            _fail(f"internal error: {type(err).__name__}: {err} (run with --debug for details)")

    return wrapper  # type: ignore[return-value]


def _reader_gone() -> None:
    """The reader of our output went away (``diplograph query ... | head``): a normal end.
    Whatever is still buffered goes nowhere, quietly, and the exit code is 0."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass  # not a real file descriptor (a test runner's stream): nothing left to flush
    raise click.exceptions.Exit(0)


wait_option = click.option(
    "--wait", default=60.0, show_default=True, metavar="SECONDS",
    type=click.FloatRange(min=0),
    help="When another process is writing to the store, wait this long for it (0: fail at once).")

store_option = click.option(
    "--store", "store", envvar="DIPLOGRAPH_STORE", default="./diplograph-store",
    show_default=True, metavar="LOCATION",
    help="A store folder, 'memory:', or an http(s):// SPARQL endpoint.")


def filter_options(fn: F) -> F:
    fn = click.option("--article", "articles", multiple=True, metavar="ID",
                      help="Only events from this article (repeatable).")(fn)
    fn = click.option("--until", metavar="DATE", help="Only events on or before this date.")(fn)
    fn = click.option("--since", metavar="DATE", help="Only events on or after this date.")(fn)
    fn = click.option("--actor", "actors", multiple=True, metavar="ACTOR",
                      help="Only events with this actor as source or target: id, label, "
                           "country code or Wikidata QID (repeatable).")(fn)
    fn = click.option("--type", "types", multiple=True, type=EVENT_TYPE_CHOICE,
                      help="Only events of this type (repeatable).")(fn)
    return fn


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="diplograph")
@click.option("--debug", is_flag=True, help="Show tracebacks on errors.")
def main(debug: bool) -> None:
    """diplograph: diplomatic news and statements as a knowledge graph.

    Extract who accuses, condemns, urges, denies, protests to, threatens,
    sanctions, charges, arrests or supports whom, with the sentence behind
    every edge; store it as RDF; query it with SPARQL; draw it as HTML.
    """
    _show_warnings_as_lines()


def _show_warnings_as_lines() -> None:
    """The library's warnings (a renamed duplicate id, rules-only extraction) are one line
    each on stderr, every time, like the errors."""
    from diplograph.errors import DiplographWarning

    warnings.simplefilter("always", DiplographWarning)
    shown = warnings.showwarning
    if getattr(shown, "diplograph", False):
        return

    def show(message: Warning | str, category: type[Warning], filename: str, lineno: int,
             file: Any = None, line: str | None = None) -> None:
        if issubclass(category, DiplographWarning):
            click.echo(f"diplograph: warning: {message}", err=True)
        else:
            shown(message, category, filename, lineno, file, line)

    show.diplograph = True  # type: ignore[attr-defined]
    warnings.showwarning = show


FROM_HELP = ("Input format: auto (by extension, content type and content), text, html, feed, "
             "jsonl, csv, briefing.")


def load_options(fn: F) -> F:
    """The options that say how sources are read; they reach ``fn`` as one ``load_opts``."""

    @functools.wraps(fn)
    def wrapper(*args: Any, day_first: bool | None, follow_links: bool, allow_private: bool,
                timeout: float, **kwargs: Any) -> Any:
        from diplograph.loaders import LoadOptions

        opts = LoadOptions(day_first=day_first, follow_links=follow_links,
                           allow_private=allow_private, timeout=timeout)
        return fn(*args, load_opts=opts, **kwargs)

    for opt in reversed([
        click.option("--day-first/--month-first", "day_first", default=None,
                     help="Read numeric dates like 03/04/2018 as day/month/year or "
                          "month/day/year. Default: such dates stay empty unless only one "
                          "reading is a real date."),
        click.option("--follow-links", is_flag=True,
                     help="Feeds: read the page each item links to instead of its summary."),
        click.option("--allow-private", is_flag=True,
                     help="URLs: allow private, loopback and link-local addresses."),
        click.option("--timeout", default=20.0, show_default=True, metavar="SECONDS",
                     type=click.FloatRange(min=0, min_open=True),
                     help="URLs: give up on a fetch after this long."),
    ]):
        wrapper = opt(wrapper)
    return wrapper  # type: ignore[return-value]


def source_options(fn: F) -> F:
    """--from, --jobs, --field, --rules-only and the loaders' options, shared by ingest and
    extract."""
    fn = load_options(fn)
    fn = click.option("--rules-only", is_flag=True,
                      help="Extract without the English model's parser: works with no model "
                           "installed, but finds far fewer events.")(fn)
    fn = click.option("--field", "fields", multiple=True, metavar="NAME=COLUMN",
                      help="Map a corpus column to a field, e.g. text=body (repeatable).")(fn)
    fn = click.option("--jobs", default=1, show_default=True, type=click.IntRange(1, 64),
                      help="Worker processes for extraction.")(fn)
    return click.option("--from", "fmt", default="auto", show_default=True, metavar="FORMAT",
                        help=FROM_HELP)(fn)


@main.command()
@click.argument("sources", nargs=-1, required=True)
@store_option
@wait_option
@source_options
@friendly
def ingest(sources: tuple[str, ...], store: str, wait: float, fmt: str, jobs: int,
           fields: tuple[str, ...], rules_only: bool, load_opts: Any) -> None:
    """Load SOURCES (files, folders, globs, '-', URLs) into the store.

    One named graph per article. An unchanged article is skipped; a changed
    one replaces its graph. Bad sources are reported one line each; the rest
    still goes in, and the exit code is 1.
    """
    import diplograph as dg
    from diplograph.cli.progress import Progress
    from diplograph.loaders import check_format, parse_fields

    check_format(fmt)
    with dg.open(store, wait=wait) as kg, Progress(sys.stderr) as progress:
        report = kg.ingest(sources, fmt=fmt, jobs=jobs, fields=parse_fields(fields),
                           options=load_opts, use_model=not rules_only, observer=progress)
    click.echo(f"ingested {report.summary()}")
    if report.failed:
        sys.exit(1)


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--format", "out_format", type=click.Choice(["jsonl", "csv", "table"]),
              default="jsonl", show_default=True, help="Output format.")
@source_options
@friendly
def extract(sources: tuple[str, ...], fmt: str, out_format: str, jobs: int,
            fields: tuple[str, ...], rules_only: bool, load_opts: Any) -> None:
    """Extract events from SOURCES to stdout, without a store.

    Sources that cannot be read are reported one line each on stderr (exit 1); on a
    terminal, stderr shows a progress bar.
    """
    from diplograph import pipeline
    from diplograph.cli.progress import Progress
    from diplograph.loaders import check_format, parse_fields
    from diplograph.output.text import write_events

    check_format(fmt)
    progress = Progress(sys.stderr)
    with progress if progress.tty else contextlib.nullcontext():
        extracted = pipeline.extract(sources, fmt=fmt, fields=parse_fields(fields),
                                     options=load_opts, jobs=jobs, use_model=not rules_only,
                                     observer=progress)
        write_events((ev for _, evs in extracted for ev in evs), out_format, sys.stdout)
    if progress.failed:
        sys.exit(1)


@main.command()
@click.argument("query", required=False)
@store_option
@click.option("--format", "out_format", type=click.Choice(["table", "csv", "tsv", "json", "ttl"]),
              default="table", show_default=True,
              help="table, csv, tsv or json (SPARQL Results JSON) for SELECT and ASK; "
                   "ttl (or table) for CONSTRUCT and DESCRIBE.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to VALUE (an IRI in <...>, http(s)://... or a prefixed name "
                   "like wd:Q148 stays an IRI; anything else is a string). Values are bound, "
                   "never pasted into the query. Repeatable.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              metavar="SECONDS", help="Give up on a query that runs longer (exit 1).")
@click.option("--list", "list_queries", is_flag=True,
              help="List the bundled queries and their parameters.")
@friendly
def query(query: str | None, store: str, out_format: str, params: tuple[str, ...],
          timeout: float | None, list_queries: bool) -> None:
    """Run a SPARQL QUERY over all graphs: the text, @FILE, or a bundled name.

    The prefixes dip, id, prov, oa, schema, owl, rdf, rdfs, skos, xsd and wd
    are predefined. Plain patterns see every article (the default graph is
    the union of all graphs); GRAPH ?g picks one.

    \b
    Examples:
      diplograph query --list
      diplograph query accusations-against --param actor=Russia
      diplograph query 'SELECT ?s WHERE { ?s dip:accuses ?t }' --format csv
      diplograph query @my-query.rq --format json
    """
    from diplograph.graph.results import render
    from diplograph.graph.sparql import bundled_queries, parse_params, resolve_query
    from diplograph.pipeline import open_reader

    if list_queries:
        for name, bq in bundled_queries().items():
            click.echo(f"{name:26} {bq.title}")
            for pname, pdesc in bq.params.items():
                click.echo(f"{'':26}   --param {pname}=...  {pdesc}")
        return
    if not query:
        raise click.UsageError("give a QUERY (text, @file.rq, or a name from --list)")
    text, bound = resolve_query(query), parse_params(params)
    with open_reader(store) as kg:
        click.echo(render(kg.query(text, bound, timeout=timeout), out_format), nl=False)


@main.command(name="export")
@store_option
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
              help="The file to write.")
@click.option("--format", "out_format", default=None,
              type=click.Choice(["ttl", "nt", "nq", "trig", "jsonld", "graphml", "gexf", "csv",
                                 "html"]),
              help="Output format (default: from the file's extension).")
@filter_options
@friendly
def export_cmd(store: str, output: str, out_format: str | None, **filters: Any) -> None:
    """Write the store, or the filtered part of it, to a file."""
    from diplograph.graph.kg import Filters
    from diplograph.output import export
    from diplograph.pipeline import open_reader

    with open_reader(store) as kg:
        path = export(kg, output, out_format, Filters.of(**filters))
    click.echo(f"wrote {path}")


@main.command()
@store_option
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
              help="The HTML file to write.")
@click.option("--title", default="diplograph", show_default=True, help="The page's title.")
@click.option("--layout", type=click.Choice(["auto", "physics", "precomputed"]), default="auto",
              show_default=True,
              help="physics: laid out in the browser, then still; precomputed: positions "
                   "computed here (auto: precomputed for big graphs).")
@filter_options
@friendly
def html(store: str, output: str, title: str, layout: str, **filters: Any) -> None:
    """Write the interactive graph page: one self-contained HTML file.

    It opens from the file with no network: nodes are actors (coloured by
    kind), edges are events grouped by source, type and target; hover an edge
    for its sentences. Nothing else is written.
    """
    import diplograph as dg
    from diplograph.pipeline import open_reader

    with open_reader(store) as kg:
        g = kg.network(**filters)
    path = dg.output.html(g, output, title=title, layout=layout)
    click.echo(f"wrote {path} ({g.number_of_nodes()} actors, {g.number_of_edges()} events)")


@main.command()
@store_option
@click.option("--format", "out_format", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.option("--top", default=10, show_default=True, type=click.IntRange(1, 1000),
              help="Rows in each ranking.")
@click.option("--by-state", is_flag=True,
              help="Count governments and ministries as their state.")
@filter_options
@friendly
def stats(store: str, out_format: str, top: int, by_state: bool, **filters: Any) -> None:
    """Counts, top sources and targets, reciprocity, centrality, timelines, speakers."""
    from diplograph.output.text import stats_table
    from diplograph.pipeline import open_reader

    with open_reader(store) as kg:
        data = kg.stats(top=top, by_state=by_state, **filters)
    click.echo(json.dumps(data, indent=2, ensure_ascii=False) + "\n" if out_format == "json"
               else stats_table(data), nl=False)


@main.command()
@click.argument("article")
@store_option
@wait_option
@friendly
def remove(article: str, store: str, wait: float) -> None:
    """Drop one ARTICLE (doc id or IRI) and everything derived from it."""
    import diplograph as dg

    with dg.open(store, wait=wait) as kg:
        if not kg.remove(article):
            _fail(f"{article}: no such article in {store}")
    click.echo(f"removed {article}")


@main.command()
@store_option
@wait_option
@friendly
def migrate(store: str, wait: float) -> None:
    """Convert a store written by an older diplograph to this version's layout, in place.

    Each article is converted in its own transaction; after an interruption, run it
    again. A store that is already current is left as it is.
    """
    from diplograph.graph.migrate import migrate_store

    report = migrate_store(store, wait=wait)
    if report.found in (None, report.now):
        click.echo(f"{store}: already in store format {report.now}")
    else:
        click.echo(f"{store}: converted {report.articles} articles from store format "
                   f"{report.found} to {report.now}")


@main.command()
@store_option
@click.option("--max", "max_shown", default=50, show_default=True,
              help="Show at most this many violations.")
@friendly
def validate(store: str, max_shown: int) -> None:
    """Check the store against the SHACL shapes; exit 1 on violations.

    Each violation is one line on stderr: the node at fault (with its label),
    the property, and what is wrong.
    """
    from diplograph.pipeline import open_reader

    with open_reader(store) as kg:
        report = kg.validate()
    for v in report.violations[:max_shown]:
        click.echo(f"violation: {v}", err=True)
    if len(report.violations) > max_shown:
        click.echo(f"... and {len(report.violations) - max_shown} more", err=True)
    if not report.conforms:
        raise ValidationFailed(report, len(report.violations))
    click.echo(f"valid: {report.triples} triples conform to the shapes")


from diplograph.cli import serve as _serve  # noqa: E402,F401
