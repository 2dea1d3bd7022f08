"""URLs: fetched from a local HTTP server this test starts on 127.0.0.1, with
--allow-private; every refusal and failure is one line and exit code 1."""

from __future__ import annotations

import gzip
import http.server
import socket
import threading
import time
from collections.abc import Callable, Iterator

import pytest

import diplograph as dg
from conftest import DATA, triples
from diplograph.errors import SourceError, SourceWarning
from diplograph.extract import extract_articles
from diplograph.loaders import LoadOptions, load
from diplograph.loaders.url import url_id
from diplograph.model import Article

PAGES = DATA / "loaders"
Route = Callable[[http.server.BaseHTTPRequestHandler], None]


def send(status: int, body: bytes = b"", ctype: str | None = "text/html; charset=utf-8",
         **headers: str) -> Route:
    def route(h: http.server.BaseHTTPRequestHandler) -> None:
        h.send_response(status)
        if ctype:
            h.send_header("Content-Type", ctype)
        for k, v in headers.items():
            h.send_header(k.replace("_", "-"), v)
        if "Content_Length" not in headers:
            h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)
    return route


def slow(h: http.server.BaseHTTPRequestHandler) -> None:
    time.sleep(1.5)
    send(200, b"<p>late</p>")(h)


def endless(h: http.server.BaseHTTPRequestHandler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/plain")
    h.end_headers()  # no Content-Length: the body runs until the connection closes
    try:
        for _ in range(64):
            h.wfile.write(b"Spain urged Morocco to act. " * 1000)
    except OSError:
        pass
    h.close_connection = True


class Server:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[str] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server.hits.append(self.path)
                server.routes.get(self.path, send(404, b"not here"))(self)

        class Quiet(http.server.ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request: object, client_address: object) -> None:
                pass  # clients that hang up early (size cap, timeout) are the point

        self.httpd = Quiet(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    srv = Server()
    news = (PAGES / "news-page.html").read_bytes()
    story = news.replace(b"Canada urges Russia", b"Canada presses Russia")
    srv.routes.update({
        "/news": send(200, news),
        "/briefing": send(200, (PAGES / "briefing-page.html").read_bytes()),
        "/gz": send(200, gzip.compress(news), Content_Encoding="gzip"),
        "/latin": send(200, (b"<html><body><article><h1>Qu\xe9bec r\xe9pond</h1><p>The "
                             b"government in Qu\xe9bec said on Monday it regretted the "
                             b"decision and urged Ottawa to reconsider it.</p></article>"
                             b"</body></html>"), "text/html; charset=windows-1252"),
        "/hop": send(302, ctype=None, Location="/news"),
        "/loop": send(302, ctype=None, Location="/loop"),
        "/to-file": send(302, ctype=None, Location="file:///etc/passwd"),
        "/img": send(200, b"\x89PNG....", "image/png"),
        "/huge": send(200, b"", Content_Length=str(300 * 1024 * 1024)),
        "/endless": endless,
        "/slow": slow,
        "/gone": send(410, b"gone"),
        "/story/1": send(200, story),
        "/feed.rss": send(200, f"""<?xml version="1.0"?><rss version="2.0"><channel>
            <title>Local Wire</title>
            <item><title>Feed title one</title><link>{srv.base}/story/1</link>
              <pubDate>Mon, 01 Mar 2021 10:00:00 GMT</pubDate>
              <description>Short summary that mentions nobody.</description></item>
            <item><title>Feed title two</title><link>{srv.base}/story/2</link>
              <description>A second summary.</description></item>
            <item><title>Feed title three</title><link>{srv.base}/story/3</link></item>
            </channel></rss>""".encode(), "application/rss+xml"),
    })
    yield srv
    srv.httpd.shutdown()
    srv.httpd.server_close()


def test_fetched_page_is_read_like_a_saved_one(server, cli, store_dir):
    url = server.url("/news")
    res = cli("ingest", url, "--store", store_dir, "--allow-private")
    assert res.exit_code == 0, res.output
    assert res.stdout.startswith("ingested 1 articles,")
    with dg.open(store_dir) as kg:
        assert kg.articles() == [url_id(url)] == ["127-0-0-1-news"]
        rows = kg.query("SELECT ?h ?d ?p WHERE { ?a schema:headline ?h ; schema:datePublished ?d ;"
                        " schema:publisher/schema:name ?p }").rows
        assert [(r[0].value, r[1].value, r[2].value) for r in rows] == [
            ("Canada urges Russia to free detained reporter", "2021-03-04", "The Harbour Ledger")]
        assert ("CAN", "DEMAND", "RUS") in triples(kg.events())


def test_gzip_redirect_and_transport_charset(server):
    opts = LoadOptions(allow_private=True)
    gz, hop, latin = (next(iter(load([server.url(p)], options=opts)))
                      for p in ("/gz", "/hop", "/latin"))
    assert gz.headline == hop.headline == "Canada urges Russia to free detained reporter"
    assert hop.url == "https://ledger.example.org/world/2021/03/04/canada-russia-reporter"
    assert hop.source == server.url("/hop")
    assert latin.headline == "Québec répond" and "Québec said" in latin.text


def test_fetched_briefing_is_detected(server):
    (art,) = load([server.url("/briefing")], options=LoadOptions(allow_private=True))
    assert art.speaker == "Hua Chunying" and art.date == "2018-12-21"
    assert [r for _, _, r in art.segments] == ["question", "answer"] * 3


def test_feed_follow_links_reads_the_linked_pages(server, cli):
    opts = LoadOptions(allow_private=True, follow_links=True)
    with pytest.warns(SourceWarning) as warned:
        first, second, third = load([server.url("/feed.rss")], options=opts)
    assert first.headline == "Canada presses Russia to free detained reporter"  # the page's
    assert first.date == "2021-03-04" and first.publisher == "The Harbour Ledger"
    assert "Short summary" not in first.text and "Canada on Thursday urged" in first.text
    assert first.id == url_id(server.url("/story/1"))
    (_, events), = extract_articles([first])
    assert ("CAN", "DEMAND", "RUS") in triples(events)
    # a link that cannot be read: the item's own summary, said once
    assert isinstance(second, Article) and second.text.endswith("A second summary.")
    assert [str(w.message) for w in warned] == [
        f"{server.url('/feed.rss')}: item 2 ({server.url('/story/2')}): HTTP 404 Not Found; "
        "read the item's own text instead"]
    # no summary to fall back on: the item fails, naming the page
    assert isinstance(third, SourceError)
    assert str(third) == (f"{server.url('/feed.rss')}: item 3 ({server.url('/story/3')}): "
                          "HTTP 404 Not Found")
    # without --follow-links the items' own summaries are the articles
    plain = list(load([server.url("/feed.rss")], options=LoadOptions(allow_private=True)))
    assert [a.text.split("\n\n")[1] for a in plain[:2]] == [
        "Short summary that mentions nobody.", "A second summary."]
    res = cli("extract", server.url("/feed.rss"), "--allow-private", "--follow-links")
    assert res.exit_code == 1
    lines = res.stderr.strip().splitlines()
    assert lines[0] == (f"diplograph: warning: {server.url('/feed.rss')}: item 2 "
                        f"({server.url('/story/2')}): HTTP 404 Not Found; read the item's own "
                        "text instead")
    assert lines[1].endswith(f"item 3 ({server.url('/story/3')}): HTTP 404 Not Found")
    assert '"type": "DEMAND"' in res.stdout


def closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


@pytest.mark.parametrize(("path", "extra", "reason"), [
    ("/news", (), "refusing to fetch from 127.0.0.1: a private, loopback or reserved "
                  "address (use --allow-private to allow it)"),
    ("/loop", ("--allow-private",), "too many redirects (more than 5)"),
    ("/to-file", ("--allow-private",), "redirected to file:///etc/passwd: only http and "
                                       "https URLs can be fetched"),
    ("/img", ("--allow-private",), "unsupported content type image/png (expected a web page, "
                                   "feed, text or corpus)"),
    ("/huge", ("--allow-private",), "larger than 20 MB (Content-Length 314572800)"),
    ("/slow", ("--allow-private", "--timeout", "0.3"), "timed out after 0.3 s"),
    ("/gone", ("--allow-private",), "HTTP 410 Gone"),
])
def test_url_failures_are_one_line_and_exit_1(server, cli, store_dir, path, extra, reason):
    url = server.url(path)
    good = PAGES / "news-page.html"
    res = cli("ingest", url, good, "--store", store_dir, *extra)
    assert res.exit_code == 1
    assert res.stderr.strip() == f"diplograph: {url}: {reason}"
    assert res.stdout.startswith("ingested 1 articles, ")
    assert res.stdout.strip().endswith(" 1 failed")
    with dg.open(store_dir) as kg:
        assert kg.articles() == ["news-page"]  # the rest of the batch landed


ALLOWED = "--allow-private"


@pytest.mark.parametrize(("url", "reason"), [
    # not even with --allow-private
    ("file:///etc/passwd", "only http and https URLs can be fetched, not file:"),
    ("file:/etc/hostname", "only http and https URLs can be fetched, not file:"),
    ("ftp://ftp.example.org/news.txt", "only http and https URLs can be fetched, not ftp:"),
    # only without it
    ("http://localhost/news", "refusing to fetch from localhost (127.0.0.1): a private, "
                              "loopback or reserved address (use --allow-private to allow it)"),
    ("http://10.1.2.3/news", "refusing to fetch from 10.1.2.3: a private, loopback or "
                             "reserved address (use --allow-private to allow it)"),
    ("http://169.254.169.254/latest/", "refusing to fetch from 169.254.169.254: a private, "
                                       "loopback or reserved address (use --allow-private to "
                                       "allow it)"),
    ("http://[::1]:8080/", "refusing to fetch from ::1: a private, loopback or reserved "
                           "address (use --allow-private to allow it)"),
])
def test_refused_urls_never_leave_the_machine(cli, url, reason):
    extra = [ALLOWED] if url.startswith(("file", "ftp")) else []
    res = cli("extract", url, *extra)
    assert res.exit_code == 1
    assert res.stderr.strip() == f"diplograph: {url}: {reason}"


def test_connection_refused_is_reported(cli):
    port = closed_port()
    url = f"http://127.0.0.1:{port}/x"
    res = cli("extract", url, ALLOWED)
    assert res.exit_code == 1
    assert res.stderr.strip() == f"diplograph: {url}: connection refused by 127.0.0.1:{port}"


def test_body_over_the_cap_is_cut_off_while_streaming(server):
    opts = LoadOptions(allow_private=True, max_url_bytes=100_000)
    (err,) = load([server.url("/endless")], options=opts)
    assert isinstance(err, SourceError)
    assert str(err) == f"{server.url('/endless')}: larger than 100000 bytes"
