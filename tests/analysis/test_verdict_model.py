"""The verdict model: its files, its arithmetic, and what it changes of the rules' reading."""

from __future__ import annotations

import json
import math
from importlib.resources import files

import pytest

from kiosk.analysis import features, sentiment, verdict_model
from kiosk.analysis.sentiment import assess, rules
from kiosk.curation import auto_approvable

AUTO_APPROVE = 0.5  # the AUTO_APPROVE_SCORE default


def _shipped(lang: str) -> tuple[dict, int]:
    path = files("kiosk.analysis") / "data" / f"verdict_model_{lang}.json"
    return json.loads(path.read_text("utf-8")), len(path.read_bytes())


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_shipped_model_is_small_and_its_estimate_beats_the_rules(lang):
    model, size = _shipped(lang)
    assert size < 1_500_000
    t = model["thresholds"]
    assert 0.5 < t["praise"] <= t["auto"] < 1.0
    assert 0.05 < t["complaint"] < 0.6
    pooled = model["estimate"]["pooled"]  # left out one former held-out set at a time
    assert pooled["model"]["precision"] >= 0.95
    assert pooled["model"]["precision"] > pooled["rules"]["precision"]
    assert pooled["model"]["recall"] > pooled["rules"]["recall"]
    assert pooled["model"]["complaint_recall"] > pooled["rules"]["complaint_recall"]
    assert pooled["auto"]["precision"] >= 0.97
    assert not [n for n in model["praise"]["weights"] if " " in n and not n.startswith("_")]


def test_negation_scope_and_bigrams():
    words = features.text_features("The soup was not good at all")
    assert "NOT_good" in words and "good" not in words
    assert "was not" in words  # the curators' model (linear.py) still reads bigrams
    assert not [f for f in features.text_features("not good", bigrams=False) if " " in f]


def test_turkish_words_are_read_with_their_stems_and_endings():
    words = features.text_features("Sayaç okunmadı", bigrams=False, affixes=True)
    assert {"stem:sayac", "sfx:adi"} <= set(words)  # diacritics dropped, tense kept
    signals = sentiment.read_signals("Sayaç okunmadı", sentiment._turkish(), None)
    assert "sfx:adi" in verdict_model.features("Sayaç okunmadı", "tr", signals, "neutral", ())
    signals = sentiment.read_signals("Not read", sentiment._english(), None)
    assert not [f for f in verdict_model.features("Not read", "en", signals, "neutral", ())
                if f.startswith("sfx:")]


def test_probabilities_are_the_logistic_of_the_dot_products():
    text = "The staff were wonderful and the coffee was excellent, thank you!"
    feats, verdict = sentiment.model_reading(text, "en")
    assert verdict == rules(text, "en")
    assert {"_rule_praise", "_overall", "wonderful"} <= set(feats)
    model, _ = _shipped("en")
    expected = [1 / (1 + math.exp(-model[head]["bias"] - sum(
        model[head]["weights"].get(name, 0.0) * value for name, value in feats.items())))
        for head in ("praise", "complaint")]
    assert verdict_model.probabilities(feats, "en") == pytest.approx(expected)
    assert verdict_model.probabilities(feats, "de") is None


@pytest.mark.parametrize("text, lang", [
    ("The staff were wonderful and the coffee was excellent, thank you!", "en"),
    ("Ayşe at the Kadıköy branch was so helpful, I love this place.", "en"),
    ("Kargo ertesi gün kapıdaydı, paketleme de özenliydi.", "tr"),
    ("Ayşe Hanım'a çok teşekkürler, çok ilgiliydi.", "tr"),
])
def test_plain_praise_skips_the_queue(text, lang):
    verdict = assess(text, lang)
    assert verdict.label == "praise"
    assert verdict.confidence >= verdict_model.threshold(lang, "auto")
    assert auto_approvable(verdict.label, lang, verdict.score, verdict.confidence, [],
                           AUTO_APPROVE)


@pytest.mark.parametrize("text, lang, label", [
    ("hiç sorun yaşamadım", "tr", "praise"),
    ("kötü değildi aslında", "tr", "praise"),
    ("şikayetim yok", "tr", "praise"),
    ("not bad at all", "en", "praise"),
    ("can't fault it", "en", "praise"),
    ("beğenmedim", "tr", "complaint"),
    ("memnun kalmadım", "tr", "complaint"),
    ("Harika, yine 40 dakika kuyruk, süper", "tr", "complaint"),
    ("staff were nice but the delivery was late", "en", "complaint"),
    ("Can I return a jacket without the receipt?", "en", "neutral"),
    ("Dükkan saat dokuzda açılıyor.", "tr", "neutral"),
])
def test_the_rules_reading_of_the_plain_cases_stands(text, lang, label):
    assert rules(text, lang).label == label
    assert assess(text, lang).label == label


@pytest.mark.parametrize("text, label", [
    ("Asked for a trim, left with a bob. Paid 900 TL for the privilege.", "complaint"),
    ("Hopefully someone at the head office reads this, because the shop staff clearly couldn't"
     " care less.", "complaint"),
    ("Tebrikler, kargoyu 9 günde getirerek yeni bir rekor kırdınız 👏", "complaint"),
])
def test_praise_the_model_finds_unlikely_is_not_shown(text, label):
    lang = "tr" if "ı" in text else "en"
    assert rules(text, lang).label == "praise"
    verdict = assess(text, lang)
    assert (verdict.label, verdict.reasons[-1]) == (label, "praise doubted")
    assert verdict.score <= -0.25  # on the complaint side of the threshold


