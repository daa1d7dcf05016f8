"""The Turkish sentiment scorer: one group of real customer sentences per rule."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.analysis.turkish import score_turkish
from kiosk.analysis.turkish_sarcasm import sarcasm_markers
from kiosk.analysis.turkish_words import turkish_lower, turkish_sentences

LEXICON = Path(__file__).resolve().parents[2] / "kiosk" / "analysis" / "data" / "tr_lexicon.tsv"


def score(text: str) -> float:
    return score_turkish(text)


# --- plain praise and complaints -------------------------------------------------------------

PRAISE = [
    "Kasiyer Ayşe Hanım'a çok teşekkürler, çok yardımcı oldu.",
    "Ürünler taptaze, personel güler yüzlü.",
    "Kurye çok nazikti, siparişim zamanında geldi.",
    "Pastalar enfesti, ellerinize sağlık!",
    "Mağaza tertemiz ve düzenli, fiyatlar da uygun.",
    "Herkese tavsiye ederim, bayıldık!",
    "Allah razı olsun, annemle çok ilgilendiler.",
    "Kasap Mehmet Bey son derece kibar ve sabırlıydı.",
    "İyi ki varsınız, Kadıköy şubesi bir numara.",
]
COMPLAINTS = [
    "Rezalet bir hizmet, kasiyer çok kabaydı.",
    "Ekmekler bayat, peynir küflü çıktı.",
    "Kasada 40 dakika bekledik, berbat.",
    "Siparişim hâlâ gelmedi, müşteri hizmetleri cevap vermiyor.",
    "Domatesler çürüktü, resmen para tuzağı.",
    "Personel ilgisiz ve saygısız.",
    "Fiyatlar çok pahalı, ürünler kalitesiz.",
    "Dolandırıldım, param hâlâ iade edilmedi.",
    "Uygulama sürekli çöküyor, sepetim boşaldı.",
]


@pytest.mark.parametrize("text", PRAISE)
def test_plain_praise_is_clearly_positive(text):
    assert score(text) >= 0.35


@pytest.mark.parametrize("text", COMPLAINTS)
def test_plain_complaint_is_clearly_negative(text):
    assert score(text) <= -0.35


@pytest.mark.parametrize("text", [
    "Moda şubesi pazar günleri kaçta açılıyor?",
    "Siparişimle ilgili bir sorum var.",
    "Kırmızı elmalar hangi reyonda?",
    "Güvenlik görevlisine sordum, kasanın yerini gösterdi.",
    "Gece 11'de sipariş verdim, sabah teslim alacağım.",
    "",
])
def test_information_and_questions_stay_near_zero(text):
    assert abs(score(text)) < 0.25


def test_scores_stay_in_range_and_strong_words_saturate_slowly():
    texts = PRAISE + COMPLAINTS + ["Harika harika harika!!!! 😍😍😍 🙏🙏", "Berbat rezil iğrenç 🤬"]
    assert all(-1.0 <= score(t) <= 1.0 for t in texts)
    assert score("muhteşem") > score("güzel") > score("idare eder") >= 0


# --- Turkish case folding and text without diacritics ---------------------------------------

def test_turkish_lower_maps_dotted_and_dotless_i():
    assert turkish_lower("İYİ IŞIKLI İSTANBUL") == "iyi ışıklı istanbul"
    assert "İ".lower() != "i"  # why the scorer cannot use str.lower()


@pytest.mark.parametrize(("upper", "lower"), [
    ("ÇOK İYİ", "çok iyi"),
    ("MEMNUN KALMADIM", "memnun kalmadım"),
    ("İLGİSİZ PERSONEL", "ilgisiz personel"),
])
def test_capitals_score_with_the_same_sign(upper, lower):
    assert score(upper) * score(lower) > 0
    assert abs(score(upper) - score(lower)) < 0.1


@pytest.mark.parametrize(("proper", "ascii_"), [
    ("çok güzel", "cok guzel"),
    ("muhteşem", "muhtesem"),
    ("teşekkürler", "tesekkurler"),
    ("berbat", "berbat"),
    ("hiç memnun kalmadım", "hic memnun kalmadim"),
    ("çok beğendim", "cok begendim"),
    ("şikayetim yok", "sikayetim yok"),
    ("çürük çıktı", "curuk cikti"),
    ("Özlem Hanım'a teşekkürler, çok düşünceli", "Ozlem hanima tesekkurler, cok dusunceli"),
])
def test_text_without_diacritics_scores_like_its_proper_spelling(proper, ascii_):
    assert score(proper) != 0
    assert abs(score(proper) - score(ascii_)) < 0.05


def test_ascii_fallback_is_not_used_for_words_typed_with_turkish_letters():
    # "piştik" (we were cooked) folds to "pistik", which would read as "pis" (dirty).
    assert score("piştik") == 0.0
    assert score("pis") < 0


# --- suffixes --------------------------------------------------------------------------------

@pytest.mark.parametrize(("stem", "inflected"), [
    ("teşekkür", "teşekkürlerimizi iletiyoruz"),
    ("güzel", "güzeldi"),
    ("harika", "harikaydı"),
    ("berbat", "berbattı"),
    ("memnun", "memnunuz"),
    ("beğendim", "beğendik"),
    ("ilgili", "ilgiliydiler"),
    ("kaba", "kabaydı"),
    ("bekledik", "bekletildik"),
    ("çürük", "çürüğü"),
    ("dolandırıcı", "dolandırıldık"),
    ("başarılı", "başarılarınızın devamını dilerim"),
    ("bayıldım", "bayılıyoruz"),
])
def test_inflected_forms_score_like_their_stem(stem, inflected):
    assert score(stem) != 0
    assert score(stem) * score(inflected) > 0


@pytest.mark.parametrize("text", [
    "beklentimi söyledim",  # beklenti (expectation), not bekle- (wait)
    "seviye belirleme sınavı",  # seviye (level), not sev- (love)
    "kalite belgesi",  # kalite, not kal-
    "değişik bir ürün",  # değiş-, not değ- (to be worth)
    "dondurma reyonu",  # dondurma (ice cream), not don- (freeze)
    "bozuk para üstü",  # bozuk para (coins), not bozuk (broken)
])
def test_longer_neutral_words_block_shorter_stems(text):
    assert abs(score(text)) < 0.2


def test_ile_ilgili_means_about_not_attentive():
    assert score("Siparişimle ilgili bir sorum var") == pytest.approx(0.0)
    assert score("Personel çok ilgili") > 0.35


# --- negation --------------------------------------------------------------------------------

def test_degil_negates_the_word_before_it():
    assert score("güzel") > 0 > score("güzel değil")
    assert score("Balıklar taze değildi.") < 0
    assert score("iyi değil") < 0
    assert score("hiç iyi değil") < score("iyi değil")  # "hiç" strengthens the negation


def test_kotu_degil_is_only_mildly_positive():
    assert 0 < score("kötü değil") < score("iyi")
    assert score("kötü değil") < score("hiç fena değil")
    assert score("Poğaçalar da hiç bayat değil.") > 0


def test_degil_mi_is_a_question_not_a_negation():
    assert score("Harika değil mi?") > 0


def test_hic_with_a_negated_verb():
    assert score("hiç beğenmedim") < score("beğenmedim") < 0 < score("beğendim")
    assert score("Hiç sorun yaşamadık.") > 0
    assert score("Gerçekten hiç beklemeden kasadan çıktım.") > 0


@pytest.mark.parametrize(("text", "sign"), [
    ("Sorun yok, her şey yolunda.", 1),
    ("Şikayetim yok.", 1),
    ("Hiçbir sorun yok.", 1),
    ("İlgi yok, alaka yok.", -1),
    ("Mail attım, cevap yok.", -1),
    ("Kampanyalı ürün rafta yoktu.", -1),
])
def test_yok_after_a_noun(text, sign):
    assert score(text) * sign > 0


@pytest.mark.parametrize(("text", "sign"), [
    ("Yemekleri hiç beğenmedim.", -1),
    ("Memnun kalmadım.", -1),
    ("Bu pastayı sevmedik.", -1),
    ("Siparişim iki saattir gelmedi.", -1),
    ("Kimse yardım etmiyor.", -1),
    ("Telefonu açmıyorlar.", -1),
    ("Uygulama çalışmıyor.", -1),
    ("Müşteri hizmetlerine ulaşamıyorum.", -1),
    ("Kimseye tavsiye etmem.", -1),
    ("Hiç sorun yaşamadık.", 1),
    ("Bozuk ürünle hiç karşılaşmadım.", 1),
    ("Sorun olmadı, teslimat sorunsuzdu.", 1),
    ("Memnun kaldım diyemem, kurabiyeler bayattı.", -1),
    # a verb made of a word with -lA-, denied: the word's sense turned round
    ("Kasadaki kızın tavrından hiç hoşlanmadım.", -1),
    ("Annemin durumu iki haftada hiç iyileşmedi.", -1),
    ("Aldığım simit akşama kadar bayatlamadı.", 1),
    # a bad deed denied does not deny the word before it ("!" words: teslim, cevap)
    ("Teslimatta faturayı da unutmamışlar.", 1),
    ("Cevap vermekten hiç kaçınmadılar.", 1),
])
def test_verb_negation(text, sign):
    assert score(text) * sign > 0


def test_neutral_verbs_are_neutral_until_negated():
    assert score("Çalışanlar çok ilgiliydi.") > 0  # çalış- is a complaint only when negated
    assert score("Siparişim geldi.") == pytest.approx(0.0)
    assert score("Siparişim gelmedi.") < 0


def test_without_suffix_reverses_the_stem():
    assert score("ilgisiz") < 0 < score("ilgili")
    assert score("sorunsuz") > 0 > score("sorun")
    assert score("özensiz paketlemişler") < 0


def test_never_seen_such_is_an_intensifier_not_a_negation():
    assert score("Hayatımda böyle rezalet görmedim.") < score("Rezalet.") < 0
    assert score("Bu kadar temiz bir kasap görmedim.") > 0
    assert score("Bugüne kadar hiçbir şikayetim olmadı.") > 0  # "kadar" alone is not "bu kadar"


def test_resolved_complaints():
    assert score("Sorunumu hemen çözdüler, teşekkürler.") > 0
    assert score("Sorun hâlâ çözülmedi.") < 0


# --- boosters, dampeners, punctuation --------------------------------------------------------

@pytest.mark.parametrize(("boosted", "plain"), [
    ("çok güzel", "güzel"),
    ("gerçekten çok lezzetli", "lezzetli"),
    ("son derece kibar", "kibar"),
    ("inanılmaz hızlı", "hızlı"),
    ("acayip taze", "taze"),
    ("cidden berbat", "berbat"),
    ("aşırı pahalı", "pahalı"),
    ("süper hızlı", "hızlı"),
])
def test_boosters_increase_magnitude(boosted, plain):
    assert abs(score(boosted)) > abs(score(plain)) > 0
    assert score(boosted) * score(plain) > 0


def test_dampeners_decrease_magnitude():
    assert score("pahalı") < score("biraz pahalı") < 0
    assert score("hiç beğenmedim") < score("pek beğenmedim") < 0


def test_dual_words_are_boosters_before_a_sentiment_word():
    assert score("süper") > 0 and score("fena") < 0
    assert score("fena güzel") > score("güzel") > 0  # slang: "really nice"


def test_exclamation_marks_caps_and_elongation_amplify():
    assert score("Harika!!!") > score("Harika!") > score("Harika") > 0
    assert score("Berbat!!") < score("Berbat") < 0
    assert score("Kasiyer ÇOK kabaydı") < score("Kasiyer çok kabaydı") < 0
    assert score("çoook güzeeel") == pytest.approx(score("çok güzel"))


# --- contrast --------------------------------------------------------------------------------

@pytest.mark.parametrize("word", ["ama", "fakat", "ancak", "lakin"])
def test_clause_after_the_contrast_word_dominates(word):
    assert score(f"Ürünler taze {word} kasiyer çok kabaydı.") < 0
    assert score(f"Kasiyer biraz kaba {word} ürünler çok taze.") > 0


def test_contrast_weights_differ_from_a_plain_list():
    assert score("Ürünler taze ama kasiyer kabaydı.") < score("Ürünler taze, kasiyer kabaydı.")
    assert score("Kasiyer kabaydı ama ürünler taze.") > score("Kasiyer kabaydı, ürünler taze.")


def test_yalniz_is_a_contrast_only_inside_a_sentence():
    assert score("Ürünler taze, yalnız kasiyer kabaydı.") < score("Ürünler taze, kasiyer kabaydı.")
    # sentence-initial "Yalnız" here means "only", so nothing is reweighted
    assert score("Yalnız kasiyer kabaydı.") == pytest.approx(score("Kasiyer kabaydı."))


def test_ragmen_weights_the_main_clause():
    assert score("Kalabalık olmasına rağmen kasiyerler hızlıydı.") > 0
    assert score("Kalabalık olmasına rağmen kasiyerler hızlıydı.") > score(
        "Kalabalıktı, kasiyerler hızlıydı.")


def test_contrast_word_opening_a_sentence_reweights_the_one_before():
    assert score("Ürünler çok güzeldi. Ama kasiyer çok kabaydı.") < 0


def test_a_bare_ama_after_praise_announces_a_complaint():
    assert score("Umut Bey yardımcı oldu ama aradığım ürün yoktu.") < 0


def test_tek_derdim_marks_the_complaint():
    text = "Fiyatlar iyi, çeşit bol. Tek derdim kasanın çok yavaş olması."
    assert score(text) < score(text.replace("Tek derdim", "Derdim")) < 0


# --- emoji -----------------------------------------------------------------------------------

@pytest.mark.parametrize("emoji", ["🙏", "😊", "👏", "❤️", "😍", "👍", "👍🏻", ":)"])
def test_positive_emoji(emoji):
    assert score(emoji) > 0
    assert score(f"Teşekkürler {emoji}") > score("Teşekkürler")


@pytest.mark.parametrize("emoji", ["😡", "🤬", "👎", "😤", "😞", ":("])
def test_negative_emoji(emoji):
    assert score(emoji) < 0
    assert score(f"Kargo geç geldi {emoji}") < score("Kargo geç geldi")


# --- requests, wishes, "used to" -------------------------------------------------------------

def test_requests_and_wishes_do_not_count_as_praise():
    assert score("Lütfen yardımcı olun, siparişim gelmedi.") < 0
    assert score("Çocuklar için küçük alışveriş arabası olsa iyi olur.") < 0.35
    assert score("Kasap reyonu daha dikkatli olmalı.") < 0
    assert score("Eskiden çok severdim, artık eskisi gibi değil.") < 0


# --- sarcasm markers -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Harika, yine 40 dakika kuyruk.",
    "Süper, bir saattir bekliyorum.",
    "Mükemmel hizmet, siparişim 2 saattir gelmedi.",
    "Tebrikler(!) kasada yine tek kişi var.",
    "Helal olsun size(!)",
    "Bravo, çok iyi planlama, tebrikler gerçekten. 35 dakika bekledim.",
    "Siparişim 1 saat gecikti, dondurma çorba olmuş. Teşekkürler gerçekten 🙃",
    "Teşekkürler, sayenizde kahvemi soğuk içmeyi öğrendim.",
    "Harika, kasada yine tek kişi. Bravo 👏",
])
def test_sarcasm_markers_found(text):
    assert sarcasm_markers(text)


@pytest.mark.parametrize("text", [
    "Kasiyer Ayşe Hanım harikaydı, çok teşekkürler!",
    "Ürünler harika ama kasada 20 dakika bekledik.",
    "Çok hızlı teslimat, 20 dakikada geldi, harika!",
    "Tebrikler, yeni şube çok güzel olmuş.",
    "Helal olsun, bayram yoğunluğunda bile güler yüzlüydüler.",
    "Harika, yine çok memnun kaldık.",
    "Kasada 40 dakika bekledim.",
])
def test_sarcasm_markers_not_found(text):
    assert not sarcasm_markers(text)


def test_sarcasm_is_left_to_the_caller():
    assert sarcasm_markers("Helal olsun size(!)") and not sarcasm_markers("Helal olsun size")
    assert score("Helal olsun size(!)") == score("Helal olsun size") > 0  # "(!)" is no "!"


# --- sentences -------------------------------------------------------------------------------

def test_turkish_sentences_keep_abbreviations_ordinals_and_ironic_marks():
    text = ("Sn. Müdür, ürünler taze. Ama kasa yavaş! Tebrikler(!) kasada tek kişi vardı. "
            "3. kez geliyorum.\nTeşekkürler")
    assert turkish_sentences(text) == [
        "Sn. Müdür, ürünler taze.", "Ama kasa yavaş!",
        "Tebrikler(!) kasada tek kişi vardı.", "3. kez geliyorum.", "Teşekkürler"]
    assert turkish_sentences("") == []


# --- the lexicon file and speed --------------------------------------------------------------

def test_lexicon_has_provenance_and_well_formed_entries():
    lines = LEXICON.read_text(encoding="utf-8").splitlines()
    header = "\n".join(line for line in lines[:25] if line.startswith("#")).lower()
    assert "curated by hand" in header and "licence" in header and "gpl" in header
    entries = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    assert len(entries) >= 400
    assert all(len(fields) == 3 and -4 <= float(fields[1]) <= 4 for fields in entries)
    stems = [fields[0] for fields in entries]
    assert len(stems) == len(set(stems)), "duplicate stems"


@pytest.mark.parametrize("text", [
    "Harika hizmet, teşekkürler",
    "Harika hizmet, çok teşekkürler!",
    "Süper ekip, teşekkürler 🙏",
])
def test_praise_that_opens_and_closes_with_praise_is_praise(text):
    """Opening and closing with praise is one weak sarcasm sign, not two."""
    from kiosk.analysis.pipeline import Thresholds, analyze
    from kiosk.feedback import FeedbackItem

    item = FeedbackItem(source="t", external_id="1", text=text, created_at=datetime.now(UTC))
    result = analyze(item, Thresholds())
    assert result.label == "praise" and "sarcasm" not in result.reasons


def test_praise_framing_a_complaint_is_still_sarcasm():
    from kiosk.analysis.pipeline import Thresholds, analyze
    from kiosk.feedback import FeedbackItem

    item = FeedbackItem(source="t", external_id="1", created_at=datetime.now(UTC),
                        text="Süper, siparişim yine gelmedi. Teşekkürler!")
    result = analyze(item, Thresholds())
    assert result.label == "complaint" and "sarcasm" in result.reasons
