"""Text sources: the seed page's metadata, encodings, dates, stdin and globs."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest

from conftest import triples
from diplograph.errors import SourceError
from diplograph.extract import extract_article
from diplograph.loaders import LoadOptions, load
from diplograph.loaders.dates import find_date

STORY = ("Title: Mexico protests to Guatemala\nDate: 2020-02-11\nPublisher: Gulf Ledger\n\n"
         "Mexico lodged a protest with Guatemala on Tuesday over the treatment of migrants "
         "at the border, the foreign ministry in Mexico City said.\n")


def one(path, **kw):
    items = list(load([str(path)], **kw))
    assert len(items) == 1, items
    return items[0]


def test_seed_page_metadata(seed_path):
    art = one(seed_path)
    assert art.id == "chinadaily-2018-12-22"
    assert art.headline == "US fabricated cyber espionage charges, Beijing says"
    assert art.date == "2018-12-22"  # "Updated: 2018-12-22 02:33"
    assert art.publisher == "China Daily"
    assert art.author == "Zhou Jin"
    assert art.text.startswith(art.headline + "\n\nBeijing said on Friday")
    assert "Share - WeChat" not in art.text and "Global Edition" not in art.text


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252"])
def test_encodings_boms_and_crlf(tmp_path, encoding):
    text = STORY.replace("Tuesday", "Tuesday (“martes”)").replace("\n", "\r\n")
    path = tmp_path / "story.txt"
    path.write_bytes(text.encode(encoding))
    art = one(path)
    assert art.headline == "Mexico protests to Guatemala"
    assert art.publisher == "Gulf Ledger" and art.date == "2020-02-11"
    assert "\r" not in art.text and "\ufeff" not in art.text
    assert "(“martes”)" in art.text
    found = triples(extract_article(art))
    assert ("MEX", "PROTEST", "GTM") in found


def test_text_is_nfc_and_offsets_index_it(tmp_path):
    decomposed = unicodedata.normalize("NFD", STORY.replace("Mexico City", "Ciudad de México"))
    path = tmp_path / "nfd.txt"
    path.write_text(decomposed, encoding="utf-8")
    art = one(path)
    assert unicodedata.is_normalized("NFC", art.text)
    assert "Ciudad de México" in art.text
    for ev in extract_article(art):
        assert art.text[ev.start : ev.end] == ev.sentence


def test_stdin_dash_reads_any_format(cli):
    html = ("<html><head><meta property='og:site_name' content='Piped Post'></head><body>"
            "<article><h1>Chile recalls envoy</h1><p>Chile recalled its ambassador to "
            "Venezuela on Monday in protest at the arrest of opposition figures.</p>"
            "</article></body></html>")
    res = cli("extract", "-", input=html)
    assert res.exit_code == 0, res.output
    docs = {json.loads(line)["doc"] for line in res.stdout.splitlines()}
    # stdin has no name: its content names it, so that two inputs never share an id
    assert len(docs) == 1 and re.fullmatch(r"stdin-[0-9a-f]{8}", docs.pop())
    again = cli("extract", "-", input=html.replace("Monday", "Tuesday"))
    assert '"doc": "stdin-' in again.stdout and again.stdout.split('"doc": ')[1] != \
        res.stdout.split('"doc": ')[1]


def test_globs_and_hidden_files(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "a" / ".hidden.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "two.txt").write_text(STORY.replace("Tuesday", "Wednesday"), encoding="utf-8")
    ids = sorted(a.id for a in load([str(tmp_path / "**" / "*.txt")]))
    assert ids == ["one", "two"]


def test_glob_matching_nothing_is_an_error(tmp_path):
    pattern = str(tmp_path / "*.html")
    (err,) = load([pattern])
    assert isinstance(err, SourceError) and str(err) == f"{pattern}: no such file or folder"


@pytest.mark.parametrize(("stated", "day_first", "iso"), [
    ("Updated: 2018-12-22 02:33", None, "2018-12-22"),
    ("2018-12-21T23:10:00+08:00", None, "2018-12-21"),
    ("December 21, 2018", None, "2018-12-21"),
    ("Dec. 21st, 2018", None, "2018-12-21"),
    ("Friday 21 December 2018", None, "2018-12-21"),
    ("Fri, 21 Dec 2018 10:00:00 GMT", None, "2018-12-21"),
    ("2018/12/21", None, "2018-12-21"),
    ("2018年12月21日", None, "2018-12-21"),
    ("21/12/2018", None, "2018-12-21"),  # only one reading is a date
    ("21.12.2018", True, "2018-12-21"),
    ("03/04/2018", None, None),  # both readings are dates: never guessed
    ("03/04/2018", True, "2018-04-03"),
    ("03/04/2018", False, "2018-03-04"),
    ("12-21-2018", False, "2018-12-21"),
    ("version 2.1.2018 of the rules", None, None),
    ("no date at all", None, None),
])
def test_date_forms(stated, day_first, iso):
    assert find_date(stated, day_first) == iso


def test_date_locale_option_on_the_command_line(tmp_path, cli):
    path = tmp_path / "dated.txt"
    path.write_text(STORY.replace("Date: 2020-02-11", "Date: 11/02/2020"), encoding="utf-8")
    dates = {}
    for flag in ("--day-first", "--month-first", None):
        res = cli("extract", path, *([flag] if flag else []))
        assert res.exit_code == 0, res.output
        dates[flag] = {line.split('"date": ')[1].split(",")[0] for line in res.stdout.splitlines()}
    assert dates == {"--day-first": {'"2020-02-11"'}, "--month-first": {'"2020-11-02"'},
                     None: {"null"}}
    assert one(path, options=LoadOptions(day_first=True)).date == "2020-02-11"
