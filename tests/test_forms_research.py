"""Notebook 3's research form: restores, saves as the student types, flags overlong notes."""

from __future__ import annotations

import json

from infoview_kit.forms.research import research_form


def test_without_a_chosen_prospect_the_form_says_where_to_go(work_dir):
    form = research_form()
    assert "notebook 1" in form.status.value and form.profile.disabled
    assert not (work_dir / "research.json").exists()


def test_each_change_is_saved_and_gaps_shrink(work_dir, chosen_prospect):
    form = research_form()
    assert "site or blog" in form.gaps.value
    form.profile.value = "Biology degree, then PM since 2019"
    form.site.value = "medium.com/@luis"
    form.products.value = "Cancer care and research"
    form.openers.value = "- Studied in Prague\n- Likes agile"
    saved = json.loads((work_dir / "research.json").read_text(encoding="utf-8"))
    assert saved["Luis Ortega"]["site"] == "medium.com/@luis"
    assert "All four parts researched, with 2 openers" in form.gaps.value
    assert "Saved your research on Luis Ortega" in form.status.value


def test_reopened_form_brings_the_notes_back(work_dir, chosen_prospect):
    research_form().products.value = "Cancer care"
    assert research_form().products.value == "Cancer care"


def test_overlong_notes_get_a_message_by_the_input_and_keep_the_saved_text(work_dir, chosen_prospect):
    form = research_form()
    form.site.value = "kept"
    form.site.value = "word " * 1000
    assert "characters long" in form.fields["site"].error.value
    saved = json.loads((work_dir / "research.json").read_text(encoding="utf-8"))
    assert saved["Luis Ortega"]["site"] == "kept"


def test_broken_research_file_disables_saving_and_is_left_alone(work_dir, chosen_prospect):
    path = work_dir / "research.json"
    path.write_text("{oops", encoding="utf-8")
    form = research_form()
    assert "research.json" in form.status.value and form.profile.disabled
    assert path.read_text(encoding="utf-8") == "{oops"
