import pytest

from kiosk.analysis.language import detect_language


@pytest.mark.parametrize("text, lang", [
    ("Kadıköy şubesindeki kasiyer çok ilgiliydi", "tr"),
    ("ayse hanim cok ilgiliydi tesekkurler", "tr"),
    ("Harika!", "tr"),
    ("Ekmekler taptaze 🙏", "tr"),
    ("The staff were lovely, thank you", "en"),
    ("great bread", "en"),
    ("Sehr freundliches Personal, vielen Dank!", "other"),
    ("Спасибо за быструю доставку!", "other"),
    ("Çox sağ olun, xidmət əla idi", "other"),
    ("MERVE HANIM COK SAGOLUN!!!", "tr"),  # Turkish in capitals without Turkish letters
    ("kurye bey cok kibardi", "tr"),
    ("Thank you so much, very kind!", "en"),
])
def test_turkish_english_and_the_rest(text, lang):
    assert detect_language(text) == lang


def test_a_sources_own_language_tag_wins():
    assert detect_language("ok", "en") == "en"
    assert detect_language("ok", "tr") == "tr"


def test_a_word_turkish_shares_with_another_language_does_not_make_it_turkish():
    assert detect_language("Det var bra, men det var dyrt.") != "tr"  # Swedish "var"


@pytest.mark.parametrize("text, lang", [
    ("Yemekler çok güzeldi ama servis yavaştı", "tr"),  # settled by its words
    ("The staff were lovely and the room was spotless", "en"),
    ("Me cobraron un filtro que no cambiaron.", "other"),  # "me", "no" are not only English
    ("Het personeel was heel vriendelijk en de service was top", "other"),  # nor "was", "de"
    ("Çox sağ olun, xidmət yaxşı idi, bu gün gəldim", "other"),  # Azerbaijani: ə, çox, bu
    ("Sifariş gecikdi, kuryer telefonu açmadı. Heç razı deyiləm.", "other"),
    ("kuafor randevusu icin whatsapp numaraniz nedir", "tr"),
    # a Turkish name inside an English sentence is no Turkish
    ("The Yıldız clinic is spotless.", "en"),
    ("Do you deliver to Büyükada?", "en"),
    ("Işık Hanım çok yardımcı oldu.", "tr"),
])
def test_words_only_one_language_writes_settle_it_and_shared_ones_do_not(text, lang):
    assert detect_language(text) == lang
