"""HTML pieces escape what students type and say so when a table is empty."""

import datetime as dt
import re
from pathlib import Path

import pytest

from infoview_kit.render import counted, escape, html_table, neutralise_formula, noun, show_date


def test_cells_and_headers_are_escaped():
    html = html_table(["<b>"], [["a & b"]])
    assert "&lt;b&gt;" in html and "a &amp; b" in html and 'scope="col"' in html


def test_empty_table_shows_the_message():
    assert "nothing" in html_table(["A"], [], empty="nothing")
    assert escape(None) == ""


@pytest.mark.parametrize("value, expected", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+1 555", "'+1 555"), ("-3", "'-3"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"),
    ("Ana", "Ana"), ("", ""), (None, ""), (42, "42"),
])
def test_neutralise_formula_prefixes_only_what_a_spreadsheet_would_run(value, expected):
    assert neutralise_formula(value) == expected


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def test_feedback_states_differ_by_icon_and_word_and_never_pair_red_with_green():
    """Can each state be told without colour, and is no state pure red or pure green?"""
    from infoview_kit.render import FEEDBACK

    assert len({icon for icon, _, _ in FEEDBACK.values()}) >= 4
    assert len({word for _, word, _ in FEEDBACK.values()}) == len(FEEDBACK)
    for state, (_, _, colour) in FEEDBACK.items():
        r, g, b = _rgb(colour)
        assert not (r > 2 * max(g, b) and g < 40), f"{state} is red: {colour}"
        assert not (g > 2 * max(r, b) and b < 40), f"{state} is green: {colour}"


def test_every_form_line_and_block_uses_the_one_palette():
    from infoview_kit.render import FEEDBACK, block, status_line

    assert FEEDBACK["problem"][2] in status_line("problem", "x") and 'role="alert"' in \
        status_line("problem", "x")
    assert FEEDBACK["ok"][2] in block("ok", "Fine", [("tip", "<b>")]) and "&lt;b&gt;" in \
        block("ok", "Fine", [("tip", "<b>")])


@pytest.mark.parametrize("n, word, expected", [
    (1, "message", "1 message"), (2, "message", "2 messages"), (0, "message", "0 messages"),
    (1, "process", "1 process"), (4, "process", "4 processes"), (2, "reply", "2 replies"),
    (3, "day", "3 days"), (1200, "word", "1,200 words"),
])
def test_counts_read_right(n, word, expected):
    """Does a count say "1 message" and "2 messages", never "message(s)"?"""
    assert counted(n, word) == expected
    assert noun("person", 2, "people") == "people" and noun("person", 1, "people") == "person"


def test_dates_have_one_readable_form():
    """One way to write a day ("Sat 28 Nov 2026") and a moment ("Wed 2 Dec 2026, 15:59")."""
    assert show_date(dt.date(2026, 11, 28)) == "Sat 28 Nov 2026"
    assert show_date(dt.datetime(2026, 12, 2, 15, 59)) == "Wed 2 Dec 2026, 15:59"


PACKAGE = Path(__file__).resolve().parents[1] / "infoview_kit"


def _sources():
    return sorted(PACKAGE.rglob("*.py"))


def test_no_count_in_the_kit_reads_item_s():
    """Does any text the kit shows still say "(s)" instead of counting right?"""
    found = [f"{p.name}:{n}" for p in _sources() for n, line in enumerate(p.read_text().splitlines(), 1)
             if re.search(r"(?<![\w.])[a-z]+\(s\)", line) and "render.py" not in p.name]
    assert found == []


def test_dates_shown_to_the_student_go_through_show_date():
    """Is every date the kit writes for people made by show_date (CSV files keep ISO dates)?"""
    # log_format reads dates typed in other formats; tracker writes the CSV's ISO dates
    found = [f"{p.name}:{n}" for p in _sources() if p.name not in ("render.py", "log_format.py")
             for n, line in enumerate(p.read_text().splitlines(), 1)
             if re.search(r"%[aAbB]", line) or ("%Y-%m-%d" in line and p.name != "tracker.py")]
    assert found == []
