"""The English praise decision on sentences customers write."""

import pytest

from kiosk.analysis.sentiment import assess


@pytest.mark.parametrize("text", [
    "The staff at the Moda branch were so friendly, thank you!",
    "Best sourdough in town. Thank you for always being so kind.",
    "Never had a single problem with your deliveries, always on time.",
    "Props to the cashier who carried my bags to the car.",
    "Five stars. Can't fault anything.",
])
def test_clear_praise(text):
    assert assess(text, "en").label == "praise"


@pytest.mark.parametrize("text", [
    "Staff were nice but the delivery was late.",
    "Love the bakery section, however the fruit is often bruised.",
    "Great coffee, terrible wifi.",
    "The café is gorgeous and the staff lovely, but it's way too loud to talk.",
])
def test_mixed_feedback_is_a_complaint_not_praise(text):
    verdict = assess(text, "en")
    assert verdict.label == "complaint" and "mixed" in verdict.reasons


@pytest.mark.parametrize("text", [
    "Great, another hour waiting for a delivery that was 'arriving in 10 minutes'. Just perfect.",
    "Thanks for nothing.",
    "Love spending my Saturday in a queue. One till open. Amazing planning.",
    "Oh wonderful, my order was cancelled again.",
])
def test_sarcasm_is_never_praise(text):
    verdict = assess(text, "en")
    assert verdict.label == "complaint"
    assert verdict.score < 0


@pytest.mark.parametrize("text", [
    "Refund still not processed after 3 weeks!!!",
    "Waited 40 minutes at the only open till.",
    "Got charged twice for the same basket.",
    "Self-checkout keeps freezing, and there's never any staff around to help.",
])
def test_complaints_without_sentiment_words(text):
    assert assess(text, "en").label == "complaint"


def test_questions_are_neutral():
    assert assess("Do you open on Sunday?", "en").label == "neutral"
    assert assess("Is the Moda branch open late tonight?", "en").label == "neutral"


def test_a_low_star_rating_outweighs_kind_words():
    assert assess("Nice people.", "en", rating=1).label == "complaint"
    assert assess("Nice people, lovely shop.", "en", rating=5).label == "praise"


def test_unsupported_language_is_left_to_an_admin():
    verdict = assess("Sehr freundliches Personal!", "other")
    assert verdict.label == "neutral" and verdict.reasons == ("unsupported language",)


def test_a_complaint_asked_as_a_question_is_still_a_complaint():
    assert assess("Why is the bread always stale and the staff so rude?", "en").label == \
        "complaint"


@pytest.mark.parametrize("text", [
    "Courier carried two water jugs up to my 5th floor flat without me even asking.",
    "Forgot my wallet, the cashier ran after me all the way to the car park with it.",
    "Barista noticed my son was cold and brought him a hot chocolate on the house.",
])
def test_kind_acts_told_plainly_are_praise(text):
    assert assess(text, "en").label == "praise"


def test_vader_tokens_are_nltks_own():
    """english.vader() answers SentiText's punctuation stripping per token; the tokens must be
    exactly those of NLTK's table-based original, on hostile punctuation too."""
    import json
    from pathlib import Path

    import nltk.sentiment.vader as nltk_vader

    from kiosk.analysis import english

    english.vader()
    texts = ["Great!!! food,, ,terrible; service?! :) :-( 10/10 ...wow... 'quoted' \"x\"",
             "!!!", "a", "-dash- it's can't ??? !?!? ,lead trail, mid,dle", "🙂 fine. ok!"]
    texts += [json.loads(line)["text"] for line in
              Path("bench/data/dev-blind/labelled.jsonl").read_text("utf-8").splitlines()]
    for text in texts:
        senti = nltk_vader.SentiText(text, nltk_vader.VaderConstants.PUNC_LIST,
                                     nltk_vader.VaderConstants.REGEX_REMOVE_PUNCTUATION)
        table = senti._words_plus_punc()
        original = [table.get(t, t) for t in text.split() if len(t) > 1]
        assert senti.words_and_emoticons == original, text
