"""Which staff and branch names are also ordinary words, so that a match needs evidence.

A fixed list ("can", "umut", "deniz", "grace"…) cannot know every company's roster: Melek
(angel), Şeker (sugar), Kuzey (north), Dawn, Ivy, Miles and Rich are names on some roster
and words in every text. So each roster name is also looked up where its language keeps
its words: Turkish in akana's lexicon (a reading as a common noun, adjective or adverb,
not only as a proper name), English in Webster's Second International (web2, through the
english-words package, where a lower-case entry is a common word and a capitalised one a
name, and in GCIDE's headwords). Both are loaded once, when a roster is first matched.
"""

from __future__ import annotations

from functools import cache

from kiosk.analysis.text import key, lower_tr

_WORD_CLASSES = frozenset({"Noun", "Adj", "Adv", "Conj", "Interj", "Postp", "Det"})


@cache
def _morphology():
    import akana

    return akana.Morphology()


@cache
def _english() -> frozenset[str]:
    from english_words import get_english_words_set

    # web2 keeps "Hunter" capitalised, as a surname; GCIDE's headwords, lower-cased, know the
    # hunter of "job hunter" (and few given names: "david", "sarah", "emma" are not in it)
    return frozenset(get_english_words_set(["web2"])) | frozenset(
        get_english_words_set(["gcide"], lower=True))


@cache
def turkish_word(name: str) -> bool:
    """Whether a Turkish dictionary has `name` as a common word ("melek", not "ayşe")."""
    word = lower_tr(name)
    return any(parse["root"] == word and parse["primary_pos"] in _WORD_CLASSES
               and parse["secondary_pos"] != "Prop" for parse in _morphology().analyze(word))


@cache
def english_word(name: str) -> bool:
    """Whether English has `name` as a common word ("dawn", "miles"; not "david"). A name
    written with Turkish letters is read as Turkish."""
    word = key(name)
    if word != lower_tr(name):
        return False
    words = _english()
    return word in words or (len(word) > 3 and word.endswith("s") and word[:-1] in words)
