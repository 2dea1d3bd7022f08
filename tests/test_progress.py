"""The ingest progress line: the share of the input read (by size, and within a source by
records or parts), rates and time left; a bar on a terminal, a line every few seconds
in a log; failures as they happen."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

import diplograph as dg
from diplograph.cli import progress as progress_mod
from diplograph.cli.progress import Progress, clock
from diplograph.errors import SourceError
from diplograph.loaders import Position, Source, plan
from diplograph.model import Article


def art(n: int = 0) -> Article:
    return Article(id=f"a-{n}", text="Some text.", source=f"corpus.jsonl:{n}")


def test_the_share_read_weighs_sources_by_size_and_moves_within_one():
    p = Progress(io.StringIO(), tty=True)
    p.start([Source("small.txt", 100), Source("corpus.jsonl", 900)])
    p.article("ok", art(), 1, Position(0, 1.0))
    assert p.read_share() == 0.1
    p.article("ok", art(1), 1, Position(1, 0.5))  # half-way through the big corpus
    assert p.read_share() == 0.1 + 0.45
    # a position behind the furthest one seen (an unchanged article reported early) never
    # moves the bar back
    p.article("unchanged", art(2), 0, Position(1, 0.2))
    assert p.read_share() == 0.55


def test_a_source_of_unknown_size_weighs_as_much_as_the_average_file():
    p = Progress(io.StringIO(), tty=True)
    p.start([Source("a.txt", 100), Source("https://example.org/x", None), Source("b.txt", 300)])
    assert p.weights == [100, 200, 300]


def test_time_left_comes_from_the_pace_since_the_first_article():
    p = Progress(io.StringIO(), tty=True)
    p.start([Source("corpus.jsonl", 1000)])
    p.article("ok", art(), 1, Position(0, 0.1))
    t0 = p.first[0]
    p.article("ok", art(1), 1, Position(0, 0.3))
    # 20% of the input in 10 s since the first article: 70% to go takes 35 s
    assert abs(p.time_left(now=t0 + 10) - 35) < 1e-6
    assert "0:35 left" in p.line(now=t0 + 10)
    assert "about 0:35 left" in p.log_line(now=t0 + 10)
    assert p.time_left(now=t0 + 1) is None  # too early to tell


def test_the_terminal_line_shows_a_bar_rates_and_counts():
    out = io.StringIO()
    with Progress(out, tty=True) as p:
        p.start([Source("a.txt", 10), Source("b.txt", 10)])
        p.article("ok", art(), 3, Position(0, 1.0))
        p.article("unchanged", art(1), 0, Position(1, 1.0))
        line = p.line()
    assert line.startswith("[") and "100%" in line
    assert "1 articles" in line and "/s)" in line
    assert "3 events" in line and "1 unchanged" in line
    assert out.getvalue().endswith("\r\x1b[K")  # cleared at the end


def test_off_a_terminal_a_status_line_is_written_every_few_seconds(monkeypatch):
    monkeypatch.setattr(progress_mod, "LOG_EVERY_S", 0.05)
    out = io.StringIO()
    with Progress(out, tty=False) as p:
        p.start([Source("corpus.jsonl", 100)])
        p.article("ok", art(), 2, Position(0, 0.5))
        p.article("failed", SourceError("corpus.jsonl:9", "not valid JSON"), 0, Position(0, 0.6))
        time.sleep(0.3)
    lines = out.getvalue().splitlines()
    assert "diplograph: corpus.jsonl:9: not valid JSON" in lines
    status = [ln for ln in lines if "of the input read" in ln]
    assert len(status) >= 2, lines
    assert status[-1].startswith("diplograph: 0:00 1 articles")
    assert "2 events, 1 failed; 60% of the input read" in status[-1]
    assert "\r" not in out.getvalue()


def test_the_plan_counts_files_in_folders_and_globs_once(tmp_path: Path):
    (tmp_path / "news").mkdir()
    for name in ("one.txt", "two.txt", ".hidden.txt"):
        (tmp_path / "news" / name).write_text("x" * 7, encoding="utf-8")
    (tmp_path / "corpus.jsonl").write_text("{}", encoding="utf-8")

    sources = plan([str(tmp_path / "news"), str(tmp_path / "*.jsonl")])
    assert [(Path(s.name).name, s.size) for s in sources] == [
        ("one.txt", 7), ("two.txt", 7), ("corpus.jsonl", 2)]


def test_a_corpus_moves_the_bar_record_by_record(tmp_path: Path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"r{n}", "text": f"Record {n} has text."}) + "\n"
                              for n in range(10)), encoding="utf-8")
    seen: list[float] = []

    class Watch(Progress):
        def article(self, status, item, events, position):
            super().article(status, item, events, position)
            seen.append(self.read_share())

    with dg.open("memory:") as kg:
        kg.ingest([str(corpus)], use_model=False, observer=Watch(io.StringIO(), tty=False))
    assert len(seen) == 10
    assert seen == sorted(seen) and seen[0] < 0.2 and seen[-1] > 0.85


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

    with dg.open(store, read_only=True) as kg:
        assert kg.articles() == ["note"]
