"""Shout-outs: which staff and branches a customer names, in Turkish or English.

Names are matched on folded keys (Turkish lowercase, no diacritics), after the suffix a
Turkish writer attaches ("Ayşe'ye", "Kadıköy'deki", "Mehmet Bey'in"). First names that are
also ordinary words ("can", "umut", "deniz") need evidence that they are a name.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import NamedTuple

from kiosk.analysis import cyrillic, name_words
from kiosk.analysis.text import key, normalise, tokens

HONORIFICS = frozenset({"bey", "hanim", "abla", "abi", "agabey", "abisi", "ablaya", "usta",
                        "hoca", "hocam", "sef", "kardes", "mr", "mrs", "ms", "miss",
                        "xanim", "xanima", "xanimin", "xanimla", "bəy"})  # Azerbaijani
# "Ozan adındaki garson", "Bora denen kurye", "a waiter named Bill": said to be a name.
_NAMED_AFTER = frozenset("adli adinda adindaki isimli ismindeki denen".split())
_NAMED_BEFORE = frozenset("named called".split())
# "Toprak ile Bora'nın ekibi", "Hope and Will": a word-name beside another capitalised name.
_AND = frozenset("ile ve and &".split())
# Case and possessive endings written without an apostrophe (ascii-folded), for names that
# are not ordinary words: "Ayseye", "Mehmetin", "Kadikoyde", "Kadikoydeki".
_SUFFIXES = frozenset(
    "a e ya ye yi yu i u in un nin nun yin yun da de ta te dan den tan ten la le yla yle "
    "daki deki taki teki dakiler dekiler cim cigim cigima ciga".split()) | cyrillic.ENDINGS
_LONGEST_SUFFIX = max(map(len, _SUFFIXES))
# First names (and branch names) that are also everyday words in Turkish or English.
AMBIGUOUS = frozenset(
    "can elif umut deniz sevgi baris onur gul nur hayat bahar umit ay su naz yildiz kader "
    "savas irmak ozgur mert cesur bulut duygu sahin sevda sevinc tan toprak yagmur alev "
    "aslan ates ayaz bora cihan dilek doga ekin engin fidan guven ilke inci kutlu mutlu "
    "oya peri zafer zeki huzur gonul kaya basak cagri gokce ulku ozlem ilkin sinan cem "
    "will may june grace hope joy mark bill rose faith art bob sunny moda merkez".split())
# Of those, the ones that are English words. In an English text the others ("Barış",
# "Bahar", "Özlem") are not words of the language at all, so a capital is evidence enough.
ENGLISH_WORDS = frozenset("can will may june grace hope joy mark bill rose faith art bob sunny "
                          "tan".split())
# "Kızım Elif'in doğum günü", "my daughter Elif": a customer's own family, not the staff.
# (nor "Aslan'ım": "my Aslan" is nobody's cashier)
_KIN = frozenset(
    "kizim oglum esim annem babam kardesim ablam abim teyzem halam dayim amcam kuzenim yegenim "
    "torunum kizimiz oglumuz cocugum daughter son wife husband mum mom mother dad father "
    "sister brother niece nephew grandson granddaughter neighbour neighbor friend colleague "
    "flatmate roommate boss komsum komsumuz arkadasim"
    # and their pets: "kedim Işık", "our kitten Bulut", "my old tom Aslan"
    " kedim kedimiz kedimin kedimizin kopegim kopegimiz kopegimin kopegimizin kusum kusumuz "
    "tavsanim yavrum yavrumuz cat cats dog dogs kitten puppy pup tom tomcat bunny rabbit hamster "
    "parrot budgie pet kitty".split())
# "Bora the driver", "kasiyer Melek": a job beside a name makes it a person.
_ROLES = frozenset(
    "driver fitter fitters cashier manager assistant technician engineer installer courier "
    "rep agent advisor adviser designer barista waiter waitress chef nurse doctor pharmacist "
    "teacher instructor trainer receptionist staff worker plumber "
    "electrician mechanic kasiyer kurye sofor usta tekniker muhendis tasarimci garson asci "
    "hemsire doktor eczaci ogretmen egitmen gorevli montajci temsilci danisman satis "
    "magaza personel".split())
# "the Dawn sideboard", "a Duke armchair": an article before a capitalised word names a thing.
_ARTICLES = frozenset("the a an this that these our your their bu su o".split())
# "Melek gibi", "Işık kaynağı", "Nehir manzaralı": a Turkish word-name that opens a simile or
# a compound is the word.
_TURKISH_COMPOUND = re.compile(r"(?:gibi\w*|kadar|\w+(?:li|lu|siz|suz)|\w+(?:s?[iu]n?(?:da|de|"
                               r"ta|te|dan|den|daki|deki))|\w+(?:g|k)[iu]|\w+s[iu](?:yim|yum|yiz|"
                               r"yuz)?)$")
# "Bahar'da açılacak", "Deniz'den": a season or the sea in the locative, not a person.
_PLACE_CASE = frozenset("da de ta te dan den tan ten daki deki taki teki".split())
_SENTENCE_END = set(".!?…\n:;\"“”(")
# English contractions after a name-like word are not a Turkish case suffix: "Can't".
_CONTRACTIONS = frozenset({"t", "ll", "re", "ve", "d", "m"})
# At the start of a sentence a capital proves nothing; a word like these after it does
# ("Deniz at the till…", "Umut was…"), while "Deniz ürünleri…" stays a common noun.
_PERSON_NEXT = frozenset(
    "at in from on was is has had helped and who did went made always really kindly took "
    "gave called picked knows said told got showed found carried remembered sorted fixed "
    "explained recommended brought organised organized arranged booked rang handled served "
    "checked drove waited stayed upgraded noticed spotted".split())


@dataclass(frozen=True)
class Person:
    name: str
    team: str = ""
    branch: str = ""
    email: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Branch:
    name: str
    city: str = ""
    aliases: tuple[str, ...] = ()


@dataclass
class Roster:
    people: list[Person] = field(default_factory=list)
    branches: list[Branch] = field(default_factory=list)

    def __post_init__(self) -> None:
        known = {b.name for b in self.branches}
        for person in self.people:  # branches named in the roster exist even if not listed
            if person.branch and person.branch not in known:
                self.branches.append(Branch(person.branch))
                known.add(person.branch)
        self._index = _build_index(self)
        # Most texts name nobody: one substring test per name skips reading their words.
        self._stems = tuple(sorted(self._index))
        self._by_first: dict[str, list[Person]] = {}
        for person in self.people:
            self._by_first.setdefault(key(person.name.split()[0]), []).append(person)


class RosterError(ValueError):
    pass


def _split_aliases(value: str | None) -> tuple[str, ...]:
    return tuple(a.strip() for a in (value or "").split(";") if a.strip())


# What the database columns hold; a longer cell is a broken file, said so with its line.
_LIMITS = {"name": 120, "team": 120, "branch": 120, "city": 120, "email": 255}


def _checked(row: dict[str, str], line: int) -> dict[str, str]:
    row = {k: v.replace("\x00", "").strip() for k, v in row.items()}
    for column, limit in _LIMITS.items():
        if len(row.get(column, "")) > limit:
            raise RosterError(f"line {line}: {column} is longer than {limit} characters")
    return row


def parse_roster(text: str) -> list[Person]:
    """Roster CSV: name,aliases,team,branch[,email]; a header row is required."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    if not reader.fieldnames or "name" not in [f.strip() for f in reader.fieldnames]:
        raise RosterError("roster CSV needs a header with at least: name,aliases,team,branch")
    people = []
    for row in reader:
        row = _checked({(k or "").strip(): (v or "").strip() for k, v in row.items()
                        if isinstance(v, str)}, reader.line_num)
        if not row.get("name"):
            raise RosterError(f"line {reader.line_num}: a name is required")
        people.append(Person(name=row["name"], team=row.get("team", ""),
                             branch=row.get("branch", ""), email=row.get("email", ""),
                             aliases=_split_aliases(row.get("aliases"))))
    return people


