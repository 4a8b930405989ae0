"""The course notebooks: committed clean, and each one runs top to bottom on a fresh kernel.

Execution happens in a throwaway copy of ``notebooks/``; the kernel starts in that folder with no
``INFOVIEW_WORK_DIR``, exactly as a student's does, so saved work goes to ``my_work`` beside the
notebooks. Data "saved earlier" is written with the package itself, as the forms would.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import shutil

import nbformat
import pytest

from kit_paths import NOTEBOOKS

GUIDED = ("1_find_people.ipynb", "2_write_requests.ipynb", "3_prepare_questions.ipynb")
COMMITTED = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))


def run_notebook(folder, name):
    """Execute ``folder/name`` on a fresh python3 kernel; return it with every output text joined."""
    from nbclient import NotebookClient

    nb = nbformat.read(folder / name, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(folder)}}).execute()
    errors = [out for cell in nb.cells for out in cell.get("outputs", [])
              if out.output_type == "error"]
    assert not errors, f"{name}: {errors[0].ename}: {errors[0].evalue}"
    shown = [json.dumps(out.get("data", {})) + out.get("text", "")
             for cell in nb.cells for out in cell.get("outputs", [])]
    # widget values (a restored draft, say) live in the saved widget state, not in outputs
    shown.append(json.dumps(nb.metadata.get("widgets", {})))
    return "\n".join(shown)


@pytest.fixture
def course(tmp_path, monkeypatch):
    """A throwaway copy of the notebooks; returns (notebook folder, its my_work folder)."""
    folder = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, folder, ignore=shutil.ignore_patterns("my_work", ".ipynb_checkpoints"))
    monkeypatch.delenv("INFOVIEW_WORK_DIR", raising=False)
    return folder, folder / "my_work"


def save_earlier_work(work):
    """What a student would have entered in notebooks 1-3, saved through the package."""
    from infoview_kit.drafts import save_draft
    from infoview_kit.meeting import plan_meeting, save_meeting
    from infoview_kit.prospects import Prospect, ProspectList
    from infoview_kit.question_list import QuestionList
    from infoview_kit.research import ResearchNotes, save_research

    prospects = ProspectList(path=work / "prospects.json")
    prospects.add(Prospect(name="Maya Chen", role="Data analyst", company="Harbor Health",
                           connection="network", relation="friend", why="Nurse turned analyst."))
    prospects.add(Prospect(name="Priya Nair", role="UX researcher", company="Brightline",
                           connection="stranger", found_at="LinkedIn", why="Leads research."))
    prospects.choose("Priya Nair")
    prospects.save()
    save_draft("Priya Nair", "request", "Hi Priya, would you have 30 minutes for a coffee?", work)
    save_research("Priya Nair", ResearchNotes(products="Brightline makes telehealth apps"), work)
    questions = QuestionList("Priya Nair", folder=work)
    questions.add("What does a typical research week look like for you?")
    questions.save()
    save_meeting(plan_meeting(who="Priya Nair", date=dt.date.today() + dt.timedelta(days=3),
                              start="10:15", mode="video", place=""), work)


@pytest.mark.parametrize("name", COMMITTED)
def test_committed_notebook_has_no_outputs_counts_or_extra_metadata(name):
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(nb)
    assert set(nb.metadata) <= {"kernelspec"}, f"{name} carries metadata {sorted(nb.metadata)}"
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{name}: {cell.source[:60]}"


@pytest.mark.parametrize("name", GUIDED)
def test_guided_notebook_cells_only_import_and_call(name):
    """Notebooks tell the story; the package does the work: no helpers defined in cells."""
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    for cell in nb.cells:
        assert cell.metadata == {}, f"{name}: cell {cell.id} carries metadata"
        if cell.cell_type == "code":
            assert not any(line.lstrip().startswith(("def ", "class "))
                           for line in cell.source.splitlines()), cell.source
    headings = [c.source.splitlines()[0] for c in nb.cells if c.cell_type == "markdown"]
    assert headings[0].startswith("# ") and "Learning objective" in nb.cells[0].source
    assert headings[-1] == "## Recap" and "What comes next" in nb.cells[-1].source


@pytest.mark.slow
@pytest.mark.parametrize("name", GUIDED)
def test_notebook_runs_clean_on_a_fresh_kernel_with_an_empty_work_folder(course, name):
    folder, work = course
    shown = run_notebook(folder, name)
    if name != GUIDED[0]:
        assert "notebook 1" in shown  # the forms say where to go first, without a traceback


@pytest.mark.slow
def test_rerun_after_saving_brings_everything_back_and_follows_the_chosen_prospect(course):
    """Notebook 1 shows the saved list; 2 and 3 work on the prospect chosen in 1 and restore work."""
    folder, work = course
    save_earlier_work(work)
    first = run_notebook(folder, GUIDED[0])
    assert "Maya Chen" in first and "Priya Nair" in first and "cold" in first
    second = run_notebook(folder, GUIDED[1])
    assert "Request to Priya Nair (cold)" in second  # the message kinds fit the chosen prospect
    assert "would you have 30 minutes for a coffee?" in second  # the saved draft is back
    assert "Maya Chen" not in second
    third = run_notebook(folder, GUIDED[2])
    for restored in ("Brightline makes telehealth apps",
                     "What does a typical research week look like for you?", "10:15"):
        assert restored in third
    # running the notebooks never rewrote what was saved
    assert json.loads((work / "prospects.json").read_text(encoding="utf-8"))["chosen"] == "Priya Nair"


# Each idea of the course's "Setting up", "Preparing" and "Conducting" sections, and words that
# show notebooks 1-3 teach it (any one of them, case-insensitive).
COURSE_IDEAS = {
    "your network": ["family, friends"], "network's network": ["your network's network"],
    "strangers on team pages or LinkedIn": ["team pages"], "direct outreach": ["**direct**"],
    "warm outreach": ["email introduction"], "cold outreach": ["**cold**"],
    "lead with the request": ["leads with the ask"], "brief": ["is brief"],
    "personal": ["is personal"], "respectful": ["courteous"], "context": ["gives context"],
    "call or video is fine": ["phone or video call"], "convenient place": ["convenient for them"],
    "your treat": ["your treat"], "30 minutes": ["30 minutes"],
    "follow up after two weeks": ["two weeks"], "scheduling: thank in advance": ["thanks them up front"],
    "scheduling: times within a week": ["within the next week"], "scheduling: flexible": ["flexible"],
    "scheduling: enthusiasm": ["enthusiasm"], "keep track of names and dates": ["keep track"],
    "notice which styles work": ["which messages get answers"], "try again after a no": ['a "no" is fine'],
    "research the person": ["their profile"], "research the company": ["products and services"],
    "openers": ["openers"], "write questions down": ["write your questions down"],
    "good vs bad questions": ["leave out"], "drive the interview": ["you lead it"],
    "information, not a job": ["information, not a job"], "arrive five minutes early": ["five minutes early"],
    "on time for calls": ["on time"], "end when promised unless they stay": ["*choose* to keep"],
    "dress the part": ["dress as you would"], "take notes": ["pen and paper or a laptop"],
    "thank at start and end": ["at the start and again at the end"], "offer to pay": ["offer to pay"],
    "thank within 24 hours": ["within 24 hours"], "stay in touch every few weeks": ["every few weeks"],
    "follow referrals": ["follow up on any names"],
}


@functools.cache
def guided_prose() -> str:
    text = " ".join(c.source for name in GUIDED
                    for c in nbformat.read(NOTEBOOKS / name, as_version=4).cells
                    if c.cell_type == "markdown")
    return " ".join(text.casefold().split())


@pytest.mark.parametrize("idea", COURSE_IDEAS)
def test_every_course_idea_is_taught_in_notebooks_1_to_3(idea):
    assert any(words.casefold() in guided_prose() for words in COURSE_IDEAS[idea]), idea
