"""The complaint model reads faults told as plain facts, and only where the rules are unsure."""

import pytest

from kiosk.analysis import praise_model
from kiosk.analysis.sentiment import _english, assess, decide, may_be_fact, read_signals


@pytest.mark.parametrize("text", [
    "They charged me for a bag.",
    "The meat was tough and chewy.",
])
def test_a_fault_told_as_a_fact_is_a_complaint(text):
    verdict = assess(text, "en")
    assert verdict.label == "complaint"
    assert "told as a fact" in verdict.reasons
    assert verdict.score < 0


@pytest.mark.parametrize("text", [
    "Can I return a jacket without the receipt?",  # asks
    "do you fix water damaged laptops or only screens?",
    "The pharmacy is open until 10 on weekdays.",  # informs
    "The courier waited while I checked the glasses and swapped the one that had a chip.",
])
def test_questions_information_and_kind_acts_stay_off_the_complaint_list(text):
    assert assess(text, "en").label != "complaint"


@pytest.mark.parametrize("text,reads", [
    ("The courier waited while I checked the glasses and swapped the one that had a chip.",
     False),  # the chip is the trouble staff put right
    ("Do the glasses come in a box, or wrapped?", False),  # a question asks
    ("The glasses arrived in two pieces.", True),  # the rules have no word for it
])
def test_what_the_model_may_read(text, reads):
    signals = read_signals(text, _english(), None)
    verdict = decide(signals, 0.35, -0.25)
    assert verdict.label == "neutral"
    assert may_be_fact(verdict, signals) is reads


def test_it_never_touches_praise():
    assert assess("Lovely staff, spotless tables, we will be back.", "en").label == "praise"
    assert "told as a fact" not in assess("Lovely staff, spotless tables.", "en").reasons


def test_the_shipped_threshold_is_where_the_model_is_right_more_often_than_not():
    assert 0.5 <= praise_model.threshold("en", "complaint") < 0.9
