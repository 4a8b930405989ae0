"""Field cleaning: messages name the field in the student's words and say how to fix it."""

from __future__ import annotations

import pytest

from infoview_kit.fields import FieldError, clean_text, one_of


def test_text_is_stripped_and_none_is_empty():
    assert clean_text("  hi ", "name") == "hi"
    assert clean_text(None, "name") == ""


def test_required_empty_text_names_the_label():
    with pytest.raises(FieldError) as err:
        clean_text(" ", "found_at", label="Where you found them", required=True)
    assert err.value.field == "found_at"
    assert err.value.message.startswith("Where you found them is empty")


def test_too_long_and_non_text_values_are_refused():
    with pytest.raises(FieldError, match="1,000 characters"):
        clean_text("a" * 1000, "why", max_chars=600)
    with pytest.raises(FieldError, match="should be text"):
        clean_text(42, "name")


def test_one_of_lists_the_choices():
    assert one_of("video", "mode", ("video", "phone")) == "video"
    with pytest.raises(FieldError, match="'video', 'phone'"):
        one_of("fax", "mode", ("video", "phone"))


def test_several_errors_travel_together_and_the_first_speaks_for_them():
    from infoview_kit.fields import ErrorCollector, each_error

    check = ErrorCollector()
    assert check(clean_text, " ok ", "name") == "ok"
    check(clean_text, "", "role", required=True)
    check(one_of, "fax", "mode", ("video",))
    with pytest.raises(FieldError) as err:
        check.done()
    assert [e.field for e in each_error(err.value)] == ["role", "mode"]
    assert err.value.field == "role" and "mode" in str(err.value)
    from infoview_kit.summary import InterviewSummary, SummaryError

    with pytest.raises(SummaryError) as err:  # several, still of the summary's own class
        InterviewSummary(first_name=3, learned=4)
    assert [e.field for e in each_error(err.value)] == ["first_name", "learned"]


def test_the_summary_log_and_draft_errors_are_field_errors():
    from infoview_kit.drafts import MAX_DRAFT_CHARS, save_draft
    from infoview_kit.log_format import OutreachLogError
    from infoview_kit.summary import SummaryError

    assert issubclass(SummaryError, FieldError) and issubclass(OutreachLogError, FieldError)
    error = OutreachLogError("row 3, column reply: bad", row=3, column="reply", value="no",
                             reason="bad")
    assert (error.field, error.message, error.row, error.value) == ("reply", "bad", 3, "no")
    with pytest.raises(FieldError) as err:
        save_draft("Luis", "request", "x" * (MAX_DRAFT_CHARS + 1), folder="/nonexistent")
    assert err.value.field == "draft"