@pytest.mark.parametrize("text", [
    "They charged me for a bag.",
    "The meat was tough and chewy.",
    "Please correct my bill, you charged me for a meal we never had.",
    "Three orders, none were as tasty as you promised.",
    "My pizza was not too hot when it arrived, more like lukewarm.",
])
def test_a_fault_told_as_a_fact_is_a_complaint(text):
    assert rules(text, "en").label == "neutral"
    verdict = assess(text, "en")
    assert (verdict.label, verdict.reasons[-1]) == ("complaint", "told as a fact")
    assert verdict.score <= -0.25


@pytest.mark.parametrize("text, lang", [
    ("The courier waited while I checked the glasses and swapped the one that had a chip.",
     "en"),
])
def test_praise_found_by_the_model_waits_for_a_curator(text, lang):
    assert rules(text, lang).label == "neutral"
    verdict = assess(text, lang)
    assert (verdict.label, verdict.score) == ("praise", 0.35)  # at the praise threshold
    assert "told as a fact" in verdict.reasons
    assert not auto_approvable(verdict.label, lang, verdict.score, verdict.confidence, [],
                               AUTO_APPROVE)


def test_a_complaint_the_model_doubts_is_neutral_between_the_thresholds():
    # a question the rules misread as a complaint (its "damage"); the model doubts it
    text = "Does home insurance cover earthquake damage or is that a separate policy?"
    assert rules(text, "en").label == "complaint"
    verdict = assess(text, "en")
    assert verdict.label == "neutral" and verdict.reasons[-1] == "complaint doubted"
    assert -0.25 < verdict.score < 0.35


def test_the_customers_own_rating_has_its_say():
    doubted = "Asked for a trim, left with a bob. Paid 900 TL for the privilege."
    assert assess(doubted, "en").label == "complaint"
    assert assess(doubted, "en", rating=5).label == "praise"  # the rules' praise, five stars
    found = "The courier waited while I checked the glasses and swapped the one that had a chip."
    assert assess(found, "en").label == "praise"
    assert assess(found, "en", rating=3).label == rules(found, "en", rating=3).label
    assert assess("Nice people.", "en", rating=1).label == "complaint"


def test_languages_without_a_model_keep_the_rules_reading():
    assert not verdict_model.available("de")
    verdict = assess("Sehr freundliches Personal!", "other")
    assert verdict.label == "neutral" and verdict.reasons == ("unsupported language",)


def _tables():
    """(text, lang, label) of the rules' sentence tables in fresh words: a label may be "not
    praise" or "not a complaint" where that is all a rule promises."""
    from tests.analysis import test_fresh_words, test_situations

    labels = ("praise", "complaint", "neutral", "not praise", "not a complaint")
    for module in (test_situations, test_fresh_words):
        for name, table in vars(module).items():
            if not (name.isupper() and isinstance(table, list)):
                continue
            for row in table:
                strings = [x for x in row if isinstance(x, str)]
                label = next((x for x in strings if x in labels), None)
                lang = next((x for x in strings if x in ("tr", "en")), None)
                if label:
                    text = max(strings, key=len)
                    yield text, lang or ("tr" if set(text) & set("ıİşŞğĞ") else "en"), label


def test_the_verdict_model_keeps_most_of_what_the_rules_were_tested_on():
    """The rule tables check the rules alone; through the whole verdict most must still read
    as tested. What the model changes there is the price of what it finds in new trades."""
    rows = list(_tables())
    kept = sum((assess(text, lang).label != label.removeprefix("not a ").removeprefix("not "))
               if label.startswith("not ") else assess(text, lang).label == label
               for text, lang, label in rows)
    assert len(rows) > 150
    assert kept / len(rows) >= 0.95


def test_praise_only_the_model_found_never_skips_the_queue_whatever_the_thresholds():
    text = ("Our AC was blowing warm air, the technician found a gas leak, fixed it and "
            "regassed. Cold as ice now ❄️")
    for praise_at in (0.35, 0.6):  # a company whose praise threshold is above AUTO_APPROVE
        assert rules(text, "en", praise_at=praise_at).label == "complaint"
        verdict = assess(text, "en", praise_at=praise_at)
        assert verdict.label == "praise" and verdict.confidence is None
        assert verdict.reasons == ("told as a fact",)  # not the rules' "complaint situation"
        assert not auto_approvable(verdict.label, "en", verdict.score, verdict.confidence, [],
                                   AUTO_APPROVE)


def test_a_companys_thresholds_do_not_change_what_the_model_reads():
    """The model reads the rules at the thresholds it was trained at; a stricter company
    threshold only sends the praise the rules no longer find to a curator."""
    assert assess("Thank you!", "en").confidence >= verdict_model.threshold("en", "auto")
    strict = assess("Thank you!", "en", praise_at=0.6)
    assert (strict.label, strict.confidence) == ("praise", None)


@pytest.mark.parametrize("text, lang", [
    ("My parcel was delivered yesterday.", "en"),
    ("Ordered the burger menu.", "en"),
])
def test_four_or_five_stars_are_never_a_complaint_the_rules_did_not_see(text, lang):
    assert rules(text, lang).label == "neutral"  # the shipped model, unrated, says complaint
    assert assess(text, lang, rating=5).label == "neutral"
    assert assess(text, lang, rating=4).label == "neutral"


def test_a_low_rating_scores_on_the_complaint_side():
    verdict = assess("Great staff, great food, loved it!", "en", rating=1)
    assert verdict.label == "complaint" and verdict.score <= -0.25
