"""What a screen may show: personal data masked in the text, authors shortened to 'Ayşe K.'.

Redaction errs towards masking: a wrongly masked order number costs nothing, a customer's
phone number on a break-room wall costs trust.
"""

from __future__ import annotations

import re

import phonenumbers

from kiosk.analysis.text import normalise

# Linear time on hostile input: a match starts only where a run of address characters
# starts (the leftmost match would start there anyway), and domain labels are bounded
# (63 characters, 10 labels, as in DNS), so a 100 kB run of "a." is read once, not once
# per position.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]{1,63}(?:\.[\w-]{1,63}){1,10}", re.UNICODE)
_URL = re.compile(
    r"\b(?:https?://|www\.)\S+"
    r"|\b[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,8}\."
    r"(?:com|net|org|info|biz|io|co|app|shop|store|me)(?:\.tr)?(?:/\S*)?\b"
    r"|\b[a-z0-9-]{1,63}\.(?:com|net|org|gen|web|av|bel|k12|gov)\.tr(?:/\S*)?\b",
    re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_.]{2,30}(?<!\.)")
_TCKN = re.compile(r"(?<!\d)[1-9](?:\s?\d){10}(?!\d)")
_IBAN = re.compile(r"\bTR\s?\d{2}(?:\s?[0-9A-Z]{4}){5}\s?\d{0,2}\b", re.IGNORECASE)
_CARD = re.compile(r"(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)")
_DIGIT = re.compile(r"\d")
_DIGIT_RUN = re.compile(r"(?<![\w+])\+?\d[\d ()./-]{8,}\d(?!\w)")
_ADDRESS = re.compile(
    r"(?:\b[\wçğıöşüÇĞİÖŞÜ.]{1,40}\s+){0,3}"  # bounded: linear on a long word
    r"(?:Mah(?:allesi|\.)|Mh\.|Cad(?:desi|\.)|Cd\.|Sok(?:ağı|ak|\.)|Sk\.|Bulvarı|Blv\.)"
    r"[^.!?\n]{0,60}?\bNo\s*[:.]?\s*\d+[\w/]*(?:\s*(?:D|Daire|Kat)\s*[:.]?\s*\d+)*"
    r"|\b\d{1,5}\s+(?:[A-Z][a-z]+\s){1,3}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Ln\.|"
    r"Boulevard|Blvd\.|Drive|Dr\.)",
    re.UNICODE)

_MASKS = {
    "tr": {"email": "[e-posta]", "url": "[bağlantı]", "id": "[kimlik no]",
           "phone": "[telefon]", "iban": "[IBAN]", "card": "[kart no]", "address": "[adres]"},
    "en": {"email": "[e-mail]", "url": "[link]", "id": "[ID number]", "phone": "[phone]",
           "iban": "[IBAN]", "card": "[card number]", "address": "[address]"},
}


def valid_tckn(digits: str) -> bool:
    """Turkish national ID checksum: the 10th and 11th digits check the first nine and ten."""
    d = [int(c) for c in digits if c.isdigit()]
    if len(d) != 11 or d[0] == 0:
        return False
    tenth = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
    return tenth == d[9] and sum(d[:10]) % 10 == d[10]


def _luhn(digits: str) -> bool:
    nums = [int(c) for c in digits if c.isdigit()][::-1]
    total = sum(n if i % 2 == 0 else (n * 2 - 9 if n * 2 > 9 else n * 2)
                for i, n in enumerate(nums))
    return total % 10 == 0


def _mask_phones(text: str, mask: str) -> str:
    # Digits glued to letters are a code ("m7708266e", "TR2984736152"), not something to dial.
    spans = [(m.start, m.end) for m in phonenumbers.PhoneNumberMatcher(
        text, "TR", leniency=phonenumbers.Leniency.POSSIBLE, max_tries=200)
        if not (m.start and text[m.start - 1].isalnum())
        and not (m.end < len(text) and text[m.end].isalnum())]
    for start, end in reversed(spans):
        text = text[:start] + mask + text[end:]

    def run(match: re.Match) -> str:  # what the matcher left: long digit runs that look dialable
        digits = re.sub(r"\D", "", match.group())
        return mask if 10 <= len(digits) <= 15 else match.group()

    return _DIGIT_RUN.sub(run, text)


def redact_text(text: str, lang: str = "en") -> str:
    """Mask e-mails, URLs, @handles, national IDs, IBANs, cards, phone numbers, addresses."""
    masks = _MASKS.get(lang, _MASKS["en"])
    text = normalise(text)
    if "@" in text:
        text = _EMAIL.sub(masks["email"], text)
    if "." in text or ":" in text:
        text = _URL.sub(masks["url"], text)
    if "@" in text:
        text = _HANDLE.sub("@…", text)
    if not _DIGIT.search(text):  # everything below needs a digit; most feedback has none
        return text
    text = _IBAN.sub(masks["iban"], text)
    text = _TCKN.sub(lambda m: masks["id"] if valid_tckn(m.group()) else m.group(), text)
    text = _CARD.sub(lambda m: masks["card"] if _luhn(m.group()) else m.group(), text)
    text = _ADDRESS.sub(masks["address"], text)
    return _mask_phones(text, masks["phone"])


def display_author(author: str | None) -> str | None:
    """'Ayşe Kaya' → 'Ayşe K.'; handles and e-mail addresses are never shown."""
    if not author:
        return None
    author = normalise(author).strip()
    if not author or "@" in author or any(ch.isdigit() for ch in author):
        return None
    words = [w for w in author.split() if any(c.isalpha() for c in w)]
    if not words:
        return None
    first = _capitalise(words[0][:30])
    if len(words) == 1:
        return first
    return f"{first} {_capitalise(words[-1][0])}."


def _capitalise(word: str) -> str:
    """'ayşe' → 'Ayşe', 'ismail' → 'İsmail' when the name is Turkish; 'ian' → 'Ian'."""
    turkish = any(c in "çğıöşüÇĞİÖŞÜ" for c in word)
    head = {"i": "İ", "ı": "I"}.get(word[:1]) if turkish else None
    return (head or word[:1].upper()) + word[1:]
