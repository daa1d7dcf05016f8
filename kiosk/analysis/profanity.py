"""Profanity in Turkish and English keeps an item off the screens.

Whole words are matched, never letters inside words (no "Scunthorpe": "paketi götürdü",
"Ak saçlı amca"), and the Turkish list only in Turkish text. Lists and their provenance
are in data/profanity_*.txt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from kiosk.analysis.text import lower_tr, normalise

_SPLIT = re.compile(r"[\s,;:!?()\"“”'’]+")


@dataclass(frozen=True)
class _Lexicon:
    words: frozenset[str]
    roots: tuple[str, ...]
    phrases: re.Pattern | None


@cache
def _lexicon(lang: str) -> _Lexicon:
    lines = (files("kiosk.analysis") / "data" / f"profanity_{lang}.txt").read_text("utf-8")
    entries = [lower_tr(line.strip()) for line in lines.splitlines()
               if line.strip() and not line.startswith("#")]
    words = frozenset(e for e in entries if " " not in e and not e.endswith("*"))
    roots = tuple(e[:-1] for e in entries if e.endswith("*"))
    phrases = [e for e in entries if " " in e]
    pattern = (re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, phrases)) + r")(?!\w)")
               if phrases else None)
    return _Lexicon(words, roots, pattern)


def find_profanity(text: str, lang: str) -> list[str]:
    """The profane words found; English is checked in every text, Turkish in Turkish."""
    lowered = lower_tr(normalise(text))
    # Split on spaces and punctuation but keep '*', '.', '$' inside: "f*ck", "a.q", "a$$hole".
    words = {w.strip(".") or w for w in _SPLIT.split(lowered) if w}
    found: list[str] = []
    for code in ("en", "tr") if lang == "tr" else ("en",):
        lex = _lexicon(code)
        found += [w for w in words if w in lex.words or w.startswith(lex.roots)]
        if lex.phrases is not None:
            found += lex.phrases.findall(lowered)
    return sorted(set(found))
