"""Turkish words: Turkish casing and ASCII folding, suffix chains, the curated lexicon, and
sentence splitting that knows Turkish abbreviations. The rules that turn these readings
into a score are in turkish.py."""

from __future__ import annotations

import re
from collections import namedtuple
from functools import cache, lru_cache
from pathlib import Path

_LEXICON = Path(__file__).with_name("data") / "tr_lexicon.tsv"

_TO_ASCII = str.maketrans("çğıöşüâîû", "cgiosuaiu")
_CIRCUMFLEX = str.maketrans("âîû", "aiu")
_VOWELS = frozenset("aeıioöuü")
_DIACRITICS = frozenset("çğöşü")  # a word with these was not typed on an ASCII keyboard

# Suffix shapes with Turkish vowel and consonant alternation; an ASCII letter stands for its
# Turkish one too, so text typed without diacritics parses the same.
_SHAPES = {"I": "[ıiuü]", "A": "[ae]", "D": "[dt]", "C": "[cç]", "K": "[kğg]", "S": "[şs]"}


def _shape(pattern: str) -> str:
    return re.sub("[IADCKS]", lambda m: _SHAPES[m.group()], pattern)


_NOMINAL_MORPHS = (
    "lAr lI lIK sIz CI CA CAsInA ylA lA lAS lAn yI sI nI yA nA nDA nDAn nDAkI DAkI kI nIn yIn "
    "yIm m sIn yIz mIz ImIz nIz InIz sInIz lArI DI yDI mIS ymIS sA ysA DIr ykAn kAn DIm DIn DIk "
    "DIK Iyor yAcAK Ir Ar mAk I A Im Iz In DA DAn"
).split()
_NOMINAL = re.compile("(?:" + "|".join(_shape(m) for m in _NOMINAL_MORPHS) + "){1,6}")
# Voice suffixes before the rest: "çık-ar-madı", "piş-ir-medi", "yap-tır-ıl-dı". At most three:
# the alternatives overlap ("tır" is t+ır or dır), and unbounded they made a long nonsense
# word cost exponential time.
_VOICE = _shape("(?:I?l|I?n|I?t|DIr|I?S|Ar|Ir){0,3}")
_VERB = re.compile(_VOICE + "(?:" + "|".join(_shape(m) for m in (
    "DI mIS I?yor y?AcAK A?r Ir mA sA sIn y?In y?Ip y?ArAk y?IncA y?An y?AbIl y?AmA y?AmIyor mIyor "
    "y?AlI y?IS CI y?IcI y?AyIm y?AlIm mAlI").split()) + ")")
_NEG = re.compile(_VOICE + _shape(
    "(?:y?A)?m(?:A(?:dI|dAn|z|m$|mA|mIS|yA[cğg]|yAn|yIn|yIz|yIp|yIS|yArAk|yIncA|sA|yAlIm|ksIz)|Iyor)"))
_NEG_WORD = re.compile(_shape(
    "[a-zçğıöşü]{3,}?(?:y?A)?m(?:A(?:dI[a-zçğıöşü]*|dAn|z(?:sInIz|lAr|DI|mIS)|mIS[a-zçğıöşü]*"
    "|yA[cğg][a-zçğıöşü]*|yAn[a-zçğıöşü]*|m|yIz)|Iyor[a-zçğıöşü]*)"))
_IYOR = re.compile(_shape("Iyor"))
_DENOMINAL = ("la", "le")  # "bayat-la-", "kir-le-n-": a verb made of a word
_IF_NOT = re.compile(_shape("mAzsA"))  # "hoşlanmazsanız": if you do not, no denial
_SUBORDINATE = re.compile(_shape("mA(?:dI[ğgk]|yIncA)"))  # "bulamadığım", "kalmayınca"
_WITHOUT = re.compile(_shape("sIz"))
_QUESTION = re.compile(_shape("mI(?:y?DI|sIn|sInIz|yIz|yIm)?"))
_CONDITIONAL = re.compile(_shape(
    "[a-zçğıöşü]{2,}(?:I?r|A?r|mAz|bil|ol)sA(?:nIz|m|k|n|ydI)?|olsA(?:ydI|lAr)?|olurdu"))
_NECESSITY = re.compile(_shape("[a-zçğıöşü]*(?:mAlI|Abilir|olsA|olur)[a-zçğıöşü]*"))
_MUST = re.compile(_shape("[a-zçğıöşü]{2,}mAlI[a-zçğıöşü]*"))

_TOKEN = re.compile(r"""
    (?P<mark>\(\s*!+\s*\))
  | (?P<rating>\b\d{1,3}(?:[.,]\d)?\s*/\s*(?:5|10|100)\b)
  | (?P<emoticon>[:;]-?[)(dDpP]+|<3)
  | (?P<word>[^\W\d_]+(?:['’`][^\W\d_]+)?)
  | (?P<num>\d+(?:[.,:]\d+)*)
  | (?P<end>[.!?…]+)
  | (?P<sep>[,;:()\[\]—–]|\s-\s)
  | (?P<emoji>[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B50])
""", re.X)
_ABBREVIATIONS = frozenset("sn dr av prof doç cad sok mah no vb vs örn bkz tel yrd".split())


# flag: "" | "!" counts only when negated | "^" keeps its sign | "~" resolver | "symbol" (emoji)
_Entry = namedtuple("_Entry", "stem valence verb flag")
_Hit = namedtuple("_Hit", "valence negated flag stem verb")  # one word's lexicon reading


def turkish_lower(text: str) -> str:
    """Lower-case with Turkish rules: İ→i, I→ı (str.lower() maps I→i and İ→i̇)."""
    return (text.replace("İ", "i").replace("I", "ı").lower().replace("\u0307", "")
            .translate(_CIRCUMFLEX))


