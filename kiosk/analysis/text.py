"""Turkish-aware case folding and tokenising, shared by every analysis step."""

from __future__ import annotations

import re
import unicodedata

_TR_LOWER = str.maketrans({"İ": "i", "I": "ı"})
_ASCII = str.maketrans("çğıöşüâîûÇĞİÖŞÜÂÎÛ", "cgiosuaiuCGIOSUAIU")
# Words keep inner apostrophes (Ayşe'ye) and hyphens; apostrophe look-alikes are unified.
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*", re.UNICODE)


def lower_tr(text: str) -> str:
    """Lowercase the Turkish way: İ→i and I→ı (str.lower() makes İ into 'i̇' and I into 'i')."""
    return text.translate(_TR_LOWER).lower()


def ascii_fold(text: str) -> str:
    """Drop Turkish diacritics, as customers typing on a phone often do ('Ayse', 'cok')."""
    return text.translate(_ASCII)


def normalise(text: str) -> str:
    """NFC, unified apostrophes, no zero-width or bidi controls: what every matcher sees."""
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES)
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def tokens(text: str) -> list[re.Match]:
    return list(WORD.finditer(normalise(text)))


def key(word: str) -> str:
    """The matching key of a word: Turkish lowercase, then diacritics dropped."""
    return ascii_fold(lower_tr(word))