def parse_branches(text: str) -> list[Branch]:
    """Branches CSV: name,city,aliases."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    branches = []
    for r in reader:
        row = _checked({(k or "").strip(): v for k, v in r.items() if isinstance(v, str)},
                       reader.line_num)
        if row.get("name"):
            branches.append(Branch(name=row["name"], city=row.get("city", ""),
                                   aliases=_split_aliases(row.get("aliases"))))
    return branches


# --- matching ---------------------------------------------------------------------------

@dataclass(frozen=True)
class _Pattern:
    keys: tuple[str, ...]
    target: str  # person or branch name
    kind: str  # "person" | "branch"
    strong: bool  # a full name or a multi-word alias: no further evidence needed
    word: bool = False  # also an ordinary word in a dictionary (name_words)
    english: bool = False  # … in English
    cyrillic: bool = False  # spelt as Russian speakers do; "лиман", "еда" are Russian words


def _build_index(roster: Roster) -> dict[str, list[_Pattern]]:
    index: dict[str, list[_Pattern]] = {}

    def add(phrase: str, target: str, kind: str, strong: bool) -> None:
        keys = tuple(key(m.group()) for m in tokens(phrase))
        if not keys:
            return
        # The fixed lists know their names best: Webster's "bahar" (an old unit of weight)
        # is not why Bahar Koç is hard to find in English.
        english = not strong and (keys[0] in ENGLISH_WORDS if keys[0] in AMBIGUOUS
                                  else name_words.english_word(phrase))
        word = not strong and (english or name_words.turkish_word(phrase))
        index.setdefault(keys[0], []).append(_Pattern(keys, target, kind, strong, word, english))

    def add_cyrillic(name: str, target: str, kind: str) -> None:
        for spelling in cyrillic.spellings(name):  # "Аслану", "из Лимана"
            index.setdefault(spelling, []).append(
                _Pattern((spelling,), target, kind, False, False, False, cyrillic=True))

    for person in roster.people:
        add(person.name, person.name, "person", strong=len(person.name.split()) > 1)
        add(person.name.split()[0], person.name, "person", strong=False)
        add_cyrillic(person.name.split()[0], person.name, "person")
        for alias in person.aliases:
            add(alias, person.name, "person", strong=len(alias.split()) > 1)
    for branch in roster.branches:
        add(branch.name, branch.name, "branch", strong=len(branch.name.split()) > 1)
        if len(branch.name.split()) == 1:
            add_cyrillic(branch.name, branch.name, "branch")
        for alias in branch.aliases:
            add(alias, branch.name, "branch", strong=len(alias.split()) > 1)
    for first, patterns in index.items():
        patterns.sort(key=lambda p: -len(p.keys))  # longest phrase first
        # "Seker" (an alias without diacritics) is the word "şeker" as much as "Şeker" is.
        word = any(p.word for p in patterns if len(p.keys) == 1)
        english = any(p.english for p in patterns if len(p.keys) == 1)
        index[first] = [replace(p, word=word, english=english) if len(p.keys) == 1 else p
                        for p in patterns]
    return index


class _Word(NamedTuple):  # a tuple: built for every word of every text
    base: str  # key of the word before any apostrophe
    rest: str  # key of what follows the apostrophe ('' if none)
    capital: bool
    sentence_start: bool
    start: int = 0  # where the name part begins and ends in the normalised text
    stop: int = 0


def _fold_schwa(word: str) -> str:
    """Azerbaijani writes Turkish names with ə: "İpək xanım", "Şulə"."""
    return word.replace("ə", "e") if "ə" in word else word


# A quoted span: what a card should say, a code, what someone wrote ("'Happy 40th Can'",
# "'BAHAR20'", "kartta 'Canım annem' yazıyordu"). An apostrophe inside a word is a suffix.
_QUOTED = re.compile(r"(?<![^\s(:])[\"'“‘«](?=\S)[^\"“”«»\n]{1,150}?(?<=\S)[\"'”’»](?![^\W\d_])")


@lru_cache(maxsize=8)
def _quoted_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Read once per text, not once for each name-word in it."""
    return tuple(m.span() for m in _QUOTED.finditer(text))


