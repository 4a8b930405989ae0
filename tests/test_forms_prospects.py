"""Notebook 1's prospect form, driven without a browser: set values, click, check what shows and saves."""

from __future__ import annotations

import json

import pytest

from infoview_kit.forms.prospects import prospects_form
from infoview_kit.prospects import ProspectList


def fill(form, **values):
    defaults = dict(name="Luis Ortega", role="Product manager", company="SCCA",
                    connection="network_of_network", via="Ana Ruiz", why="Writes about agile.")
    defaults.update(values)
    for key, value in defaults.items():
        getattr(form, key).value = value


def saved(work_dir):
    return json.loads((work_dir / "prospects.json").read_text(encoding="utf-8"))


def test_every_input_is_labelled_as_plain_text(work_dir):
    form = prospects_form()
    for field in form.fields.values():
        assert field.input.description and field.input.description_allow_html is False


def test_adding_a_prospect_saves_it_chooses_it_and_shows_its_style(work_dir):
    form = prospects_form()
    fill(form)
    form.add_button.click()
    assert "Added Luis Ortega (warm style)" in form.status.value
    assert "warm" in form.table.value and "via Ana Ruiz" in form.table.value
    data = saved(work_dir)
    assert data["chosen"] == "Luis Ortega" and data["prospects"][0]["via"] == "Ana Ruiz"
    assert form.name.value == ""  # ready for the next one


def test_inputs_are_empty_by_the_time_added_shows(work_dir):
    """Is what a student types after seeing "Added ..." safe? The inputs must already be empty."""
    form = prospects_form()
    seen = []
    form.status.observe(lambda change: seen.append((change["new"], form.name.value,
                                                    form.why.value)), names="value")
    fill(form)
    form.add_button.click()
    assert [(n, w) for v, n, w in seen if "Added Luis Ortega" in v] == [("", "")]


def test_empty_name_shows_a_message_next_to_the_name_and_saves_nothing(work_dir):
    form = prospects_form()
    fill(form, name="  ")
    form.add_button.click()
    assert "Name is empty" in form.fields["name"].error.value
    assert "fix the field" in form.status.value
    assert not (work_dir / "prospects.json").exists()


def test_missing_mutual_contact_is_flagged_on_the_via_input(work_dir):
    form = prospects_form()
    fill(form, via="")
    form.add_button.click()
    assert "Through whom is empty" in form.fields["via"].error.value


def test_inputs_follow_the_connection_and_the_style_is_shown(work_dir):
    form = prospects_form()
    form.connection.value = "stranger"
    assert form.fields["found_at"].box.layout.display is None
    assert form.fields["via"].box.layout.display == "none"
    assert "cold" in form.style.value
    form.connection.value = "network"
    assert form.fields["relation"].box.layout.display is None and "direct" in form.style.value


def test_duplicate_name_is_refused_on_the_name_input(work_dir):
    form = prospects_form()
    fill(form)
    form.add_button.click()
    fill(form, name="luis ortega")
    form.add_button.click()
    assert "already on your list" in form.fields["name"].error.value
    assert len(saved(work_dir)["prospects"]) == 1


def test_choose_edit_and_remove_are_saved(work_dir):
    form = prospects_form()
    fill(form)
    form.add_button.click()
    fill(form, name="Priya Nair", connection="stranger", found_at="LinkedIn")
    form.add_button.click()
    form.selected.value = "Priya Nair"
    form.choose_button.click()
    assert saved(work_dir)["chosen"] == "Priya Nair"
    form.edit_button.click()
    assert form.name.value == "Priya Nair" and form.add_button.description == "Save changes"
    form.role.value = "Lead UX researcher"
    form.add_button.click()
    assert saved(work_dir)["prospects"][1]["role"] == "Lead UX researcher"
    form.selected.value = "Luis Ortega"
    form.remove_button.click()
    assert [p["name"] for p in saved(work_dir)["prospects"]] == ["Priya Nair"]


def test_form_reopened_shows_what_was_saved(work_dir):
    form = prospects_form()
    fill(form)
    form.add_button.click()
    again = prospects_form()
    assert "Luis Ortega" in again.table.value and again.selected.value == "Luis Ortega"
    assert "Loaded 1 prospect" in again.status.value


@pytest.mark.parametrize("content", ['{"prospects": [', '{"prospects": [{"name": ""}]}'])
def test_broken_saved_file_is_shown_left_untouched_and_saving_is_off(work_dir, content):
    path = work_dir / "prospects.json"
    path.write_text(content, encoding="utf-8")
    form = prospects_form()
    assert "prospects.json" in form.status.value and "Saving is off" in form.status.value
    assert form.add_button.disabled
    fill(form)
    form.add_button.click()
    assert path.read_text(encoding="utf-8") == content


def test_renaming_a_prospect_keeps_their_drafts_under_the_new_name(work_dir):
    from infoview_kit.drafts import load_draft, save_draft

    form = prospects_form()
    fill(form)
    form.add_button.click()
    save_draft("Luis Ortega", "intro_request", "Hi Ana, could you introduce me?")
    form.selected.value = "Luis Ortega"
    form.edit_button.click()
    form.name.value = "Luis Ortega Ruiz"
    form.add_button.click()
    assert saved(work_dir)["chosen"] == "Luis Ortega Ruiz"
    assert load_draft("Luis Ortega Ruiz", "intro_request") == "Hi Ana, could you introduce me?"


def test_every_wrong_field_is_marked_at_once(work_dir):
    """Does one click show the problem of each wrong input, not only the first one?"""
    form = prospects_form()
    fill(form, name="", role="", via="")
    form.add_button.click()
    for key in ("name", "role", "via"):
        assert "is empty" in form.fields[key].error.value, key
    assert "fields marked" in form.status.value
    assert not (work_dir / "prospects.json").exists()


def test_the_prospects_table_has_no_caption_repeating_its_heading(work_dir):
    """The form heads the table "Your prospects"; the table itself doesn't say it again."""
    form = prospects_form()
    form.connection.value = "stranger"
    for key, value in {"name": "Ana Ruiz", "role": "Analyst", "company": "Acme",
                       "found_at": "LinkedIn", "why": "Her talk on dashboards."}.items():
        getattr(form, key).value = value
    form.add_button.click()
    assert "Ana Ruiz" in form.table.value and "<caption" not in form.table.value
    assert "<caption>Your prospects</caption>" in ProspectList.load()._repr_html_()
