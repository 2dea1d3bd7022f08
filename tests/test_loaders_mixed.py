"""One folder mixing every format: one named graph per article, each with the
right headline, date and publisher; bad sources are counted, the rest lands."""

from __future__ import annotations

import shutil

import pytest

import diplograph as dg
from conftest import DATA
from diplograph.graph import iris

PAGES = DATA / "loaders"

EXPECTED = {
    # doc id: (headline, date, publisher)
    "news-page": ("Canada urges Russia to free detained reporter", "2021-03-04",
                  "The Harbour Ledger"),
    "saved-page-no-meta": ("Seoul protests Tokyo's export curbs", "2019-07-02",
                           "Pacific Daily Herald"),
    "briefing-2018-12-21": ("Foreign Ministry Spokesperson Hua Chunying's Regular Press "
                            "Conference on December 21, 2018", "2018-12-21", None),
    "briefing-page": ("Foreign Ministry Spokesperson Hua Chunying's Regular Press Conference "
                      "on December 21, 2018", "2018-12-21", "Ministry of Foreign Affairs"),
    "ledger-example-org-world-2019-01-24-australia-china-writer": (
        "Australia lodges protest with China over detained writer", "2019-01-24",
        "The Harbour Ledger: World"),
    "ledger-example-org-world-2019-05-10-eu-north-korea-missile": (
        "EU condemns missile test by North Korea", "2019-05-10", "The Harbour Ledger: World"),
    "ledger-example-org-world-2019-10-29-japan-india-maritime": (
        "Japan and India agree to deepen maritime cooperation", "2019-10-29",
        "The Harbour Ledger: World"),
    "wire-example-net-diplomacy-germany-russia-cyber": (
        "Germany summons Russian ambassador over cyber attack", "2020-05-28",
        "Northern Wire: Diplomacy"),
    "wire-example-net-diplomacy-canada-iran-sanctions": (
        "Canada sanctions Iranian officials", "2020-06-01", "Northern Wire: Diplomacy"),
    "c-1": ("Poland expels Russian diplomats", "2022-03-14", "Northern Wire"),
    "c-2": ("Japan protests to Russia over island drills", "2022-03-20", "Northern Wire"),
    "j-1": ("Turkey condemns attack on embassy", "2021-11-02", "Bosporus Post"),
    "front-matter": ("Brazil and Argentina agree to trade in local currencies", "2023-01-23",
                     "Southern Cone Review"),
}


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    root = tmp_path_factory.mktemp("mixed")
    folder = root / "sources"
    (folder / "feeds").mkdir(parents=True)
    (folder / "pages" / "briefings").mkdir(parents=True)
    shutil.copy(PAGES / "news-page.html", folder / "pages")
    shutil.copy(PAGES / "saved-page-no-meta.html", folder / "pages")
    shutil.copy(PAGES / "briefing-page.html", folder / "pages" / "briefings")
    shutil.copy(PAGES / "briefing-2018-12-21.txt", folder / "pages" / "briefings")
    shutil.copy(PAGES / "world-news.rss", folder / "feeds")
    shutil.copy(PAGES / "statements.atom", folder / "feeds" / "statements.xml")
    (folder / "corpus.csv").write_text(
        "id,title,date,publisher,text\n"
        'c-1,Poland expels Russian diplomats,14/03/2022,Northern Wire,"Poland expelled 45 '
        'Russian diplomats on Wednesday, accusing them of spying for Moscow."\n'
        "c-2,Japan protests to Russia over island drills,2022-03-20,Northern Wire,Japan "
        "lodged a protest with Russia on Sunday over military drills on the disputed "
        "islands.\n", encoding="utf-8")
    (folder / "corpus.jsonl").write_text(
        (PAGES / "corpus.jsonl").read_text(encoding="utf-8").splitlines()[0] + "\n",
        encoding="utf-8")
    (folder / "front-matter.txt").write_bytes(
        "Title: Brazil and Argentina agree to trade in local currencies\r\n"
        "Date: January 23, 2023\r\nPublisher: Southern Cone Review\r\n\r\n"
        "Brazil and Argentina agreed on Monday to work towards trading in their own "
        "currencies, the two presidents said in Buenos Aires.\r\n".encode("utf-8-sig"))
    (folder / ".draft.txt").write_text("Hidden drafts never load.", encoding="utf-8")
    (folder / ".cache").mkdir()
    (folder / ".cache" / "old.html").write_text("<p>hidden folder</p>", encoding="utf-8")
    store = str(root / "store")
    return folder, store


