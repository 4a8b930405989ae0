"""HTML pieces escape what students type and say so when a table is empty."""

from infoview_kit.render import escape, html_table


def test_cells_and_headers_are_escaped():
    html = html_table(["<b>"], [["a & b"]])
    assert "&lt;b&gt;" in html and "a &amp; b" in html and 'scope="col"' in html


def test_empty_table_shows_the_message():
    assert "nothing" in html_table(["A"], [], empty="nothing")
    assert escape(None) == ""
