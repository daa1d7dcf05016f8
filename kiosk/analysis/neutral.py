"""A staff member's name taken out of a shout-out: a neutral word in its place, in the
item's language and with the grammar the name had ("Ayşe Hanım'a" → "bir çalışanımıza")."""

from __future__ import annotations

import re

# _PERSON_NEXT and _SUFFIXES are the shout-out matcher's own lists: a name is recognised
# here exactly as it was recognised there.
from kiosk.analysis.mentions import _PERSON_NEXT, _SUFFIXES, AMBIGUOUS, HONORIFICS
from kiosk.analysis.text import WORD, key, normalise

NEUTRAL = {"tr": "bir çalışanımız", "en": "a colleague"}
# A Turkish case ending after the name (folded) → the same case on "bir çalışanımız".
_TR_CASES = {
    **dict.fromkeys(("a", "e", "ya", "ye"), "a"),
    **dict.fromkeys(("i", "u", "yi", "yu", "ni", "nu"), "ı"),
    **dict.fromkeys(("in", "un", "nin", "nun", "yin", "yun"), "ın"),
    **dict.fromkeys(("da", "de", "ta", "te", "nda", "nde"), "da"),
    **dict.fromkeys(("dan", "den", "tan", "ten", "ndan", "nden"), "dan"),
    **dict.fromkeys(("la", "le", "yla", "yle"), "la"),
    **dict.fromkeys(("daki", "deki", "taki", "teki"), "daki"),
}
_EN_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr"})
_SENTENCE_END = ".!?…\n"


def _phrases(name: str, aliases) -> list[tuple[str, ...]]:
    phrases = {tuple(key(m.group()) for m in WORD.finditer(normalise(p)))
               for p in [name, name.split()[0], *(aliases or [])] if p and p.strip()}
    return sorted((p for p in phrases if p), key=len, reverse=True)


def neutralise(text: str, name: str, aliases=(), lang: str = "en",
               others: list[str] = ()) -> str:
    """`text` with every mention of `name` (full name, first name, aliases, with a Turkish
    honorific or case ending after it) replaced by a neutral word: "a colleague" in English,
    "bir çalışanımız" in Turkish with the same case ending ("Ayşe Hanım'a" → "bir
    çalışanımıza"). A first name that is another person's on the roster ("Ayşe Yılmaz") is
    left alone; one that is also a word ("Can", "Deniz") only where written with a capital."""
    if not text:
        return text
    text = normalise(text)
    words = list(WORD.finditer(text))
    mine = _phrases(name, aliases)
    theirs = [p for other in others for p in _phrases(other, ()) if len(p) > 1]
    lang = "tr" if lang == "tr" else "en"
    out, done, i = [], 0, 0
    while i < len(words):
        span = _match(text, words, i, mine, theirs)
        if span is None:
            i += 1
            continue
        start, end, last, suffix = span
        if i > 0 and key(words[i - 1].group()) in _EN_TITLES and _gap(text, words[i - 1],
                                                                       words[i]):
            start = words[i - 1].start()
        out.append(text[done:start])
        out.append(_neutral(lang, suffix, _sentence_start(text, start)))
        done, i = end, last + 1
    out.append(text[done:])
    return "".join(out)


def _gap(text: str, a: re.Match, b: re.Match) -> bool:
    return not text[a.end():b.start()].strip()


def _split(word: str) -> tuple[str, str]:
    base, _sep, rest = word.partition("'")
    return base, rest


def _match(text: str, words: list[re.Match], i: int, mine, theirs):
    """(start, end, index of the last word, case ending) of a mention at word i, or None."""
    for phrase in theirs:
        if _words_match(text, words, i, phrase) and len(phrase) > 1:
            return None  # someone else's full name ("Ayşe Yılmaz" when removing Ayşe Kaya)
    for phrase in mine:
        if not _words_match(text, words, i, phrase):
            continue
        last = i + len(phrase) - 1
        raw = words[last].group()
        base, rest = _split(raw)
        suffix = rest
        if not rest and key(base) != phrase[-1]:
            suffix = base[len(base) - (len(key(base)) - len(phrase[-1])):]
        end = words[last].end()
        nxt = words[last + 1] if last + 1 < len(words) else None
        honorific = nxt is not None and _gap(text, words[last], nxt) and \
            key(_split(nxt.group())[0]) in HONORIFICS
        if len(phrase) == 1 and phrase[0] in AMBIGUOUS and not rest and not honorific:
            # "can", "Deniz ürünleri": a word, unless written as a name mid-sentence or
            # followed by what people do ("Deniz was…")
            capital = words[i].group()[:1].isupper()
            if not capital or (_sentence_start(text, words[i].start()) and not (
                    nxt is not None and key(nxt.group()) in _PERSON_NEXT)):
                continue
        if honorific:  # "Ayşe Hanım'a": the case ending is on the honorific
            last, end, suffix = last + 1, nxt.end(), _split(nxt.group())[1]
        return words[i].start(), end, last, suffix
    return None


def _words_match(text: str, words: list[re.Match], i: int, phrase: tuple[str, ...]) -> bool:
    window = words[i:i + len(phrase)]
    if len(window) < len(phrase):
        return False
    for n, (word, want) in enumerate(zip(window, phrase, strict=True)):
        if n and not _gap(text, window[n - 1], word):
            return False
        base = key(_split(word.group())[0])
        if base == want:
            continue
        is_last = n == len(phrase) - 1
        if not (is_last and "'" not in word.group() and want not in AMBIGUOUS
                and base.startswith(want) and base[len(want):] in _SUFFIXES):
            return False
    return True


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"“'(")
    return not before or before[-1] in _SENTENCE_END


def _neutral(lang: str, suffix: str, capital: bool) -> str:
    word = NEUTRAL[lang]
    folded = key(suffix)
    if lang == "tr":
        word += _TR_CASES.get(folded, "")
    elif folded == "s":
        word += "'s"
    return word[:1].upper() + word[1:] if capital else word