def _in_quotes(text: str, at: int) -> bool:
    return any(start < at < end for start, end in _quoted_spans(text))


def _words(text: str) -> list[_Word]:
    text = normalise(text)
    words = []
    new = tuple.__new__  # a NamedTuple's own __new__ is Python; this is a fifth of the time
    for match in tokens(text):
        raw = match.group()
        base, _, rest = raw.partition("'")
        start = match.start()
        j = start - 1  # the last visible character before the word (no slicing: a copy per
        while j >= 0 and text[j].isspace():  # word is quadratic in long texts)
            j -= 1
        words.append(new(_Word, (_fold_schwa(key(base)), key(rest) if rest else "",
                                 raw[:1].isupper(), j < 0 or text[j] in _SENTENCE_END, start,
                                 start + len(base))))
    return words


def _matches_word(pattern_key: str, word: _Word, allow_suffix: bool) -> bool:
    if word.base == pattern_key:
        return True
    return (allow_suffix and not word.rest and word.base.startswith(pattern_key)
            and word.base[len(pattern_key):] in _SUFFIXES)


def _evidence(pattern: _Pattern, words: list[_Word], i: int, shouting: bool,
              lang: str | None = None, text: str = "") -> bool:
    """Is a single-word match a name here? Ordinary words need a capital, an apostrophe
    suffix, or an honorific after them."""
    if pattern.strong:
        return True
    if pattern.cyrillic:
        return words[i].capital  # "Аслану", not "на лимане"
    nxt = words[i + 1] if i + 1 < len(words) else None
    if nxt is not None and nxt.base in HONORIFICS:
        return True
    if pattern.kind == "person" and pattern.word and ("'" in text or '"' in text) and \
            _in_quotes(text, words[i].start):
        return False  # a card message's "Happy birthday Can", a code "BAHAR20"
    if pattern.kind == "person" and ((i and words[i - 1].base in _KIN) or
                                     words[i].rest in ("im", "um", "imiz", "umuz")):
        return False
    if pattern.kind == "person" and (_asks_with_a_modal(words, i, text) or _introduces_self(
            words, i)):
        return False
    if pattern.kind == "person" and (_beside_a_role(words, i) or _said_to_be_a_name(words, i)):
        return True
    word = words[i]
    if lang not in (None, "tr", "en") and word.capital and not shouting and \
            pattern.kind == "person":
        return True  # "Bill était adorable": in French, "bill" is no word
    first = pattern.keys[0]
    if first not in AMBIGUOUS:
        return not pattern.word or _word_name_evidence(pattern, words, i, shouting, lang, text)
    if shouting or not word.capital or word.rest in _CONTRACTIONS or word.rest in _PLACE_CASE:
        return False
    if word.rest or not word.sentence_start:
        return True
    if lang == "en" and first not in ENGLISH_WORDS and not pattern.english and \
            pattern.kind == "person":
        return True  # "Barış sliced the pastırma…": not an English word, so a name
    if nxt is not None and first in _MODALS and lang == "en" and _past_tense(nxt.base):
        return True  # "Will looked after our cat": a modal is never followed by a past tense
    return nxt is not None and (nxt.base in _PERSON_NEXT or _spoken_to(text, word, nxt))


