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
