"""Web pages: the story without the chrome, metadata from the page itself."""

from __future__ import annotations

import pytest

from conftest import DATA, triples
from diplograph.errors import SourceError
from diplograph.extract import extract_article
from diplograph.loaders import load
from diplograph.loaders.html import parse_html

PAGES = DATA / "loaders"

CHROME = ["Subscribe today", "Advertisement", "Share on Facebook", "Email this story",
          "Related stories", "Five things to know", "Comments (3)", "This is an outrage",
          "calm down", "Most read", "Storm closes", "All rights reserved", "About us",
          "window.adSlots", "display:flex", "Travel insurance"]


def one(path) -> object:
    items = list(load([str(path)]))
    assert len(items) == 1, items
    return items[0]


def test_news_page_metadata_comes_from_json_ld_and_open_graph():
    art = one(PAGES / "news-page.html")
    assert art.id == "news-page"
    assert art.headline == "Canada urges Russia to free detained reporter"
    assert art.date == "2021-03-04"  # datePublished, not dateModified
    assert art.author == "Maren Oakes"
    assert art.publisher == "The Harbour Ledger"
    assert art.url == "https://ledger.example.org/world/2021/03/04/canada-russia-reporter"
    assert art.text.startswith("Canada urges Russia to free detained reporter\n\nCanada on "
                               "Thursday urged Russia")
    assert art.headline_in_text
    assert art.text.count("Canada urges Russia to free detained reporter") == 1


def test_news_page_chrome_never_reaches_the_text():
    art = one(PAGES / "news-page.html")
    for words in CHROME:
        assert words not in art.text, words
    assert art.text.rstrip().endswith("The Kremlin did not reply to a request for comment on "
                                      "Thursday evening.")
    assert len(art.text.split("\n\n")) == 5  # headline and four story paragraphs


def test_news_page_events_follow():
    events = extract_article(one(PAGES / "news-page.html"))
    found = triples(events)
    assert ("CAN", "DEMAND", "RUS") in found
    assert not any("comment" in e.sentence.lower() and "outrage" in e.sentence for e in events)
    assert all(e.date == "2021-03-04" and e.doc == "news-page" for e in events)


def test_saved_page_without_metadata_reads_the_visible_byline():
    art = one(PAGES / "saved-page-no-meta.html")
    assert art.headline == "Seoul protests Tokyo's export curbs"
    assert art.author == "Kim Hara"
    assert art.publisher == "Pacific Daily Herald"
    assert art.date == "2019-07-02"  # "Updated: 2019-07-02 18:05"
    assert art.url is None
    for words in ("ADVERTISEMENT", "Share - WeChat", "Most Viewed", "Ten quiet beaches",
                  "stand firm", "Copyright", "Log in"):
        assert words not in art.text, words
    found = triples(extract_article(art))
    assert ("KOR", "DEMAND", "JPN") in found


JSONLD_GRAPH = """<html><head>
<title>Ignored title | Site</title>
<meta name="author" content="Meta Author">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "Graph Gazette", "url": "https://gazette.example.com/"},
  {"@type": ["NewsArticle"], "headline": "France recalls its envoy from Brazil",
   "datePublished": "2022-09-14", "author": [{"name": "Ana Lima"}, {"name": "Paul Roux"}],
   "publisher": {"@id": "https://gazette.example.com/#org"},
   "mainEntityOfPage": {"@id": "https://gazette.example.com/2022/09/14/recall"}}]}
</script></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>France recalls its envoy from Brazil</h1>
<p>France recalled its ambassador to Brazil on Wednesday for consultations after a row over
remarks made by ministers in both capitals during a summit.</p>
<p>The foreign ministry in Paris said the recall was meant to show how seriously it took the
matter, and it called on Brasilia to explain the remarks.</p></article>
<footer>Graph Gazette. All rights reserved.</footer>
</body></html>"""


def test_json_ld_inside_graph_wins_over_meta_tags():
    art = parse_html(JSONLD_GRAPH, "recall", "recall.html")
    assert art.headline == "France recalls its envoy from Brazil"
    assert art.date == "2022-09-14"
    assert art.author == "Ana Lima, Paul Roux"  # JSON-LD before <meta name=author>
    assert art.publisher == "Graph Gazette"  # the site-wide WebSite node
    assert art.url == "https://gazette.example.com/2022/09/14/recall"
    assert "Home" not in art.text and "All rights reserved" not in art.text


def test_page_without_a_stated_date_gets_none():
    html = JSONLD_GRAPH.replace('"datePublished": "2022-09-14", ', "")
    art = parse_html(html, "recall", "recall.html")
    assert art.date is None
    assert art.headline == "France recalls its envoy from Brazil"


def test_numeric_visible_date_needs_an_explicit_locale():
    html = ("<html><head><title>T</title></head><body><article>"
            "<h1>Chile and Peru sign a border agreement</h1>"
            "<div class='dateline'>Published 03/04/2020</div>"
            "<p>Chile and Peru signed an agreement on Tuesday to settle a long dispute over "
            "their maritime border, officials in both capitals said.</p>"
            "<p>The two governments agreed to set up a joint commission to oversee the work "
            "over the coming years, according to the statement.</p></article></body></html>")
    assert parse_html(html, "d", "d.html").date is None
    assert parse_html(html, "d", "d.html", day_first=True).date == "2020-04-03"
    assert parse_html(html, "d", "d.html", day_first=False).date == "2020-03-04"


def test_windows_1252_page_is_decoded_by_its_declared_charset(tmp_path):
    html = ("<html><head><meta charset='windows-1252'><title>x</title></head><body><article>"
            "<h1>Paris réagit à la décision</h1>"
            "<p>The French government said on Monday it “deeply regrets” the decision and "
            "urged Canada to reconsider it before the café summit in Montréal.</p>"
            "<p>Officials in Paris said talks would continue through the week in order to "
            "find a way out of the dispute between the two allies.</p></article></body></html>")
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("cp1252"))
    art = one(path)
    assert art.headline == "Paris réagit à la décision"
    assert "“deeply regrets”" in art.text and "café" in art.text and "Montréal" in art.text


def test_page_with_no_story_is_one_error_naming_it(tmp_path):
    path = tmp_path / "menu.html"
    path.write_text("<html><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav>"
                    "</body></html>", encoding="utf-8")
    item = one(path)
    assert isinstance(item, SourceError)
    assert str(item) == f"{path}: no article text found in the page"


@pytest.mark.parametrize("name", ["news-page.html", "saved-page-no-meta.html"])
def test_offsets_of_events_index_the_article_text(name):
    art = one(PAGES / name)
    events = extract_article(art)
    assert events
    for ev in events:
        assert art.text[ev.start : ev.end] == ev.sentence
