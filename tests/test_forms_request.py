"""Notebook 2's message form: kinds fit the style, live checker, drafts saved and restored."""

from __future__ import annotations

import json

from infoview_kit.forms.request import kinds_for, request_form
from infoview_kit.prospects import Prospect, ProspectList

# From the course text: a request the checker must judge ok.
LUIS_REQUEST = """Hi, Luis,

Would you be willing to get coffee with me in the next month? My treat, and I promise to only take 30 minutes of your time!

My name is Taylor and I'm currently studying product management, with the goal of applying those skills to the medical industry.

Because I'm new to this, I'm hoping to connect with some seasoned professionals in my area who would be willing to share some of their experience and advice—the things you maybe would have benefited from knowing when you started out.

I'm particularly interested in talking to you, since you're a product manager at Seattle Cancer Care Alliance, and because I'm a fan of your Medium posts (my favorite is the one about agile methodologies).

Thank you and I hope to chat more soon!
Taylor"""


def saved_drafts(work_dir):
    return json.loads((work_dir / "messages.json").read_text(encoding="utf-8"))


def choose_stranger(work_dir):
    prospects = ProspectList(path=work_dir / "prospects.json")
    prospects.add(Prospect(name="Luis Ortega", role="Product manager", company="SCCA",
                           connection="stranger", found_at="LinkedIn", why="His Medium posts."))
    prospects.choose("Luis Ortega")
    prospects.save()


def test_warm_prospect_starts_with_the_introduction_request(work_dir, chosen_prospect):
    kinds = [kind for _, kind in kinds_for(chosen_prospect)]
    assert kinds == ["intro_request", "request", "follow_up", "scheduling"]
    form = request_form()
    assert form.kind.value == "intro_request" and form.reader == "Ana Ruiz"


def test_cold_prospect_starts_with_the_request(work_dir):
    choose_stranger(work_dir)
    form = request_form()
    assert [kind for _, kind in form.kind.options] == ["request", "follow_up", "scheduling"]
    assert form.reader == "Luis Ortega"


def test_draft_is_live_checked_and_saved_as_typed(work_dir):
    choose_stranger(work_dir)
    form = request_form()
    assert form.draft.continuous_update is True
    form.draft.value = "Hi Luis, give me a job."
    assert not form.last_report.ok and "Problem" in form.report.value
    assert saved_drafts(work_dir)["Luis Ortega"]["request"] == "Hi Luis, give me a job."
    form.draft.value = LUIS_REQUEST
    assert form.last_report.ok, form.last_report
    assert "Draft saved" in form.status.value


def test_draft_comes_back_after_a_restart_and_each_kind_keeps_its_own(work_dir):
    choose_stranger(work_dir)
    form = request_form()
    form.draft.value = LUIS_REQUEST
    form.kind.value = "follow_up"
    assert form.draft.value == ""
    form.draft.value = "Hi Luis, just checking in."
    again = request_form()
    assert again.draft.value == LUIS_REQUEST and "saved draft is back" in again.status.value
    again.kind.value = "follow_up"
    assert again.draft.value == "Hi Luis, just checking in."


def test_a_5000_word_message_gets_a_message_under_the_text_box(work_dir):
    choose_stranger(work_dir)
    form = request_form()
    form.draft.value = "Hi Luis, " + "really " * 5000
    error = form.fields["draft"].error.value
    assert "words" in error and "⚠" in error  # the checker's length problem, repeated here
    assert "5,000 words in the body" in form.report.value  # one word count: the checker's


def test_a_runaway_paste_is_not_saved_and_the_last_draft_survives(work_dir):
    choose_stranger(work_dir)
    form = request_form()
    form.draft.value = "Hi Luis"
    form.draft.value = "x" * 60_000
    assert "not saved" in form.fields["draft"].error.value
    assert saved_drafts(work_dir)["Luis Ortega"]["request"] == "Hi Luis"


def test_name_and_goal_are_saved_for_the_templates(work_dir, chosen_prospect):
    form = request_form()
    form.your_name.value = "Taylor"
    form.your_goal.value = "product management in health care"
    saved = json.loads((work_dir / "about_me.json").read_text(encoding="utf-8"))
    assert saved == {"name": "Taylor", "goal": "product management in health care"}
    assert request_form().your_name.value == "Taylor"


def test_template_fills_the_draft_for_the_mutual_contact(work_dir, chosen_prospect):
    form = request_form()
    form.your_name.value = "Taylor"
    form.template_button.click()
    assert form.draft.value.startswith("Hi Ana,") and "Luis Ortega" in form.draft.value
    assert saved_drafts(work_dir)["Luis Ortega"]["intro_request"] == form.draft.value


def test_template_asks_before_replacing_a_draft(work_dir, chosen_prospect):
    form = request_form()
    form.draft.value = "My own words"
    form.template_button.click()
    assert form.draft.value == "My own words" and "again" in form.status.value
    form.template_button.click()
    assert form.draft.value != "My own words"


def test_without_a_chosen_prospect_the_form_points_to_notebook_1(work_dir):
    form = request_form()
    assert "notebook 1" in form.status.value and form.draft.disabled


def test_broken_messages_file_is_left_alone_and_typing_saves_nothing(work_dir, chosen_prospect):
    path = work_dir / "messages.json"
    path.write_text("{broken", encoding="utf-8")
    form = request_form()
    assert "messages.json" in form.status.value and form.draft.disabled
    form.draft.value = "typed anyway"
    assert path.read_text(encoding="utf-8") == "{broken"


def test_a_template_filled_from_notebook_1_starts_with_no_problems(work_dir):
    """Everything the template needs comes from the prospect and the student's name and goal."""
    choose_stranger(work_dir)
    form = request_form()
    form.your_name.value = "Taylor"
    form.your_goal.value = "studying product management"
    for kind in ("request", "follow_up", "scheduling"):
        form.kind.value = kind
        form.template_button.click()
        assert "[" not in form.draft.value, form.draft.value
        assert form.last_report.ok, (kind, form.last_report)


def choose_maya(work_dir, why):
    prospects = ProspectList(path=work_dir / "prospects.json")
    prospects.add(Prospect(name="Maya Chen", role="Analytics lead", company="Greenfield Energy",
                           connection="stranger", found_at="LinkedIn", why=why))
    prospects.choose("Maya Chen")
    prospects.save()


def test_template_turns_a_note_about_her_into_one_to_her(work_dir):
    """Does "Start from template" address the reader when the reason was written about her?"""
    choose_maya(work_dir, "Her LinkedIn post about forecasting solar output caught my eye.")
    form = request_form()
    form.your_name.value, form.your_goal.value = "Jordan", "moving from nursing into data analysis"
    form.template_button.click()
    text = form.draft.value
    assert "Greenfield Energy: your LinkedIn post about forecasting solar output caught my eye." in text
    assert "Her " not in text and " her " not in text
    assert form.last_report.ok, form.last_report


def test_template_leaves_a_reason_it_cannot_turn_for_the_student(work_dir):
    """A reason that can't be turned safely ("I heard her speak") keeps a mark the checker flags."""
    choose_maya(work_dir, "I heard her speak at PyData about solar forecasts.")
    form = request_form()
    form.your_name.value, form.your_goal.value = "Jordan", "moving from nursing into data analysis"
    form.template_button.click()
    assert "[rewrite to them, in your own words:] I heard her speak at PyData" in form.draft.value
    assert not form.last_report.ok
    assert "no_placeholders" in [f.rule for f in form.last_report.problems]
