"""Bad input: every bad source fails on one line of its own; the good ones still land.

The corpus is made here: empty and binary files, broken and odd encodings,
HTML with no body, nested 20,000 deep or cut off, JSON Lines and CSV with
broken records, a broken feed, and URLs on a server this module starts on
127.0.0.1 (404, 500, a redirect loop, a slow drip, a body over the size cap,
an image). One ``ingest`` takes them all with the good sources; then each
bad source must be named on exactly one line with its reason, the exit code
must be 1, no traceback, and the store must hold the good articles and
nothing of the bad ones. Files in odd but valid encodings (UTF-16 with a
BOM, Latin-1) must load with their text intact.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

GOOD_SENTENCE = ("China urged Japan on Monday to release the detained fishing crew without "
                 "delay, a spokesperson for the Foreign Ministry said in Beijing.")
PAGE = (f"<!doctype html><html><head><title>Fishing crew dispute</title></head><body>"
        f"<article><h1>Fishing crew dispute</h1><p>{GOOD_SENTENCE}</p>"
        f"<p>The crew of eleven was stopped near the disputed islands last week, and both "
        f"governments have since exchanged several notes about the incident.</p>"
        f"</article></body></html>")
FRENCH = ("Le ministre français a déclaré que la Chine s'opposait fermement aux sanctions "
          "décidées à Genève, selon un communiqué publié à Zürich.")


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep the test output clean
        pass

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path
        try:
            if path == "/ok":
                self._send(200, PAGE.encode())
            elif path == "/missing":
                self._send(404, b"<html><body>gone</body></html>")
            elif path == "/error":
                self._send(500, b"<html><body>oops</body></html>")
            elif path.startswith("/loop"):
                n = int(path.rsplit("-", 1)[1]) if "-" in path else 0
                self.send_response(302)
                self.send_header("Location", f"/loop-{(n + 1) % 3}")
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif path == "/drip":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                for _ in range(120):  # one byte every half second for a minute
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.5)
            elif path == "/huge":  # no Content-Length: the cap must stop the read
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                self.wfile.write(b"<html><body><p>")
                block = (GOOD_SENTENCE.encode() + b" ") * 4000
                for _ in range(30 * 1024 * 1024 // len(block)):
                    self.wfile.write(block)
            elif path == "/huge-declared":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(50 * 1024 * 1024))
                self.end_headers()
                self.wfile.write(b"<html><body>")
            elif path == "/image":
                self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, ctype="image/png")
            else:
                self._send(404, b"")
        except (BrokenPipeError, ConnectionResetError):  # the client gave up, as it should
            pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _corpus(folder: Path) -> tuple[dict[str, str], set[str]]:
    """Writes the files; returns ({bad source: reason pattern}, {good article ids})."""
    folder.mkdir()
    rng = random.Random(4)
    bad: dict[str, str] = {}
    good: set[str] = set()

    def put(name: str, data: bytes | str) -> str:
        path = folder / name
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        return str(path)

    # files that are not text, or no text at all
    bad[put("empty.txt", b"")] = "empty"
    bad[put("blank.txt", b"  \n\n\t \n")] = "empty"
    bad[put("random.bin", bytes(rng.randrange(256) for _ in range(4096)))] = "binary"
    bad[put("random-no-nul.dat", bytes(rng.randrange(1, 256) for _ in range(4096)))] = \
        "binary|encoding"
    # broken UTF-8 (valid multi-byte text, then a torn character), with and without a BOM
    torn = FRENCH.encode() + b" \xc3\x28 " + FRENCH.encode()
    bad[put("torn-utf8.txt", torn)] = r"invalid UTF-8 at byte \d+"
    bad[put("torn-utf8-bom.txt", b"\xef\xbb\xbf" + torn)] = r"invalid UTF-8 at byte \d+"
    # HTML: no body, nested 20,000 deep, cut off before any text
    bad[put("no-body.html", "<html><head><title>Nothing below</title></head></html>")] = \
        "no article text"
    bad[put("nested.html", "<html><body>" + "<div>" * 20_000 + f"<p>{GOOD_SENTENCE}</p>"
            + "</div>" * 20_000 + "</body></html>")] = "."
    bad[put("cut-early.html", PAGE[:60])] = "."
    # JSON Lines: a good line, a cut-off line, a list, a record without text, a good line
    jsonl = put("corpus.jsonl", "\n".join([
        f'{{"id": "jl-1", "text": "{GOOD_SENTENCE}"}}',
        f'{{"id": "jl-2", "text": "{GOOD_SENTENCE[:30]}',
        '["a", "list", "not", "a", "record"]',
        '{"id": "jl-4", "title": "A record without its text"}',
        f'{{"id": "jl-5", "text": "Russia accused Britain of spreading lies. {GOOD_SENTENCE}"}}',
    ]) + "\n")
    bad[f"{jsonl}:2"] = "JSON"
    bad[f"{jsonl}:3"] = "JSON object"
    bad[f"{jsonl}:4"] = "text"
    good |= {"jl-1", "jl-5"}
    # CSV: a good row, a row short of a column, a row with too many
    csv = put("corpus.csv", f'id,title,text\ncsv-1,Crew,"{GOOD_SENTENCE}"\ncsv-2,Short\n'
                            f'csv-3,Long,"{GOOD_SENTENCE}",one,two\n')
    bad[f"{csv}:3"] = "fields"
    bad[f"{csv}:4"] = "fields"
    good.add("csv-1")
    # a feed whose XML breaks off inside its first item
    bad[put("broken-feed.xml", '<?xml version="1.0"?><rss version="2.0"><channel>'
            '<title>Statements</title><item><title>China urges Japan</title><descr')] = "."

    # good sources, some in odd but valid encodings
    put("good.txt", f"Title: Crew dispute\nDate: 2019-03-04\n\n{GOOD_SENTENCE}\n")
    put("latin1.txt", f"Title: Communiqué\n\n{FRENCH}\n\n{GOOD_SENTENCE}\n".encode("latin-1"))
    put("utf16.txt", f"Title: Déclaration\n\n{FRENCH}\n\n{GOOD_SENTENCE}\n".encode("utf-16"))
    put("good-html.html", PAGE)
    # cut off in the middle of the article: what is there loads
    put("cut-late.html", PAGE[: PAGE.index("The crew of eleven") + 40])
    good |= {"good", "latin1", "utf16", "good-html", "cut-late"}
    return bad, good


def test_bad_sources_fail_one_line_each_and_good_ones_land(tmp_path, server, cli):
    import diplograph as dg

    bad, good = _corpus(tmp_path / "in")
    urls = {f"{server}/missing": "404", f"{server}/error": "500",
            f"{server}/loop": "redirect", f"{server}/drip": "timed out",
            f"{server}/huge": "larger than", f"{server}/huge-declared": "larger than",
            f"{server}/image": "image/png"}
    bad.update(urls)
    store = str(tmp_path / "store")
    res = cli("ingest", tmp_path / "in", f"{server}/ok", *urls, "--store", store,
              "--allow-private", "--timeout", "4")
    err = res.stderr
    assert res.exit_code == 1, res.output
    assert "Traceback" not in res.output
    lines = err.splitlines()
    for src, reason in bad.items():
        named = [ln for ln in lines if f"{src}: " in ln]
        assert len(named) == 1, f"{src} named on {len(named)} lines:\n{err}"
        after = named[0].split(src, 1)[1]
        assert re.search(reason, after, re.I), f"{src}: reason {after!r} lacks {reason!r}"
    assert f"{len(bad)} failed" in res.stdout, res.stdout
    kg = dg.open(store, read_only=True)
    try:
        ids = set(kg.articles())
        url_ids = {i for i in ids if i.startswith("127-0-0-1")}
        assert ids - url_ids == good, ids
        assert len(url_ids) == 1  # /ok
        bodies = {r["d"]: r["t"] for r in kg.query(
            "SELECT ?d ?t WHERE { ?a dip:docId ?d ; schema:articleBody ?t }").values()}
    finally:
        kg.close()
    assert FRENCH in bodies["latin1"]
    assert FRENCH in bodies["utf16"]
    assert "Communiqué" in bodies["latin1"] and "Déclaration" in bodies["utf16"]
    assert GOOD_SENTENCE in bodies["cut-late"]


def test_errors_are_one_line_and_debug_raises_them(tmp_path, cli):
    from click.testing import CliRunner

    from diplograph.cli import main
    from diplograph.errors import StoreError

    missing = tmp_path / "nothing-here.txt"
    res = cli("ingest", missing, "--store", tmp_path / "s")
    assert res.exit_code == 1
    assert "nothing-here.txt: no such file" in res.stderr
    assert "Traceback" not in res.output
    # a store path that is a file: an error from the store, one line without --debug
    (tmp_path / "afile").write_text("x")
    res = cli("ingest", missing, "--store", tmp_path / "afile")
    assert res.exit_code == 1 and len(res.stderr.strip().splitlines()) == 1, res.stderr
    assert "Traceback" not in res.output
    res = CliRunner().invoke(main, ["--debug", "ingest", str(missing), "--store",
                                    str(tmp_path / "afile")])
    assert isinstance(res.exception, StoreError)


def test_a_huge_file_comes_as_parts_of_bounded_size(tmp_path):
    # 5 MB here; bench/bigfile.py ingests 50 MB and prints the peak memory
    from diplograph.loaders import PART_CHARS, load

    rng = random.Random(9)
    words = GOOD_SENTENCE.split()
    pars = []
    size = 0
    while size < 5 * 1024 * 1024:
        par = " ".join(rng.choice(words) for _ in range(rng.randint(20, 120))) + "."
        pars.append(par)
        size += len(par) + 2
    body = "\n\n".join(pars)
    path = tmp_path / "huge.txt"
    path.write_text(f"Title: A very long record\nDate: 2019-05-01\n\n{body}\n")
    parts = list(load([str(path)]))
    assert len(parts) >= 5 * 1024 * 1024 // PART_CHARS
    assert [p.id for p in parts] == [f"huge-part-{n:04d}" for n in range(1, len(parts) + 1)]
    assert all(len(p.text) <= PART_CHARS for p in parts)
    assert all(p.headline == "A very long record" and p.date == "2019-05-01" for p in parts)
    assert parts[0].headline_in_text and not any(p.headline_in_text for p in parts[1:])
    # nothing lost or repeated: the parts are the text, cut at paragraph breaks
    joined = "\n\n".join(p.text for p in parts)
    assert joined == f"A very long record\n\n{body}"


def test_parts_of_an_article_are_stored_with_their_own_events(tmp_path):
    # the 500,000-character default end to end is bench/bigfile.py; here parts of 12,000
    import diplograph as dg
    from diplograph.loaders import split_parts
    from diplograph.model import Article

    sentences = [GOOD_SENTENCE, "Russia accused Britain of spreading lies about the case.",
                 "The talks went on late into the evening without a result."]
    text = "\n\n".join(" ".join(sentences) for _ in range(120))
    parts = list(split_parts(Article(id="long", text=text, headline="A long record",
                                     date="2019-05-01"), limit=12_000))
    assert [p.id for p in parts] == ["long-part-0001", "long-part-0002", "long-part-0003"]
    kg = dg.open(str(tmp_path / "store"))
    try:
        report = kg.ingest_articles(parts)
        assert report.articles == 3 and report.failed == 0
        assert kg.articles() == [p.id for p in parts]
        for part in parts:
            events = kg.events(article=part.id)
            assert {("chn", "DEMAND", "jpn"), ("rus", "ACCUSE", "gbr")} <= {
                (e.source.id, e.type, e.target.id if e.target else None) for e in events}
            assert all(part.text[e.start:e.end] == e.sentence for e in events)
        assert kg.validate().conforms
    finally:
        kg.close()


def _as_nobody(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command line as an unprivileged user: root reads anything, so a folder that
    cannot be read needs someone else to try."""
    cmd = [sys.executable, "-m", "diplograph", *args]
    if os.geteuid() == 0:
        cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *cmd]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, timeout=120)


