"""Prospects: validated at the boundary, style derived from connection, saved and chosen."""

from __future__ import annotations

import json

import pytest

from infoview_kit.fields import FieldError
from infoview_kit.prospects import Prospect, ProspectList, chosen_prospect, style_for
from infoview_kit.storage import SavedWorkError


def friend(**overrides):
    data = dict(name="Maya Chen", role="Data analyst", company="Harbor Health",
                connection="network", relation="friend", why="She moved into analytics from nursing.")
    data.update(overrides)
    return Prospect(**data)


def warm(**overrides):
    data = dict(name="Luis Ortega", role="Product manager", company="Seattle Cancer Care Alliance",
                connection="network_of_network", via="Ana Ruiz", why="Writes about agile in health care.")
    data.update(overrides)
    return Prospect(**data)


def stranger(**overrides):
    data = dict(name="Priya Nair", role="UX researcher", company="Brightline",
                connection="stranger", found_at="company team page", why="Leads their research team.")
    data.update(overrides)
    return Prospect(**data)


@pytest.mark.parametrize("connection, style", [
    ("network", "direct"), ("network_of_network", "warm"), ("stranger", "cold")])
def test_style_is_derived_from_connection(connection, style):
    assert style_for(connection) == style


def test_each_kind_of_prospect_gets_its_style():
    assert (friend().style, warm().style, stranger().style) == ("direct", "warm", "cold")


def test_unknown_connection_is_refused_naming_the_field():
    with pytest.raises(FieldError) as err:
        friend(connection="cousin")
    assert err.value.field == "connection"


@pytest.mark.parametrize("field", ["name", "role", "company", "why"])
def test_empty_required_field_is_refused_with_its_name(field):
    with pytest.raises(FieldError) as err:
        friend(**{field: "   "})
    assert err.value.field == field
    assert "empty" in err.value.message


def test_network_of_network_needs_the_mutual_contact():
    with pytest.raises(FieldError) as err:
        warm(via="")
    assert err.value.field == "via"
    assert "Through whom" in err.value.message


def test_stranger_needs_where_they_were_found():
    with pytest.raises(FieldError) as err:
        stranger(found_at="")
    assert err.value.field == "found_at"


def test_relation_must_be_a_known_one_and_defaults_to_other():
    assert friend(relation="").relation == "other"
    with pytest.raises(FieldError) as err:
        friend(relation="nemesis")
    assert err.value.field == "relation"


def test_fields_that_do_not_apply_are_dropped_and_text_is_stripped():
    p = friend(name="  Maya Chen ", via="someone", found_at="LinkedIn")
    assert (p.name, p.via, p.found_at) == ("Maya Chen", "", "")


def test_overlong_name_is_refused():
    with pytest.raises(FieldError) as err:
        friend(name="x" * 500)
    assert err.value.field == "name" and "500" in err.value.message


def test_repr_is_plain_and_html_escapes_user_text():
    p = stranger(name="<Sam & Co>")
    assert "style='cold'" in repr(p)
    assert "&lt;Sam &amp; Co&gt;" in p._repr_html_()
    assert "<Sam" not in p._repr_html_()


def test_list_saves_and_loads_with_the_chosen_prospect(work_dir):
    prospects = ProspectList()
    for p in (friend(), warm(), stranger()):
        prospects.add(p)
    prospects.choose("luis  ortega")  # case and spacing do not matter
    prospects.save()
    saved = json.loads((work_dir / "prospects.json").read_text(encoding="utf-8"))
    assert saved["chosen"] == "Luis Ortega"
    again = ProspectList.load()
    assert again.names == ["Maya Chen", "Luis Ortega", "Priya Nair"]
    assert again.chosen == warm()
    assert chosen_prospect() == warm()


def test_duplicate_names_are_refused():
    prospects = ProspectList([friend()], path="unused.json")
    with pytest.raises(FieldError) as err:
        prospects.add(friend(name="MAYA CHEN"))
    assert err.value.field == "name" and "already" in err.value.message


def test_update_keeps_the_choice_through_a_rename_and_remove_clears_it():
    prospects = ProspectList([friend(), warm()], path="unused.json")
    prospects.choose("Maya Chen")
    prospects.update("Maya Chen", friend(name="Maya Chen-Li"))
    assert prospects.chosen.name == "Maya Chen-Li"
    with pytest.raises(FieldError):
        prospects.update("Maya Chen-Li", friend(name="Luis Ortega"))
    prospects.remove("Maya Chen-Li")
    assert prospects.chosen is None and prospects.names == ["Luis Ortega"]


def test_missing_file_loads_an_empty_list(work_dir):
    prospects = ProspectList.load()
    assert len(prospects) == 0 and prospects.chosen is None
    assert "No prospects yet" in prospects._repr_html_()


def test_broken_file_is_reported_and_left_untouched(work_dir):
    path = work_dir / "prospects.json"
    path.write_text('{"prospects": [', encoding="utf-8")
    with pytest.raises(SavedWorkError):
        ProspectList.load()
    assert path.read_text(encoding="utf-8") == '{"prospects": ['


def test_hand_edited_invalid_entry_is_reported_by_number(work_dir):
    path = work_dir / "prospects.json"
    path.write_text(json.dumps({"prospects": [friend().to_dict(), {"name": ""}]}), encoding="utf-8")
    with pytest.raises(SavedWorkError, match="prospect number 2"):
        ProspectList.load()


def test_table_shows_each_style_and_marks_the_chosen_one():
    prospects = ProspectList([friend(), warm(), stranger()], chosen="Priya Nair", path="x.json")
    html = prospects._repr_html_()
    for word in ("direct", "warm", "cold", "via Ana Ruiz", "found on company team page", "★"):
        assert word in html
