"""Staff and branch names as a Russian-speaking customer writes them: "Спасибо Аслану из
Лимана" thanks Aslan of the Liman branch.

Transliteration by sound, Turkish spelling first (ş → ш, ç → ч, c → дж, ı → ы), with the
spellings Russian writers choose between (ö → ё or о, ü → ю or у, a first e → э or е).
Russian case endings are matched as suffixes by the caller.
"""

from __future__ import annotations

from itertools import product

from kiosk.analysis.text import lower_tr

_LETTERS = {
    "a": ("а",), "b": ("б",), "c": ("дж",), "ç": ("ч",), "d": ("д",), "e": ("е",), "f": ("ф",),
    "g": ("г",), "ğ": ("г", ""), "h": ("х",), "ı": ("ы", "и"), "i": ("и",), "j": ("ж",),
    "k": ("к",), "l": ("л",), "m": ("м",), "n": ("н",), "o": ("о",), "ö": ("ё", "о"),
    "p": ("п",), "q": ("к",), "r": ("р",), "s": ("с",), "ş": ("ш",), "t": ("т",),
    "u": ("у",), "ü": ("ю", "у"), "v": ("в",), "w": ("у",), "x": ("кс",), "y": ("й",),
    "z": ("з",),
}
_IOTATED = {"ya": "я", "yu": "ю", "ye": "е", "yo": "ё"}  # "Yağmur" → "Ягмур"
# Russian case endings after a name: Аслан-у, Холли (none), Шахин-а, Ирмак-ом, Ой-е.
ENDINGS = frozenset("а я у ю ом ем ой ей е и ы".split())


def spellings(word: str) -> set[str]:
    """The Cyrillic spellings of one Latin-script name, lower case; empty if it has letters
    this table does not know (it is then left to the Latin matcher)."""
    word = lower_tr(word)
    parts: list[tuple[str, ...]] = []
    i = 0
    while i < len(word):
        pair = word[i:i + 2]
        if pair in _IOTATED:
            parts.append((_IOTATED[pair],))
            i += 2
            continue
        if word[i] == "y" and i == len(word) - 1:
            parts.append(("и", "й"))  # "Holly" → "Холли"
        elif word[i] == "e" and i == 0:
            parts.append(("э", "е"))  # "Emre" → "Эмре"
        elif word[i] in _LETTERS:
            parts.append(_LETTERS[word[i]])
        else:
            return set()
        i += 1
    return {"".join(p) for p in product(*parts)} if parts else set()
