"""How a person a customer named is written in a text, as they chose to appear: a pure
function of the text, the people and the language (no database, no app).

Full name: as written. First name: "Ayşe Yılmaz'a" → "Ayşe'ye". Team: "Kasa ekibimize" /
"the Kasa team". Not named: "bir çalışanımıza" / "a colleague". A Turkish case ending is
rewritten for the new word by vowel harmony, the buffer consonants y/n and d/t after a
voiceless consonant, rather than copied ("Yılmaz'a" → "Ayşe'ye", not "Ayşe'a"). A name is
found as the shout-out matcher finds it (kiosk.analysis.mentions): after a title ("Mrs"),
before an honorific ("Hanım'a"), with or without an apostrophe before its ending, and a
first name that is also a word ("Can", "Deniz") only where written as a name.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from kiosk.analysis.mentions import _PERSON_NEXT, _SUFFIXES, AMBIGUOUS, HONORIFICS
from kiosk.analysis.text import key, lower_tr

CHOICES = ("full", "first", "team", "none")
NEUTRAL = {"tr": "bir çalışanımız", "en": "a colleague"}


@dataclass(frozen=True)
class Named:
    """A person a customer named in one item, and how they appear in it."""

    name: str
    choice: str
    staff_id: int | None = None
    team: str | None = None
    branch: str | None = None
    aliases: tuple[str, ...] = ()

    @property
    def first(self) -> str:
        return self.name.split()[0]

    @property
    def surname(self) -> tuple[str, ...]:
        return tuple(self.name.split()[1:])


def label(person: Named, lang: str) -> str | None:
    """How a person is listed beside a quote ("For …", "Shout-out: …"); None: not at all."""
    if person.choice == "full":
        return person.name
    if person.choice == "first":
        return person.first
    if person.choice == "team" and person.team:
        team = _team_name(person.team)
        return f"{team} ekibi" if lang == "tr" else f"the {team} team"
    return None


def _team_name(team: str) -> str:
    """"Kasa", "Kasa ekibi" and "Kasa team" all name the team "Kasa"."""
    words = team.split()
    if len(words) > 1 and key(words[-1]) in ("ekibi", "ekip", "team"):
        words = words[:-1]
    return " ".join(words)


# --- rewriting a text -----------------------------------------------------------------------

_LETTER = r"[^\W\d_]"
_EN_TITLE = r"(?:(?P<title>(?:mr|mrs|ms|miss|dr)\.?\s+))?"
_HONORIFIC = (r"\s+(?P<hon>(?:" + "|".join(sorted(map(re.escape, HONORIFICS), key=len,
                                                  reverse=True)) + r"))"
              rf"(?P<htail>'{_LETTER}+|{_LETTER}*)")
_SENTENCE_END = ".!?…\n:;"
_APOSTROPHES = "'’‘`´ʼ"


def _fold(text: str) -> str:
    """Lower-cased the Turkish way, no diacritics, one apostrophe: one character per
    character, so positions in the fold are positions in the text."""
    out = []
    for ch in text:
        if ch in _APOSTROPHES:
            out.append("'")
            continue
        folded = key(ch)
        out.append(folded if len(folded) == 1 else ch)
    return "".join(out)


@lru_cache(maxsize=8192)
def _pattern(phrase: tuple[str, ...], needs_honorific: bool) -> re.Pattern:
    """A phrase as written in a text: an English title before it, a case ending or a
    Turkish honorific after it ("Mrs Ayşe", "Ayşe Yılmaz'a", "Yılmaz Hanım'a"). A surname
    alone is a name only before an honorific."""
    words = r"\s+".join(re.escape(w) for w in phrase)
    honorific = f"(?:{_HONORIFIC})" + ("" if needs_honorific else "?")
    return re.compile(rf"(?<!{_LETTER}){_EN_TITLE}(?P<name>{words})"
                      rf"(?P<tail>'{_LETTER}+|{_LETTER}*){honorific}")


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(_fold(unicodedata.normalize("NFC", w)) for w in text.split())


@dataclass(frozen=True)
class _Hit:
    start: int  # with an English title ("Mrs Ayşe…")
    name_start: int
    name_end: int
    end: int
    person: Named | None  # None: someone else's full name, left as written
    kind: str  # full | alias | first | surname
    suffix: str  # the case ending after the name or its honorific
    stem: str  # the word the ending was attached to
    honorific: tuple[int, int] | None


def _phrases(person: Named) -> list[tuple[tuple[str, ...], str]]:
    """What may name this person in a text, for the change their choice makes."""
    full = _phrase(person.name)
    surname = set(_phrase(" ".join(person.surname)))
    found = [(full, "full")]
    for alias in person.aliases:
        words = _phrase(alias)
        if not words:
            continue
        if person.choice == "first" and not set(words) & surname:
            continue  # an alias without the surname is as much as a first name
        found.append((words, "alias"))
    if person.choice in ("team", "none"):
        found.append((_phrase(person.first), "first"))
    for part in person.surname:
        if len(part) >= 3:
            found.append((_phrase(part), "surname"))
    return [(p, kind) for p, kind in found if p]


def _sentence_start(text: str, at: int) -> bool:
    before = text[:at].rstrip(" \t\"“'‘(«-–—")
    return not before or before[-1] in _SENTENCE_END


def _hits(text: str, folded: str, people: list[Named], others: list[str]) -> list[_Hit]:
    candidates: list[_Hit] = []
    shouting = sum(c.isalpha() for c in text) > 8 and text.upper() == text
    wanted = [(phrase, kind, person) for person in people if person.choice != "full"
              for phrase, kind in _phrases(person)]
    mentioned_words = {w for phrase, _k, _p in wanted for w in phrase}
    wanted += [(_phrase(other), "full", None) for other in others
               if set(_phrase(other)) & mentioned_words]
    for phrase, kind, person in wanted:
        for m in _pattern(phrase, kind == "surname").finditer(folded):
            tail = m.group("tail")
            glued = tail and not tail.startswith("'")
            if glued and (tail not in _SUFFIXES or phrase[-1] in AMBIGUOUS):
                continue  # another word that begins like the name ("Ayşegül")
            hon = m.group("hon")
            htail = m.group("htail") or ""
            if hon and (tail or (htail and not htail.startswith("'")
                                 and htail not in _SUFFIXES)):
                hon = None  # "Ayşe'ye bey…" or "Bey" running into another word
            if kind == "surname" and not hon:
                continue
            if len(phrase) == 1 and phrase[0] in AMBIGUOUS and not (tail or hon):
                # "can", "Deniz ürünleri": a word unless written as a name
                nxt = re.match(rf"\s+({_LETTER}+)", folded[m.end("tail"):])
                capital = text[m.start("name")].isupper()
                if shouting or not capital or (_sentence_start(text, m.start()) and not (
                        nxt and nxt.group(1) in _PERSON_NEXT)):
                    continue
            name_start, name_end = m.start("name"), m.end("name")
            if hon:
                end, suffix = m.end("htail"), htail
                stem = text[m.start("hon"):m.end("hon")]
                honorific = (m.start("hon"), m.end("hon"))
            else:
                end, suffix = m.end("tail"), tail
                stem = text[name_start:name_end].split()[-1]
                honorific = None
            candidates.append(_Hit(m.start(), name_start, name_end, end, person, kind,
                                   suffix.lstrip("'"), stem, honorific))
    candidates.sort(key=lambda h: (h.start, -(h.end - h.start), h.person is not None))
    chosen, pos = [], 0
    for hit in candidates:
        if hit.start >= pos:
            chosen.append(hit)
            pos = hit.end
    return [h for h in chosen if h.person is not None]


def rewrite(text: str, people: list[Named], lang: str, others: list[str] = ()) -> str:
    """`text` with every mention of each person as they chose to appear (a pure function)."""
    if not text or all(p.choice == "full" for p in people):
        return text
    text = unicodedata.normalize("NFC", text)
    folded = _fold(text)
    out, done = [], 0
    for hit in _hits(text, folded, people, list(others)):
        replaced = _replacement(text, hit, lang)
        if replaced is None:
            continue
        start, new = replaced
        written = text[hit.name_start:hit.name_end]
        if len(written) > 1 and written.isupper():  # "AYŞE YILMAZ'A" → "AYŞE'YE"
            new = _upper(new)
        out.append(text[done:start])
        out.append(new)
        done = hit.end
    out.append(text[done:])
    return "".join(out)


def _replacement(text: str, hit: _Hit, lang: str) -> tuple[str, str] | None:
    person = hit.person
    choice = person.choice if person.choice != "team" or person.team else "none"
    if choice == "first":
        if key(text[hit.name_start:hit.name_end]) == key(person.first):
            return None  # already the first name
        first = person.first
        if hit.honorific:  # "Ayşe Yılmaz Hanım'a" → "Ayşe Hanım'a": the ending stays
            return hit.name_start, first + text[hit.name_end:hit.end]
        ending = _ending(first, hit.suffix, hit.stem, proper=True)
        return hit.name_start, first + ending
    # team or none: the title and honorific go with the name
    if choice == "team":
        team = _team_name(person.team)
        word = f"{team} ekibimiz" if lang == "tr" else f"the {team} team"
    else:
        word = NEUTRAL[lang]
    if lang == "tr":
        word += _ending(word.split()[-1], hit.suffix, hit.stem, proper=False)
    elif key(hit.suffix) == "s":
        word += "'s"
    if _sentence_start(text, hit.start):
        word = _capitalise(word)
    return hit.start, word


def _upper(text: str) -> str:
    return text.replace("i", "İ").upper()


def _capitalise(word: str) -> str:
    first = word[:1]
    return ("İ" if first == "i" else first.upper()) + word[1:]


def _ending(stem: str, suffix: str, old_stem: str, proper: bool) -> str:
    """The case ending for `stem`: an apostrophe before it after a proper name."""
    if not suffix:
        return ""
    if key(suffix) == "s":  # English possessive, not a Turkish ending
        return "'s"
    ending = inflect(stem, suffix, old_stem)
    return ("'" + ending) if proper else ending


# --- Turkish case endings -------------------------------------------------------------------

_VOWELS = "aeıioöuü"
_VOICELESS = "fstkçşhp"
# Arabic-origin names with a front ("palatal") l take front endings: Kemal'e, Celal'in.
_FRONT_NAMES = frozenset({"kemal", "cemal", "celal", "hilal", "nihal", "bilal", "iclal",
                          "ikbal"})


def _plain(word: str) -> str:
    return lower_tr(word).translate(str.maketrans("âîû", "aiu"))


def _last_vowel(stem: str) -> str:
    word = _plain(stem.split()[-1] if stem.split() else stem)
    if key(word) in _FRONT_NAMES:
        return "e"
    for ch in reversed(word):
        if ch in _VOWELS:
            return ch
    return "e"


def _harmonise(archi: str, prev: str) -> str:
    back, rounded = prev in "aıou", prev in "oöuü"
    if archi == "A":
        return "a" if back else "e"
    return ("u" if rounded else "ı") if back else ("ü" if rounded else "i")


def inflect(stem: str, suffix: str, old_stem: str) -> str:
    """`suffix`, written after `old_stem`, rewritten for `stem`: "a" after "Yılmaz" is "ye"
    after "Ayşe"; "nin" after "Ayşe" is "ın" after "Burak", "daki" after "Kaya" is "taki"
    after "Burak"."""
    if not suffix:
        return ""
    s = _plain(suffix)
    shout = suffix.isupper()
    old_vowel = _plain(old_stem)[-1:] in _VOWELS
    stem_plain = _plain(stem)
    new_vowel = stem_plain[-1:] in _VOWELS
    # The buffer consonant the old word needed ("Ayşe'ye", "Ayşe'nin", "Ayşe'yle").
    if old_vowel and len(s) > 1 and s[0] in "yn" and (
            s[1] in _VOWELS or (s[0] == "y" and s[1] in "ldms")):
        s = s[1:]
    buffer = ""
    if new_vowel:
        if s[:1] in _VOWELS:
            buffer = "n" if s[0] in "ıiuü" and s[1:2] == "n" else "y"  # genitive: Ayşe'nin
        elif re.match(r"l[ae](?!r)|[dt][ıiuü](?!r)|m[ıiuü]ş|s[ae]", s):
            buffer = "y"  # with (-lA), was (-DI), reportedly (-mIş), if (-sA)
    prev_vowel, prev = _last_vowel(stem), stem_plain[-1:]
    out: list[str] = []
    for ch in buffer + s:
        if ch in "ae":
            ch = prev_vowel = _harmonise("A", prev_vowel)
        elif ch in "ıiuü":
            if ch == "i" and out and prev == "k":  # -ki keeps its i: Kadıköy'deki
                prev_vowel = "i"
            else:
                ch = prev_vowel = _harmonise("I", prev_vowel)
        elif ch in "oö":
            prev_vowel = ch
        elif ch in "dt":
            ch = "t" if prev in _VOICELESS else "d"
        elif ch in "cç":
            ch = "ç" if prev in _VOICELESS else "c"
        out.append(ch)
        prev = ch
    ending = "".join(out)
    return _upper(ending) if shout else ending
