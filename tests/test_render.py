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
