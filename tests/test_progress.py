"""The ingest progress line: sources out of a total, rates, time left on a terminal;
nothing but failures (and the command's summary) anywhere else."""

from __future__ import annotations

import io
from pathlib import Path

from diplograph.cli.progress import Progress, clock, count_sources
from diplograph.errors import SourceError
from diplograph.model import Article


def art(source: str, n: int = 0) -> Article:
    return Article(id=f"{Path(source).stem}-{n}", text="Some text.", source=source)


def test_time_left_comes_from_the_pace_so_far():
    p = Progress(io.StringIO(), total=5, tty=True)
    for name in ("a.txt", "b.txt", "c.txt"):
        p.item("ok", art(name), 2)

    # three sources in 6 s: 2 s each, two to go
    assert p.time_left(now=p.start + 6) == 4
    assert "0:04 left" in p.line(now=p.start + 6)
    assert "3/5" in p.line(now=p.start + 6)


def test_the_terminal_line_shows_a_bar_rates_and_counts():
    out = io.StringIO()
    with Progress(out, total=4, tty=True) as p:
        p.item("ok", art("a.txt"), 3)
        p.item("unchanged", art("b.txt"), 0)
        line = p.line()
    assert line.startswith("[")
    assert "2/4" in line
    assert "1 articles" in line and "/s)" in line
    assert "3 events" in line and "1 unchanged" in line
    assert out.getvalue().startswith("\r\x1b[K")  # redrawn in place
    assert out.getvalue().endswith("\r\x1b[K")  # and cleared at the end


def test_records_of_one_corpus_file_count_as_one_source():
    p = Progress(io.StringIO(), total=2, tty=True)
    for n in range(1, 4):
        p.item("ok", art(f"corpus.jsonl:{n}", n), 1)
    p.item("ok", art("feed.xml#item1"), 1)
    p.item("ok", art("feed.xml#item2"), 1)

    assert p.sources_seen == 2


def test_once_every_source_has_started_there_is_no_guess_of_the_time_left():
    p = Progress(io.StringIO(), total=1, tty=True)
    for n in range(3):
        p.item("ok", art(f"big.jsonl:{n}", n), 1)

    assert p.time_left() is None
    assert "left" not in p.line()


def test_off_a_terminal_only_failures_are_written():
    out = io.StringIO()
    with Progress(out, sources=["does-not-matter/"]) as p:
        p.item("ok", art("a.txt"), 1)
        p.item("failed", SourceError("b.txt", "empty file"), 0)
        p.item("unchanged", art("c.txt"), 0)

    assert p.total is None  # sources are not even expanded for a pipe
    assert out.getvalue() == "diplograph: b.txt: empty file\n"
    assert (p.done, p.failed, p.unchanged, p.events) == (1, 1, 1, 1)


def test_the_total_counts_files_in_folders_and_globs(tmp_path: Path):
    (tmp_path / "news").mkdir()
    for name in ("one.txt", "two.txt", ".hidden.txt"):
        (tmp_path / "news" / name).write_text("x", encoding="utf-8")
    (tmp_path / "corpus.jsonl").write_text("{}", encoding="utf-8")

    assert count_sources([str(tmp_path / "news"), str(tmp_path / "*.jsonl")]) == 3
    p = Progress(io.StringIO(), sources=[str(tmp_path / "news")], tty=True)
    assert p.total == 2


def test_clock_reads_like_a_clock():
    assert [clock(7), clock(754), clock(3723)] == ["0:07", "12:34", "1:02:03"]


def test_ingest_off_a_terminal_ends_with_one_summary_line(cli, tmp_path: Path):
    src = tmp_path / "note.txt"
    src.write_text("Title: A note\nDate: 2022-05-01\n\nJapan accused China of spying on its "
                   "ministries.\n", encoding="utf-8")
    store = str(tmp_path / "store")

    result = cli("ingest", src, "--store", store)

    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("ingested 1 articles"), result.stdout
    assert "\r" not in result.output

    import diplograph as dg

    with dg.open(store, read_only=True) as kg:
        assert kg.articles() == ["note"]
