"""The shipped praise model: its file, its arithmetic, and what it lets skip the queue."""

from __future__ import annotations

import json
import math
from importlib.resources import files

import pytest

from kiosk.analysis import praise_model, sentiment
from kiosk.analysis.sentiment import PRAISE_VETO, assess
from kiosk.curation import auto_approvable

AUTO_APPROVE = 0.5  # the AUTO_APPROVE_SCORE default


def rules_alone(text: str) -> sentiment.Verdict:
    return sentiment.decide(sentiment.read_signals(text, sentiment._english(), None), 0.35, -0.25)


def _shipped() -> tuple[dict, int]:
    path = files("kiosk.analysis") / "data" / "praise_model_en.json"
    return json.loads(path.read_text("utf-8")), len(path.read_bytes())


def test_shipped_model_is_small_and_plain():
    model, size = _shipped()
    assert size < 1_500_000
    assert 0.3 < model["threshold"] < 0.95
    assert model["validation"]["out_of_fold"]["negatives_shown"] <= 0.02
    # Bigrams over-fit in cross-validation, so the model reads single words only.
    assert not [name for name in model["weights"] if " " in name]
    dense = praise_model.model_features("Great.", sentiment.read_signals(
        "Great.", sentiment._english(), None))
    assert "_overall" in dense and "_overall" in model["weights"]


def test_negation_scope_and_bigrams():
    features = praise_model.text_features("The soup was not good at all")
    assert "NOT_good" in features and "good" not in features
    assert "was not" in features  # the curators' model (linear.py) still reads bigrams
    assert not [f for f in praise_model.text_features("not good", bigrams=False) if " " in f]


def test_probability_is_the_logistic_of_the_dot_product():
    text = "The staff were wonderful and the coffee was excellent, thank you!"
    signals = sentiment.read_signals(text, sentiment._english(), None)
    model, _ = _shipped()
    z = praise_model.logit(text, model["weights"], model["bias"], signals)
    assert praise_model.probability(text, "en", signals) == pytest.approx(1 / (1 + math.exp(-z)))


@pytest.mark.parametrize("text", [
    "The staff were wonderful and the coffee was excellent, thank you!",
    "Ayşe at the Kadıköy branch was so helpful, I love this place.",
])
def test_plain_praise_skips_the_queue(text):
    verdict = assess(text, "en")
    assert verdict.label == "praise"
    assert auto_approvable(verdict.label, "en", verdict.score, verdict.confidence, [],
                           AUTO_APPROVE)


def test_praise_the_rules_miss_but_the_model_doubts_waits():
    verdict = assess("Looks great, works like crap.", "en")
    assert verdict.label == "praise"  # the rules alone would have shown it
    assert PRAISE_VETO <= verdict.confidence < praise_model.threshold("en")
    assert not auto_approvable(verdict.label, "en", verdict.score, verdict.confidence, [],
                               AUTO_APPROVE)


@pytest.mark.parametrize("text, label", [
    ("It's not the end of the world, but a better design sure would be nice.", "neutral"),
    ("Hopefully someone at the head office reads this, because the shop staff clearly couldn't"
     " care less.", "neutral"),
    ("Asked for a trim, left with a bob. Paid 900 TL for the privilege.", "complaint"),
])
def test_praise_the_model_finds_unlikely_is_not_praise(text, label):
    assert rules_alone(text).label == "praise"
    verdict = assess(text, "en")
    assert (verdict.label, verdict.reasons[-1]) == (label, "praise doubted")


@pytest.mark.parametrize("text, lang", [
    # The price of the veto, kept in sight: praise whose words the models have mostly seen
    # in complaints ("group"; "the system won't let me").
    ("Not one complaint from the group.", "en"),
    ("Yıldız az, 10 yıldız verirdim ama sistem izin vermiyor. Her şey harikaydı.", "tr"),
])
def test_the_veto_costs_some_praise(text, lang):
    signals = sentiment.read_signals(text, sentiment._LANGUAGES[lang](), None)
    assert sentiment.decide(signals, 0.35, -0.25).label == "praise"
    assert "praise doubted" in assess(text, lang).reasons


@pytest.mark.parametrize("text", [
    "Deniz noticed my voucher was about to expire and used it on today's order.",
])
def test_a_kind_act_or_a_good_rating_outweighs_the_models_doubt(text):
    signals = sentiment.read_signals(text, sentiment._english(), None)
    assert signals.staff_act and praise_model.probability(text, "en", signals) < PRAISE_VETO
    assert assess(text, "en").label == "praise"
    assert assess(text, "en", rating=5).label == "praise"


@pytest.mark.parametrize("text, doubted", [
    ("Tebrikler, kargoyu 9 günde getirerek yeni bir rekor kırdınız 👏", True),
    ("Kargo ertesi gün kapıdaydı, paketleme de özenliydi.", False),
])
def test_turkish_praise_is_doubted_by_the_complaint_model(text, doubted):
    """Turkish has no praise model: where its complaint model leans a complaint's way, the
    rules' praise is not shown."""
    assert praise_model.probability(text, "tr", None) is None
    signals = sentiment.read_signals(text, sentiment._turkish(), None)
    assert sentiment.decide(signals, 0.35, -0.25).label == "praise"
    leans = praise_model.probability(text, "tr", signals, "complaint") >= sentiment.COMPLAINT_VETO
    assert leans is doubted
    assert (assess(text, "tr").label != "praise") is doubted
