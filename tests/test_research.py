"""Research notes: optional fields, openers one per line, nudges for what is missing, saved per prospect."""

from __future__ import annotations

import pytest

from infoview_kit.fields import FieldError
from infoview_kit.research import ResearchNotes, load_research, save_research


def test_openers_are_read_one_per_line_ignoring_bullets_and_blanks():
    notes = ResearchNotes(openers="- Studied anthropology first\n\n• Spent a year in Prague\n")
    assert notes.opener_list == ("Studied anthropology first", "Spent a year in Prague")


def test_gaps_name_each_part_not_yet_researched():
    notes = ResearchNotes(profile="Nurse, then analyst since 2021")
    gaps = notes.gaps()
    assert len(gaps) == 3
    assert any("site or blog" in g for g in gaps) and any("products" in g for g in gaps)
    assert ResearchNotes("a", "b", "c", "d").gaps() == []


def test_overlong_notes_are_refused_naming_the_field():
    with pytest.raises(FieldError) as err:
        ResearchNotes(products="x" * 3000)
    assert err.value.field == "products"


def test_notes_are_saved_per_prospect(work_dir):
    save_research("Maya Chen", ResearchNotes(site="maya.dev", openers="Both from Leeds"))
    assert load_research("Maya Chen").site == "maya.dev"
    assert load_research("Luis Ortega") == ResearchNotes()
    assert '"Maya Chen"' in (work_dir / "research.json").read_text(encoding="utf-8")


def test_html_escapes_and_marks_missing_parts():
    notes = ResearchNotes(profile="<script>")
    assert "filled=['profile']" in repr(notes)
    assert "&lt;script&gt;" in notes._repr_html_() and "not yet" in notes._repr_html_()


def test_every_overlong_note_is_named_at_once():
    from infoview_kit.fields import each_error

    with pytest.raises(FieldError) as err:
        ResearchNotes(profile="x" * 9000, openers="y" * 9000)
    assert [e.field for e in each_error(err.value)] == ["profile", "openers"]
