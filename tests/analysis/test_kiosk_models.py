"""The second opinions learned from Kiosk's own examples read what the rules call neutral,
and nothing they rescue reaches a wall without a curator."""

import pytest

from kiosk.analysis import praise_model
from kiosk.analysis.sentiment import _english, _turkish, assess, decide, may_be_praise, read_signals
from kiosk.curation import auto_approvable

# Praise with no praise word: the rules call each neutral.
PLAIN_PRAISE = [
    "Kuaför saçımı istediğim gibi kesti, fiyat da söylediği kadar.",
    "Teknisyen randevu saatinden on dakika önce gelip ayakkabılarını çıkardı.",
    "Kızımın doğum günü için pastaya adını yazdırmışlar, biz istememiştik.",
]


def _verdicts_of_plain_facts(texts: list[str], lang: str, language) -> list:
    """What the whole pipeline says of texts the rules alone call neutral."""
    for text in texts:
        assert decide(read_signals(text, language, None), 0.35, -0.25).label == "neutral"
    return [assess(text, lang) for text in texts]


def test_praise_told_as_a_plain_fact_is_found_and_waits_for_a_curator():
    verdicts = _verdicts_of_plain_facts(PLAIN_PRAISE, "tr", _turkish())
    rescued = [v for v in verdicts if "told as a fact" in v.reasons]
    assert rescued, "the rescue model found none of them"
    for verdict in rescued:
        assert (verdict.label, verdict.score) == ("praise", 0.35)
        assert not auto_approvable(verdict.label, "tr", verdict.score, verdict.confidence, [],
                                   min_score=0.5)
    assert all(v.label == "neutral" for v in verdicts if v not in rescued)


def test_english_praise_told_as_a_plain_fact_is_found_too():
    plain = ["The engineer replaced the boiler part in one visit and explained the settings to "
             "my mum.", "The assembler built a bed and two wardrobes in under three hours.",
             "Our new fridge was installed on Tuesday and the old one taken away the same day.",
             "The two movers took every bit of cardboard away with them."]
    verdicts = _verdicts_of_plain_facts(plain, "en", _english())
    rescued = [v for v in verdicts if "told as a fact" in v.reasons and v.label == "praise"]
    assert rescued, "the rescue model found none of them"
    for verdict in rescued:  # at the praise threshold, so a curator reads it first
        assert (verdict.score, verdict.confidence) == (0.35, None)
    assert assess("My parcel was delivered yesterday.", "en").label == "neutral"


@pytest.mark.parametrize("text", [
    "Dükkan saat dokuzda açılıyor.",
    "Siparişim dün teslim edildi.",
])
def test_plain_information_stays_neutral(text):
    assert assess(text, "tr").label == "neutral"


@pytest.mark.parametrize("text,reads", [
    ("Kuaför saçımı istediğim gibi kesti.", True),
    ("Kuaför saçımı istediğim gibi kesebilir mi?", False),  # asks
    ("Randevu sistemine hatırlatma eklenirse çok iyi olur.", False),  # suggests
])
def test_what_the_rescue_may_read(text, reads):
    signals = read_signals(text, _turkish(), None)
    verdict = decide(signals, 0.35, -0.25)
    assert may_be_praise(verdict, signals) is reads


def test_the_models_read_turkish_word_endings():
    features = praise_model.text_features("Sayaç okunmadı", bigrams=False, affixes=True)
    assert {"stem:sayac", "sfx:adi"} <= set(features)  # diacritics dropped, tense kept
    assert "sfx:adi" not in praise_model.text_features("Sayaç okunmadı", bigrams=False)


def test_the_shipped_thresholds_flip_only_what_the_model_is_fairly_sure_of():
    assert 0.5 <= praise_model.threshold("tr", "complaint") <= 1.0
    assert 0.5 <= praise_model.threshold("tr", "rescue") < 0.95
    assert 0.5 <= praise_model.threshold("en", "rescue") < 0.95
