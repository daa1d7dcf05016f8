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
