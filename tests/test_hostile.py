"""Hostile text: what an article says never becomes markup, terminal control or a fetch.

The browser test of the page is in ``test_html_browser.py``, the ``--param``
injection tests in ``test_sparql_query_command.py`` and the URL refusals
(file:, ftp:, private addresses) in ``test_loaders_url.py``; here the same
promises are checked end to end through ``ingest``.
"""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

HOSTILE = {
    "id": "x<script>alert(1)</script>",
    "title": "</script><script>alert('headline')</script> Talks",
    "text": ("China urged Japan on Monday to stop the <img src=x onerror=alert(2)> missile "
             "tests, a spokesperson said. <script>alert(3)</script> Russia accused Britain of "
             "lying </script><svg onload=alert(4)> about the case.\u2028Officials said so."),
    "url": "javascript:alert(5)",
    "publisher": "<b onmouseover=alert(6)>Daily</b>",
    "author": "A \"quoted\" <i>author</i>",
}
BENIGN = {
    "id": "plain",
    "title": "A calm headline about the talks",
    "text": ("China urged Japan on Monday to stop the planned missile tests, a spokesperson "
             "said. A quiet sentence here. Russia accused Britain of lying about the case. "
             "Officials said so."),
    "url": "https://example.org/news/1",
    "publisher": "Daily",
    "author": "An author",
}
_SCRIPT = re.compile(r"(<script\b[^>]*>)(.*?)</script>", re.S | re.I)


def _parts(page: str) -> tuple[list[str], str]:
    """(the contents of each script element, the markup around them)."""
    return [m.group(2) for m in _SCRIPT.finditer(page)], _SCRIPT.sub("", page)


def _page(tmp_path, cli, record: dict[str, str], name: str) -> str:
    src = tmp_path / f"{name}.jsonl"
    src.write_text(json.dumps(record) + "\n", encoding="utf-8")
    store = str(tmp_path / f"{name}-store")
    res = cli("ingest", src, "--store", store)
    assert res.exit_code == 0, res.output
    page = tmp_path / f"{name}.html"
    res = cli("html", "-o", page, "--store", store)
    assert res.exit_code == 0, res.output
    return page.read_text(encoding="utf-8")


def test_article_text_reaches_the_page_only_as_escaped_data(tmp_path, cli):
    hostile = _page(tmp_path, cli, HOSTILE, "hostile")
    benign = _page(tmp_path, cli, BENIGN, "benign")
    # the hostile text is in the page, escaped for a script element ...
    assert "\\u003cimg src=x onerror=alert(2)\\u003e" in hostile
    assert '"x\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"' in hostile  # the id
    # ... and added no element, attribute, script or line break of its own: not one raw "<"
    # (no tag can start), no '"' in the markup (no attribute can end), and the same scripts
    scripts, markup = _parts(hostile)
    benign_scripts, benign_markup = _parts(benign)
    assert len(scripts) == len(benign_scripts)
    assert [x.count("<") for x in scripts] == [x.count("<") for x in benign_scripts]
    for ch in ("<", ">", '"', "'"):
        assert markup.count(ch) == benign_markup.count(ch), ch
    for needle in ("<img", "<svg", "onerror=", "onload=", "onmouseover=", "javascript:"):
        assert markup.count(needle) == benign_markup.count(needle) == 0, needle
    for needle in ("<script", "</script", "\u2028"):
        assert hostile.count(needle) == benign.count(needle), needle


@pytest.mark.parametrize("fmt", ["table", "csv"])
def test_control_characters_in_articles_never_reach_the_terminal(tmp_path, cli, fmt):
    src = tmp_path / "controls.txt"
    src.write_bytes("Title: Calm \x1b]0;renamed\x07 \u009b2J headline\n\nChina urged Japan on Monday "
                    "to release the \x1b[31m detained \u009b2J crew, a spokesperson said.\n"
                    .encode())
    store = str(tmp_path / "store")
    res = cli("ingest", src, "--store", store)
    assert res.exit_code == 0, res.output
    res = cli("query", "SELECT ?h ?t WHERE { ?a schema:headline ?h ; schema:articleBody ?t }",
              "--store", store, "--format", fmt)
    assert res.exit_code == 0 and "renamed" in res.stdout, res.output
    res2 = cli("extract", src, "--format", fmt)
    assert res2.exit_code == 0 and "detained" in res2.stdout, res2.output
    for out in (res.stdout, res2.stdout):
        assert not any((ord(c) < 32 and c not in "\n\t") or 0x7f <= ord(c) <= 0x9f
                       for c in out), repr(out)


class _Server(BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        _Server.hits.append(self.path)
        if self.path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = b"<html><body><p>Secret internal page.</p></body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def server():
    _Server.hits = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Server)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_redirect_to_a_file_url_is_refused(server, cli):
    res = cli("extract", f"{server}/to-file", "--allow-private")
    assert res.exit_code == 1
    assert res.stderr.strip() == (f"diplograph: {server}/to-file: redirected to "
                                  f"file:///etc/passwd: only http and https URLs can be fetched")


def test_a_feed_cannot_make_diplograph_fetch_a_private_address(tmp_path, server, cli):
    feed = tmp_path / "feed.xml"
    feed.write_text(f"""<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>
        <item><title>Read this</title><link>{server}/internal</link></item>
        <item><title>And this</title><link>http://169.254.169.254/latest/meta-data/</link></item>
        </channel></rss>""")
    res = cli("extract", feed, "--follow-links")
    assert res.exit_code == 1
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 2, res.stderr
    assert all("refusing to fetch from" in ln and "use --allow-private" in ln for ln in lines)
    assert _Server.hits == []  # nothing left the process