def _fold(word: str) -> str:
    return word.translate(_TO_ASCII)


@cache
def _lexicon() -> tuple[dict, dict, dict, dict]:
    """(Turkish stems, ASCII-folded stems, phrases by first folded word, emoji), built once."""
    proper: dict[str, list] = {}
    ascii_: dict[str, list] = {}
    phrases: dict[str, list] = {}
    symbols: dict[str, float] = {}
    for line in _LEXICON.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        raw, valence = line.split("\t")[:2]
        exact, flag, stem = raw[0] == "=", raw[0] if raw[0] in "!^~" else "", raw.lstrip("=!^~")
        entry = _Entry(stem.rstrip("-"), float(valence), stem.endswith("-"), flag)
        stem, verb = entry.stem, entry.verb
        if not stem[0].isalpha():
            symbols[stem] = entry.valence  # emoji and emoticons
            continue
        if " " in stem:
            words = tuple(_fold(w) for w in stem.split())
            phrases.setdefault(words[0], []).append((words, entry, exact))
            continue
        forms = [(stem, "exact" if exact else "")]
        if not exact and not verb and len(stem) > 2 and stem[-1] in "kpçt":
            soft = {"k": "ng" if stem.endswith("nk") else "ğ", "p": "b", "ç": "c", "t": "d"}
            forms.append((stem[:-2] + soft["k"] if stem.endswith("nk") else
                          stem[:-1] + soft[stem[-1]], "vowel"))
        if verb and (stem.endswith("et") or stem == "git"):
            forms.append((stem[:-1] + "d", "vowel"))
        if verb and stem[-1] in _VOWELS and len(stem) > 2:
            forms.append((stem[:-1], "iyor"))
        for form, cond in forms:
            proper.setdefault(form, []).append((entry, cond))
            ascii_.setdefault(_fold(form), []).append((entry, cond))
    return proper, ascii_, phrases, symbols


def _match(word: str, table: dict) -> _Hit | None:
    """Longest lexicon stem that starts the word and leaves a plausible suffix chain."""
    for k in range(len(word), 1, -1):
        for entry, cond in table.get(word[:k], ()):
            rest = word[k:]
            if cond == "exact" and rest or cond == "vowel" and (not rest or rest[0] not in _VOWELS):
                continue
            if cond == "iyor" and not _IYOR.match(rest):
                continue
            if entry.verb:
                if rest and _VERB.match(rest):
                    return _Hit(entry.valence, bool(_NEG.match(rest)), entry.flag, entry.stem, True)
            elif not rest or cond == "exact":
                return _Hit(entry.valence, False, entry.flag, entry.stem, False)
            elif rest.startswith(_DENOMINAL) and _NEG.match(rest, 2) and not _IF_NOT.search(rest):
                # a verb made of the word, denied: "bayatlamadı" (did not go stale)
                return _Hit(entry.valence, True, entry.flag, entry.stem, True)
            elif _NOMINAL.fullmatch(rest):  # a -sIz ending reverses: "ilgisiz", "sorunsuz"
                return _Hit(entry.valence, bool(_WITHOUT.match(rest)), entry.flag, entry.stem,
                            False)
    return None


# Longer "words" are noise (a pasted hash, a key held down); reading them costs time that
# grows with the square of their length and finds nothing. Turkish's longest are ~70 letters.
LONGEST_WORD = 80


@lru_cache(maxsize=65536)
def _analyze(word: str) -> _Hit | None:
    """The lexicon reading of one lower-cased word; a bare negated verb if nothing matches."""
    if len(word) > LONGEST_WORD:
        return None
    proper, ascii_ = _lexicon()[:2]
    hit = _match(word, proper)
    if hit is None and not _DIACRITICS.intersection(word):
        hit = _match(_fold(word), ascii_)  # "tesekkurler", "cok guzel", "begenmedim"
    if hit is None and len(word) >= 6 and _NEG_WORD.fullmatch(word):
        hit = _Hit(0.0, True, "", "", True)
    return hit


@lru_cache(maxsize=65536)
def _normalize_word(surface: str) -> tuple[str, str, bool]:
    """(Turkish lower case without the apostrophe suffix, ASCII fold, written in capitals)."""
    caps = len(surface) > 1 and surface.isupper()
    word = re.split("['’`]", turkish_lower(surface))[0]
    word = re.sub(r"(.)\1{2,}", r"\1", word)  # "çoook güzeeel"
    return word, _fold(word), caps


@lru_cache(maxsize=65536)
def _phrase_candidates(folded: str) -> tuple:
    phrases = _lexicon()[2]
    longest = min(len(folded), LONGEST_WORD)  # no phrase starts with a longer word
    return tuple(c for k in range(longest, 0, -1) for c in phrases.get(folded[:k], ()))


_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’»)]*\s+|\n+")


def turkish_sentences(text: str) -> list[str]:
    """Sentences of the text; "Sn.", "vb.", "4. kat" and "(!)" do not end one."""
    parts, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        piece = text[start:m.end()].strip()
        abbreviation = re.search(r"([^\W\d_]+)\.$", piece)
        if "\n" not in m.group() and (
                re.search(r"\(\s*!+\s*\)$", piece)
                or abbreviation and turkish_lower(abbreviation.group(1)) in _ABBREVIATIONS
                or re.search(r"\d\.$", piece) and text[m.end():m.end() + 1].islower()):
            continue
        if piece:
            parts.append(piece)
        start = m.end()
    tail = text[start:].strip()
    return parts + [tail] if tail else parts