_MODALS = frozenset({"will", "can"})
_SUBJECTS = frozenset("the you they it there we i he she my our your this that anyone someone "
                      "somebody anybody a an".split())


def _asks_with_a_modal(words: list[_Word], i: int, text: str) -> bool:
    """"Will the shuttle driver wait?", "Can you hold the car?": a question, not a name."""
    nxt = words[i + 1] if i + 1 < len(words) else None
    return words[i].base in _MODALS and words[i].sentence_start and nxt is not None and \
        nxt.base in _SUBJECTS and "?" in text[words[i].start:]


def _introduces_self(words: list[_Word], i: int) -> bool:
    """"Hi, I'm Will", "my name is Grace": the writer, not the staff."""
    before = [w.base + ("'" + w.rest if w.rest else "") for w in words[max(0, i - 3):i]]
    return before[-1:] in (["i'm"], ["name's"]) or before[-2:] == ["i", "am"] or \
        before[-3:] == ["my", "name", "is"]


def _word_name_evidence(pattern: _Pattern, words: list[_Word], i: int, shouting: bool,
                        lang: str | None, text: str = "") -> bool:
    """A name that a dictionary also has as a word ("Dawn", "Şeker", "Miles")."""
    word, prev = words[i], words[i - 1] if i else None
    nxt = words[i + 1] if i + 1 < len(words) else None
    if prev is not None and prev.base in HONORIFICS:
        return True  # "Mr Rich"
    if word.rest == "s" and not word.capital and not shouting:
        return False  # "this summer's camp": the word's possessive, not Summer's
    if word.rest:
        return word.rest not in _PLACE_CASE and word.rest not in _CONTRACTIONS
    if not word.capital and not shouting:
        return False  # "up at dawn", "şeker gibiydi": the word
    if prev is not None and prev.base in _ARTICLES and not (prev.sentence_start
                                                            and word.sentence_start):
        return False  # "the Dawn sideboard"
    if nxt is not None and nxt.capital and not shouting and not nxt.sentence_start and \
            nxt.base not in HONORIFICS:
        return False  # "Kuzey Marmara'ya", "Dawn Smith": another place, another person
    if nxt is not None and (lang == "tr" or lang is None) and not pattern.english and \
            _TURKISH_COMPOUND.fullmatch(nxt.base):
        return False  # "Işık kaynağı", "Melek gibi"
    if nxt is not None and nxt.base == "bir" and word.sentence_start and lang != "en":
        return False  # "Serin bir yer arıyoruz": an adjective before "a"
    if lang == "en" and pattern.english and word.sentence_start:
        return nxt is not None and (nxt.base in _PERSON_NEXT or _past_tense(nxt.base)
                                    or _spoken_to(text, word, nxt))
    return True


