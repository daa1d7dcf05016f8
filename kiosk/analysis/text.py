"""Turkish-aware case folding and tokenising, shared by every analysis step."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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


# Format characters (Unicode category Cf): soft hyphen, zero-width space, bidi controls,
# BOM … Kept: the joiners U+200C/U+200D (Persian words, emoji sequences) and tag
# characters (subdivision flags), which are harmless to show and to match.
_FORMAT = re.compile("[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
                     "\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
                     "\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
                     "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001]")


@lru_cache(maxsize=512)
def normalise(text: str) -> str:
    """NFC, unified apostrophes, no zero-width or bidi controls: what every matcher sees.

    Cached: every analysis step normalises the same text once more."""
    return _FORMAT.sub("", unicodedata.normalize("NFC", text).translate(_APOSTROPHES))


def tokens(text: str) -> list[re.Match]:
    return list(WORD.finditer(normalise(text)))


@lru_cache(maxsize=65536)
def key(word: str) -> str:
    """The matching key of a word: Turkish lowercase, then diacritics dropped."""
    return ascii_fold(lower_tr(word))


WORD_START = r"(?<![^\W_])"  # the previous character, if any, is no letter or digit


def at_word_starts(pattern: str, flags: int = 0, also: str = "") -> re.Pattern:
    """Compile a long alternation to be tried only where a word starts (or before a character
    of `also`). Python's re tries every branch at every character, inside words too; for a
    pattern whose branches all begin a word, skipping those positions changes no match and
    halves the time (tests/analysis/test_word_starts.py holds both to the same matches)."""
    lead = rf"(?:{WORD_START}|(?=[{re.escape(also)}]))" if also else WORD_START
    return re.compile(lead + "(?:" + pattern + ")", flags)


