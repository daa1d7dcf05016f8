"""Recurring phrases in recent feedback: themes the taxonomy does not have yet.

NLTK's collocation finders rank word pairs and triples that occur together more often
than chance (likelihood ratio); stop-words (stopwords-iso, MIT) are dropped first, but not
the words that carry a judgement ("değil", "yok", "iyi"), which make a phrase a theme.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from kiosk.analysis.text import lower_tr, tokens

_KEEP = {"tr": {"iyi", "değil", "yok", "ilgili", "çabuk", "hoş", "var", "doğru", "az"},
         "en": {"not", "no", "good", "never", "well", "fresh", "nice", "late", "long"}}


@cache
def _stopwords(lang: str) -> frozenset[str]:
    import stopwordsiso

    return frozenset(lower_tr(w) for w in stopwordsiso.stopwords(lang)) - _KEEP.get(lang, set())


def recurring_phrases(texts: Iterable[str], lang: str, top: int = 20, min_count: int = 3,
                      known: Iterable[str] = (), names: Iterable[str] = (),
                      ) -> list[tuple[str, int]]:
    """The `top` phrases (2–3 words) seen at least `min_count` times, with their counts,
    leaving out phrases already covered by `known` keywords and phrases naming people or
    places (`names`: roster and branch names, which shout-outs already count)."""
    from nltk.collocations import (
        BigramAssocMeasures,
        BigramCollocationFinder,
        TrigramAssocMeasures,
        TrigramCollocationFinder,
    )

    stop = _stopwords(lang) | {lower_tr(m.group()) for n in names for m in tokens(n)} | {
        "bey", "hanım", "usta", "abla", "abi"}
    docs = [[lower_tr(m.group()).split("'")[0] for m in tokens(t)] for t in texts]
    words = [w for doc in docs for w in (doc + ["\n"])]  # "\n" keeps texts apart

    def usable(w: str) -> bool:
        return len(w) < 3 or w in stop or w == "\n"

    found: dict[str, int] = {}
    for finder, measure in (
            (BigramCollocationFinder.from_words(words), BigramAssocMeasures.likelihood_ratio),
            (TrigramCollocationFinder.from_words(words), TrigramAssocMeasures.likelihood_ratio)):
        finder.apply_word_filter(usable)
        finder.apply_freq_filter(min_count)
        for gram in finder.nbest(measure, top * 2):
            found[" ".join(gram)] = finder.ngram_fd[gram]
    covered = [lower_tr(k).rstrip("*") for k in known]
    fresh = {p: n for p, n in found.items() if not any(k and k in p for k in covered)}
    return sorted(fresh.items(), key=lambda kv: -kv[1])[:top]