def _said_to_be_a_name(words: list[_Word], i: int) -> bool:
    """"Ozan adındaki garson", "a courier called Bill", "Toprak ile Bora'nın ekibi"."""
    after = words[i + 1:i + 3]
    if (i and words[i - 1].base in _NAMED_BEFORE and words[i].capital) or \
            after and after[0].base in _NAMED_AFTER:
        return True
    return (words[i].capital and len(after) == 2 and after[0].base in _AND
            and after[1].capital and not after[1].sentence_start)


def _beside_a_role(words: list[_Word], i: int) -> bool:
    """"kasiyer Melek", "Bora the driver", "Duke, the delivery driver"."""
    if i and words[i - 1].base in _ROLES:
        return True
    after = [w.base for w in words[i + 1:i + 4]]
    return bool(after) and (after[0] in _ROLES or after[0] == "the" and
                            any(b in _ROLES for b in after[1:3]))


# Spoken to: "Grace, thank you!", "Hope, if you're reading this" ("Hope you're well" is not).
_ADDRESSED = frozenset("thank thanks if please tesekkurler tesekkur sagol sagolun".split())


def _spoken_to(text: str, word: _Word, nxt: _Word) -> bool:
    return text[word.stop:word.stop + 1] == "," and nxt.base in _ADDRESSED


# Participles that describe a thing ("amber coloured glass"), not what a person did.
_DESCRIBING = frozenset("coloured colored tinted shaped sized themed based scented flavoured "
                        "flavored lined framed".split())


def _past_tense(word: str) -> bool:
    return len(word) > 4 and word.endswith("ed") and word not in _DESCRIBING


def find_mentions(text: str, roster: Roster, item_branch: str | None = None,
                  lang: str | None = None, spans: list[tuple[int, int]] | None = None,
                  ) -> tuple[list[str], list[str]]:
    """(staff names, branch names) the text refers to, in order of first appearance.

    `spans`, if given, receives where each name stands in the normalised text."""
    if not roster.people and not roster.branches:
        return [], []
    normal = normalise(text)
    folded = _fold_schwa(key(normal))
    if not any(stem in folded for stem in roster._stems):
        return [], []
    words = _words(text)
    letters = "".join(filter(str.isalpha, text))
    shouting = len(letters) > 8 and all(map(str.isupper, letters))
    found: list[_Pattern] = []
    i = 0
    while i < len(words):
        consumed = 1
        for pattern in roster._index.get(words[i].base, ()) or _suffix_candidates(
                roster, words[i]):
            n = len(pattern.keys)
            window = words[i:i + n]
            if len(window) < n:
                continue
            allow_suffix = pattern.keys[-1] not in AMBIGUOUS and not pattern.word
            if not all(w.base == k for w, k in zip(window[:-1], pattern.keys[:-1],
                                                    strict=True)):
                continue
            if not _matches_word(pattern.keys[-1], window[-1], allow_suffix):
                continue
            if _evidence(pattern, words, i + n - 1, shouting, lang, normal):
                found.append(pattern)
                consumed = n
                if spans is not None:
                    spans.extend((w.start, w.stop) for w in window)
                break
        i += consumed
    people = _resolve_people(found, roster, item_branch)
    branches = list(dict.fromkeys(p.target for p in found if p.kind == "branch"))
    return people, branches


def _suffix_candidates(roster: Roster, word: _Word) -> list[_Pattern]:
    """Patterns whose one word is a prefix of this word plus a known suffix ("Ayseye")."""
    if word.rest:
        return []
    # Only the last few letters can be a suffix: a 100 kB "word" costs no more than a short one.
    for cut in range(len(word.base) - 1, max(1, len(word.base) - _LONGEST_SUFFIX - 1), -1):
        if word.base[cut:] in _SUFFIXES and word.base[:cut] in roster._index:
            return [p for p in roster._index[word.base[:cut]] if len(p.keys) == 1]
    return []


def _resolve_people(found: list[_Pattern], roster: Roster, item_branch: str | None,
                    ) -> list[str]:
    """A first name shared by several staff counts only when a branch settles who it is."""
    by_first = roster._by_first
    branches = {p.target for p in found if p.kind == "branch"}
    if item_branch:
        branches.add(item_branch)
    people: list[str] = []
    for pattern in found:
        if pattern.kind != "person":
            continue
        first = pattern.keys[0] if pattern.keys[0].isascii() else key(pattern.target.split()[0])
        if pattern.strong or len(by_first.get(first, ())) <= 1:
            people.append(pattern.target)
            continue
        here = [p for p in by_first[first] if p.branch in branches]
        if len(here) == 1:
            people.append(here[0].name)
    return list(dict.fromkeys(people))
