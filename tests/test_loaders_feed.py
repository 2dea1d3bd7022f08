"""RSS and Atom feeds: one article per item."""

from __future__ import annotations

from conftest import DATA, triples
from diplograph.errors import SourceError
from diplograph.extract import extract_articles
from diplograph.loaders import load

PAGES = DATA / "loaders"


def items(*paths, **kw):
    return list(load([str(p) for p in paths], **kw))


def test_rss_items_become_articles_with_their_metadata():
    arts = items(PAGES / "world-news.rss")
    assert [a.headline for a in arts] == [
        "Australia lodges protest with China over detained writer",
        "EU condemns missile test by North Korea",
        "Japan and India agree to deepen maritime cooperation",
    ]
    first = arts[0]
    assert first.id == "ledger-example-org-world-2019-01-24-australia-china-writer"
    assert first.url == "https://ledger.example.org/world/2019/01/24/australia-china-writer"
    assert first.date == "2019-01-24"  # as the item states it, not shifted to UTC
    assert first.author == "Ines Palmer"
    assert first.publisher == "The Harbour Ledger: World"
    # full content wins over the summary; its share button does not survive
    assert "formal protest" in first.text and "consular access to an Australian" not in first.text
    assert "Share this story" not in first.text
    assert first.text.startswith(first.headline + "\n\n")
    assert arts[1].text.endswith("a breach of UN resolutions.")  # summary, tags stripped
    assert "<p>" not in arts[1].text
    assert arts[2].author is None and arts[2].date == "2019-10-29"


def test_atom_entries_become_articles():
    arts = items(PAGES / "statements.atom")
    assert [(a.headline, a.date, a.author) for a in arts] == [
        ("Germany summons Russian ambassador over cyber attack", "2020-05-28", "Lea Brandt"),
        ("Canada sanctions Iranian officials", "2020-06-01", None),  # only <updated>
    ]
    assert {a.publisher for a in arts} == {"Northern Wire: Diplomacy"}
    assert arts[0].url == "https://wire.example.net/diplomacy/germany-russia-cyber"


def test_feed_events_follow():
    arts = items(PAGES / "world-news.rss", PAGES / "statements.atom")
    found = {a.headline: triples(evs) for a, evs in extract_articles(arts)}
    assert ("AUS", "PROTEST", "CHN") in found[
        "Australia lodges protest with China over detained writer"]
    assert ("european union", "CRITICIZE", "PRK") in found[
        "EU condemns missile test by North Korea"]
    assert ("CAN", "SANCTION", "IRN") in found["Canada sanctions Iranian officials"]


def test_xml_feed_is_detected_by_content(tmp_path):
    path = tmp_path / "export.xml"
    path.write_bytes((PAGES / "statements.atom").read_bytes())
    assert len(items(path)) == 2


def test_feed_in_a_legacy_encoding_keeps_its_letters(tmp_path):
    rss = ('<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel>'
           '<title>Вести</title><item><title>Москва и Минск</title><link>https://v.example/1'
           '</link><description>Russia and Belarus agreed on Friday to hold joint exercises.'
           '</description></item></channel></rss>')
    path = tmp_path / "v.rss"
    path.write_bytes(rss.encode("cp1251"))
    (art,) = items(path)
    assert art.headline == "Москва и Минск" and art.publisher == "Вести"


def test_item_without_text_is_reported_and_the_others_load(tmp_path):
    rss = ('<rss version="2.0"><channel><title>Wire</title>'
           '<item><title>Empty one</title><link>https://w.example/1</link></item>'
           '<item><title>Full one</title><link>https://w.example/2</link>'
           '<description>Spain expelled two diplomats on Monday, officials said.</description>'
           '</item></channel></rss>')
    path = tmp_path / "wire.rss"
    path.write_text(rss, encoding="utf-8")
    bad, good = items(path)
    assert isinstance(bad, SourceError)
    assert str(bad) == (f"{path}: item 1: no text in the item 'Empty one' "
                        f"(use --follow-links to read the linked page)")
    assert good.headline == "Full one"


def test_file_that_is_no_feed_is_one_error_and_exit_1(cli, tmp_path):
    broken = tmp_path / "broken.rss"
    broken.write_text("feed export failed: quota exceeded", encoding="utf-8")
    error_page = tmp_path / "error.rss"
    error_page.write_text("<html><body><h1>503 Service Unavailable</h1></body></html>",
                          encoding="utf-8")
    empty = tmp_path / "empty.rss"
    empty.write_text('<rss version="2.0"><channel><title>Quiet</title></channel></rss>',
                     encoding="utf-8")
    res = cli("extract", broken, error_page, empty)
    assert res.exit_code == 1
    assert res.stderr.splitlines() == [
        f"diplograph: {broken}: not an RSS or Atom feed (syntax error)",
        f"diplograph: {error_page}: not an RSS or Atom feed",
        f"diplograph: {empty}: no items in the feed",
    ]
    assert res.stdout == ""
