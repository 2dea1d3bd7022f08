"""Press-briefing transcripts: the spokesperson in the title answers every
question, the date comes from the title, the turns are marked as segments."""

from __future__ import annotations

import re

import pytest

from conftest import DATA, triples
from diplograph.extract import extract_article
from diplograph.loaders import load
from diplograph.loaders.briefing import match_title, parse_briefing_text

PAGES = DATA / "loaders"
TITLE = "Foreign Ministry Spokesperson Hua Chunying's Regular Press Conference on December 21, 2018"


def one(path, **kw):
    items = list(load([str(path)], **kw))
    assert len(items) == 1, items
    return items[0]


MARKER = re.compile(r"^(Q|A|[A-Z][\w ]+):\s*")


def turns(art):
    """(role, words) of each turn, without its marker."""
    return [(role, MARKER.sub("", art.text[s:e], count=1)) for s, e, role in art.segments]


@pytest.mark.parametrize("name", ["briefing-2018-12-21.txt", "briefing-page.html"])
def test_briefing_fields_from_text_and_html(name):
    art = one(PAGES / name)
    assert art.headline == TITLE
    assert art.speaker == "Hua Chunying"  # not Lu Kang (other briefings) nor Heather Nauert
    assert art.speaker_role == "Foreign Ministry Spokesperson"
    assert art.date == "2018-12-21"  # the title's date, not the page's 2018-12-22
    assert art.author is None
    assert art.text.startswith(TITLE + "\n\nQ: US State Department spokesperson")
    got = turns(art)
    assert [r for r, _ in got] == ["question", "answer"] * 3
    assert got[0][1].startswith("US State Department spokesperson Heather Nauert said")
    assert got[0][1].endswith("What is your response?")
    assert got[1][1] == ("China firmly rejects these groundless accusations. We urge the United "
                         "States to stop smearing China and to withdraw the charges against the "
                         "two Chinese citizens at once.")
    # the last answer runs on into its unmarked second paragraph, and no further
    assert got[5][1].startswith("China and Japan have agreed to hold talks in Beijing")
    assert got[5][1].endswith("we will release information in due course.")
    for chrome in ("Print", "Close", "Previous", "Lu Kang", "Home", "Copyright", "Latest"):
        assert chrome not in art.text, chrome


def test_briefing_html_keeps_the_page_metadata():
    art = one(PAGES / "briefing-page.html")
    assert art.publisher == "Ministry of Foreign Affairs"
    assert art.url == "https://mfa.example.gov/eng/xwfw/2018-12-21-briefing.html"


def test_segments_cover_each_turn_from_its_marker():
    art = one(PAGES / "briefing-2018-12-21.txt")
    for start, end, role in art.segments:
        assert art.text[start : start + 3] == ("Q: " if role == "question" else "A: ")
        assert art.text[start - 2 : start] == "\n\n"
        assert art.segment_at(start) == role and art.segment_at(end - 1) == role
    assert art.segment_at(0) is None  # the title is no turn
    ends = [e for _, e, _ in art.segments]
    assert ends[-1] == len(art.text)


def test_briefing_text_markers_by_name_and_outlet():
    text = ("Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on 9 May 2024\n\n"
            "Reuters: The Philippines says Chinese coast guard ships fired water cannon at its "
            "vessels on Tuesday. What is your comment?\n\n"
            "Lin Jian: The Philippine side sent ships into the waters without permission. We "
            "urge the Philippines to stop making provocations at sea.\n\n"
            "Bloomberg: Will the foreign minister meet his counterpart next week in Vientiane?\n\n"
            "Lin Jian: We will release information on that in due course.\n")
    art = parse_briefing_text(text, "lin", "lin.txt")
    assert art is not None
    assert art.speaker == "Lin Jian" and art.date == "2024-05-09"
    assert [r for _, _, r in art.segments] == ["question", "answer", "question", "answer"]
    assert turns(art)[1][1].startswith("The Philippine side sent ships")


def test_hard_wrapped_transcript_keeps_each_turn_whole():
    text = ("Foreign Ministry Spokesperson Mao Ning's Regular Press Conference on March 3, 2023\n"
            "\n"
            "Q: Lithuania said it would expel a Chinese diplomat this week. How will\n"
            "China respond?\n"
            "A: We firmly oppose the decision and have lodged stern representations\n"
            "with Lithuania.\n")
    art = parse_briefing_text(text, "mao", "mao.txt")
    assert art is not None
    assert turns(art) == [
        ("question", "Lithuania said it would expel a Chinese diplomat this week. How will "
                     "China respond?"),
        ("answer", "We firmly oppose the decision and have lodged stern representations "
                   "with Lithuania."),
    ]


def test_ordinary_article_that_quotes_a_spokesperson_is_not_a_briefing(seed_path):
    art = one(seed_path)
    assert art.speaker is None and art.segments == ()


