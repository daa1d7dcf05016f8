"""What a screen may show: personal data masked in the text, authors shortened to 'Ayşe K.'."""

from __future__ import annotations

import re

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w@])@\w{2,30}", re.UNICODE)
# Phone numbers: +90 532 123 45 67, 0532 123 4567, (0212) 555-12-34, 05321234567 …
_PHONE = re.compile(r"(?<!\w)(?:\+|00)?\d[\d ()./-]{7,}\d(?!\w)")
_TCKN = re.compile(r"(?<!\d)[1-9]\d{10}(?!\d)")


def _valid_tckn(digits: str) -> bool:
    """Turkish national ID checksum: the 10th and 11th digits check the first nine and ten."""
    d = [int(c) for c in digits]
    tenth = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
    return tenth == d[9] and sum(d[:10]) % 10 == d[10]


_MASKS = {
    "tr": {"email": "[e-posta]", "url": "[bağlantı]", "id": "[kimlik no]", "phone": "[telefon]"},
    "en": {"email": "[e-mail]", "url": "[link]", "id": "[ID number]", "phone": "[phone]"},
}


def redact_text(text: str, lang: str = "en") -> str:
    """Mask e-mails, URLs, @handles, valid Turkish ID numbers and phone numbers."""
    masks = _MASKS.get(lang, _MASKS["en"])

    def phone(match: re.Match) -> str:
        digits = re.sub(r"\D", "", match.group())
        return masks["phone"] if 10 <= len(digits) <= 15 else match.group()

    text = _EMAIL.sub(masks["email"], text)
    text = _URL.sub(masks["url"], text)
    text = _HANDLE.sub("@…", text)
    text = _TCKN.sub(lambda m: masks["id"] if _valid_tckn(m.group()) else m.group(), text)
    return _PHONE.sub(phone, text)


def display_author(author: str | None) -> str | None:
    """'Ayşe Kaya' → 'Ayşe K.'; handles and e-mail addresses are never shown."""
    if not author:
        return None
    author = author.strip()
    if author.startswith("@") or "@" in author or not author:
        return None
    words = [w for w in re.split(r"\s+", author) if w]
    if len(words) == 1:
        return words[0][:40]
    return f"{words[0][:40]} {words[-1][0]}."