def test_unreadable_folders_and_files_are_one_line_each_and_exit_1():
    top = Path(tempfile.mkdtemp(prefix="diplograph-perm-"))  # not under pytest's 0700 folder
    try:
        top.chmod(0o755)
        (top / "ok").mkdir()
        (top / "ok" / "a.txt").write_text("Japan condemned North Korea on Monday.\n")
        locked = top / "locked"
        locked.mkdir()
        (locked / "b.txt").write_text("Chile urged Peru to talk.\n")
        secret = top / "secret.txt"
        secret.write_text("Brazil urged Venezuela to free the observers.\n")
        locked.chmod(0o700 if os.geteuid() == 0 else 0o000)
        secret.chmod(0o600 if os.geteuid() == 0 else 0o000)

        res = _as_nobody(["extract", str(top), "--rules-only", "--format", "table"], top)
        assert res.returncode == 1
        assert "CRITICIZE Japan -> North Korea" in res.stdout  # the readable file still goes in
        assert res.stderr.splitlines() == [  # a folder's own files first, then its folders
            f"diplograph: {secret}: Permission denied",
            f"diplograph: {locked}: cannot read this folder (Permission denied)"], res.stderr

        res = _as_nobody(["extract", str(locked / "b.txt"), "--rules-only"], top)
        assert res.returncode == 1
        assert res.stderr.splitlines() == [f"diplograph: {locked / 'b.txt'}: Permission denied"]
    finally:
        for p in (top / "locked", top / "secret.txt"):
            p.chmod(0o700)
        shutil.rmtree(top)