def test_title_shapes():
    t = match_title("Regular Press Conference of Foreign Ministry Spokesperson Geng Shuang on "
                    "21 December 2018")
    assert t is not None and t.speaker == "Geng Shuang" and t.date_text == "21 December 2018"
    assert match_title("Previous: " + TITLE) is None
    assert match_title("Foreign Ministry Spokesperson Hua Chunying's Remarks") is None


def test_day_first_applies_to_a_numeric_title_date(tmp_path):
    path = tmp_path / "b.txt"
    path.write_text("Foreign Ministry Spokesperson Hua Chunying's Regular Press Conference on "
                    "03/04/2019\n\nQ: Any comment on the new sanctions announced yesterday by "
                    "the United States?\n\nA: China firmly opposes the sanctions imposed by the "
                    "United States.\n", encoding="utf-8")
    assert one(path).date is None
    assert one(path, options=_opts(day_first=True)).date == "2019-04-03"
    assert one(path, options=_opts(day_first=False)).date == "2019-03-04"


def _opts(**kw):
    from diplograph.loaders import LoadOptions

    return LoadOptions(**kw)


def test_from_briefing_refuses_a_page_that_is_not_one(cli, tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("Canada imposed sanctions on four officials on Monday, the government "
                    "said.\n", encoding="utf-8")
    res = cli("extract", path, "--from", "briefing")
    assert res.exit_code == 1
    assert f"diplograph: {path}: not a press-briefing transcript" in res.stderr


@pytest.mark.parametrize("name", ["briefing-2018-12-21.txt", "briefing-page.html"])
def test_briefing_events_answers_speak_for_china_questions_report_acts(name):
    """Two spokespersons in play: Hua Chunying answers (title), Heather Nauert is
    quoted in a question. Answers are Hua's, for China's foreign ministry; the acts
    a question reports still count; the journalist is never a party."""
    art = one(PAGES / name)
    events = extract_article(art)
    found = triples(events)
    assert ("CHN", "DEMAND", "USA") in found  # answer 1: "We urge the United States ..."
    assert ("USA", "ACCUSE", "CHN") in found  # reported in question 1
    assert ("CHN", "AGREE", "JPN") in found  # answer 3
    answers = [e for e in events if art.segment_at(e.start) == "answer"]
    demand = next(e for e in answers if e.type == "DEMAND" and e.target and e.target.key == "USA")
    assert demand.speaker is not None and demand.speaker.label == "Hua Chunying"
    assert demand.source.kind == "GovernmentBody" and demand.source.country == "CHN"
    for ev in answers:
        if ev.speaker is not None:
            assert ev.speaker.label == "Hua Chunying" and ev.source.country == "CHN", ev
    for ev in events:
        labels = {a.label.lower() for a in (ev.source, ev.target, ev.speaker) if a}
        assert not labels & {"journalist", "reporter", "q", "lu kang"}, ev
    nauert = [e for e in events if e.speaker and e.speaker.label == "Heather Nauert"]
    assert nauert and all(art.segment_at(e.start) == "question" for e in nauert)
    assert all(e.date == "2018-12-21" for e in events)


def test_links_to_other_briefings_above_the_title_never_name_the_speaker():
    text = ("Latest briefings\n"
            "Foreign Ministry Spokesperson Lu Kang's Regular Press Conference on December 20, "
            "2018\n"
            "Foreign Ministry Spokesperson Lu Kang's Regular Press Conference on December 19, "
            "2018\n\n" + (PAGES / "briefing-2018-12-21.txt").read_text(encoding="utf-8"))
    art = parse_briefing_text(text, "b", "b.txt")
    assert art is not None
    assert (art.speaker, art.date, art.headline) == ("Hua Chunying", "2018-12-21", TITLE)
    assert "Lu Kang" not in art.text


def test_a_transcript_with_the_readme_header_block_is_a_briefing(cli, tmp_path):
    body = (PAGES / "briefing-2018-12-21.txt").read_text(encoding="utf-8")
    start = body.index("Q: ")
    path = tmp_path / "with-header.txt"
    path.write_text(f"Title: {TITLE}\nDate: 2018-12-21\nPublisher: Ministry of Foreign Affairs\n"
                    f"URL: https://mfa.example.gov/briefing\n\n{body[start:]}", encoding="utf-8")
    for fmt in ("briefing", "auto"):
        (art,) = load([str(path)], fmt=fmt)
        assert art.speaker == "Hua Chunying" and art.speaker_role == "Foreign Ministry Spokesperson"
        assert art.headline == TITLE and art.date == "2018-12-21"
        assert art.publisher == "Ministry of Foreign Affairs"
        assert art.url == "https://mfa.example.gov/briefing"
        assert [r for _, _, r in art.segments] == ["question", "answer"] * 3
    res = cli("extract", path, "--from", "briefing", "--format", "table")
    assert res.exit_code == 0, res.output
    assert "[Hua Chunying]" in res.stdout