def test_folder_of_every_format_gives_one_graph_per_article(mixed, cli):
    folder, store = mixed
    res = cli("ingest", folder, "--store", store)
    assert res.exit_code == 0, res.output
    assert res.stderr == ""
    assert res.stdout.startswith(f"ingested {len(EXPECTED)} articles, ")
    assert res.stdout.strip().endswith("0 unchanged (skipped), 0 failed")
    with dg.open(store) as kg:
        assert kg.articles() == sorted(EXPECTED)
        rows = kg.query("""
            SELECT ?g ?doc ?headline ?date ?publisher WHERE {
              GRAPH ?g { ?a a schema:NewsArticle ; dip:docId ?doc ; schema:headline ?headline .
                OPTIONAL { ?a schema:datePublished ?date } }
              OPTIONAL { ?a schema:publisher/schema:name ?publisher } }""").rows
        got = {}
        for g, doc, headline, date, publisher in rows:
            assert g.value == iris.article_graph(doc.value)  # its own named graph
            got[doc.value] = (headline.value, date.value if date else None,
                              publisher.value if publisher else None)
        assert got == EXPECTED
        assert kg.events(article="briefing-page")
        assert kg.events(article="c-1")


def test_ingesting_the_folder_again_changes_nothing(mixed, cli):
    folder, store = mixed
    cli("ingest", folder, "--store", store)
    res = cli("ingest", folder, "--store", store)
    assert res.exit_code == 0
    assert res.stdout.strip() == (f"ingested 0 articles, 0 events, {len(EXPECTED)} unchanged "
                                  "(skipped), 0 failed")


def test_bad_sources_in_a_batch_are_counted_and_exit_1(tmp_path, cli):
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(PAGES / "news-page.html", folder)
    (folder / "scan.txt").write_bytes(b"\x00\x01\x02PDF-ish\x00" * 20)
    (folder / "blank.html").write_text("   \n", encoding="utf-8")
    missing = tmp_path / "nowhere.txt"
    store = str(tmp_path / "store")
    res = cli("ingest", folder, missing, "--store", store)
    assert res.exit_code == 1
    assert sorted(res.stderr.splitlines()) == sorted([
        f"diplograph: {folder / 'blank.html'}: empty file",
        f"diplograph: {folder / 'scan.txt'}: binary file, not text",
        f"diplograph: {missing}: no such file or folder",
    ])
    assert res.stdout.startswith("ingested 1 articles, ")
    assert res.stdout.strip().endswith("0 unchanged (skipped), 3 failed")
    with dg.open(store) as kg:
        assert kg.articles() == ["news-page"]


def test_unknown_input_format_is_a_usage_error(cli):
    res = cli("extract", PAGES / "news-page.html", "--from", "pdf")
    assert res.exit_code == 2
    assert "'pdf' is not one of auto, briefing, csv, feed, html, jsonl, text" in res.stderr


def test_forced_format_overrides_the_extension(tmp_path, cli):
    path = tmp_path / "export.txt"
    path.write_bytes((PAGES / "world-news.rss").read_bytes())
    res = cli("extract", path, "--from", "feed", "--format", "csv")
    assert res.exit_code == 0, res.output
    docs = {line.split(",")[0] for line in res.stdout.splitlines()[1:]}
    assert "ledger-example-org-world-2019-01-24-australia-china-writer" in docs
