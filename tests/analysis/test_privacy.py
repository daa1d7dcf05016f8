"""What a screen may show: personal data masked, authors shortened, profanity flagged."""

import pytest

from kiosk.analysis.profanity import find_profanity
from kiosk.analysis.redaction import display_author, redact_text, valid_tckn


@pytest.mark.parametrize("text, gone", [
    ("Beni 0532 123 45 67'den arayın", "0532"),
    ("Numaram +90 (505) 987 65 43", "987"),
    ("05321234567 numarasından ulaşabilirsiniz", "05321234567"),
    ("call me on +44 20 7946 0958", "7946"),
    ("mail: ayse.k@example.com.tr", "ayse.k@"),
    ("TC kimlik no 10000000146 ile kayıtlıyım", "10000000146"),
    ("IBAN TR33 0006 1005 1978 6457 8413 26 hesabıma", "6457"),
    ("@ayse_k bak buna", "ayse_k"),
    ("see https://evil.example/x?y=1 now", "evil.example"),
    ("form at http://intranet/feedback", "intranet"),  # no dot and no digit: still a link
    ("@mehmet_k abi nerdesin", "mehmet_k"),  # no digit, no dot
    ("ayse@example.com yazın", "ayse@"),
    ("Adres: Caferağa Mah. Moda Cad. No: 12 D: 3 Kadıköy", "Moda Cad"),
])
def test_personal_data_is_masked(text, gone):
    assert gone not in redact_text(text, "tr")


@pytest.mark.parametrize("text", [
    "Sipariş no 123456 geldi, 3 kg 250 TL",
    "2 saat 45 dakika bekledim",
    "Fiyat 1.250,00 TL oldu 15.11.2026 tarihinde",
    "Kupon kodum m7708266e çalışmadı",  # digits glued to letters are a code
    "Kargo takip no TR2984736152, hâlâ yolda",
])
def test_ordinary_numbers_stay(text):
    assert redact_text(text, "tr") == text


def test_tckn_checksum():
    assert valid_tckn("10000000146")
    assert not valid_tckn("12345678901")


@pytest.mark.parametrize("author, shown", [
    ("Ayşe Kaya", "Ayşe K."), ("gülşen yıldız", "Gülşen Y."), ("Mehmet", "Mehmet"),
    ("@simge.yilmaz", None), ("ayse@example.com", None), ("", None), (None, None),
    ("Mary Jane Watson", "Mary W."),
])
def test_authors_are_anonymised(author, shown):
    assert display_author(author) == shown


@pytest.mark.parametrize("text, lang", [
    ("salaksınız siz", "tr"), ("amk ne güzel olmuş", "tr"), ("ŞEREFSİZLER", "tr"),
    ("What the fuck", "en"), ("f*ck this shop", "en"), ("shitty service", "en"),
])
def test_profanity_is_found(text, lang):
    assert find_profanity(text, lang)


@pytest.mark.parametrize("text, lang", [
    ("Kasiyer paketi arabaya kadar götürdü", "tr"), ("Adı Ayşe olan kasiyer", "tr"),
    ("Ak saçlı amca çok yardımcı oldu", "tr"), ("market çok pis", "tr"),
    ("canimi sikti bu kuyruk", "tr"), ("mal kalitesiz", "tr"),
    ("I am so happy with Scunthorpe store", "en"), ("Dick Smith was helpful", "en"),
    ("damn good bread", "en"), ("ama çok güzeldi", "tr"),
])
def test_ordinary_words_are_not_profanity(text, lang):
    assert find_profanity(text, lang) == []
