"""HTML pieces escape what students type and say so when a table is empty."""

import pytest

from infoview_kit.render import escape, html_table, neutralise_formula


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
