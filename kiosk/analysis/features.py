"""A text and the rules' reading of it as the features of a linear model: the shipped verdict
model (analysis/verdict_model.py) and the curators' own model (analysis/linear.py) read
them alike, so a word means the same thing to both."""

from __future__ import annotations

import math
import re

from kiosk.analysis.text import key, lower_tr, normalise, tokens

_FROM_U2600 = re.compile("[\u2600-\U0010ffff]")  # emoji and pictographs, and all above them
_NEGATORS = frozenset({"not", "no", "never", "nothing", "nobody", "none", "cannot", "without",
                       "değil", "yok", "hiç", "asla"})


def text_features(text: str, bigrams: bool = True, affixes: bool = False) -> list[str]:
    """Lowercased words (negation scope marked for three words), bigrams, and emoji; with
    `affixes`, each long word's first five and last three letters without diacritics too: a
    Turkish word carries its negation and tense at the end ("gelmedi", "okunmadı") and its
    meaning at the start, and a trade's new words share both with words seen before."""
    text = normalise(text)
    words = [lower_tr(m.group()) for m in tokens(text)]
    out, scope = [], 0
    for word in words:
        if word in _NEGATORS or word.endswith("n't"):
            scope = 3
            out.append(word)
            continue
        out.append("NOT_" + word if scope else word)
        scope = max(0, scope - 1)
    if bigrams:
        out += [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    out += [f"emoji:{ch}" for ch in _FROM_U2600.findall(text)]
    if affixes:
        folded = [key(word) for word in words if len(word) >= 5]
        out += [f"stem:{w[:5]}" for w in folded] + [f"sfx:{w[-3:]}" for w in folded]
    return out


def dense_features(signals) -> dict[str, float]:
    """The rules' signals as numbers (the curators' model, analysis/linear.py, reads them too)."""
    return {
        "_overall": signals.overall, "_worst": signals.worst, "_best": signals.best,
        "_after": signals.after if signals.after is not None else 0.0,
        "_has_contrast": float(signals.after is not None), "_cues": float(signals.cues),
        "_praise_cue": float(signals.praise_cue), "_sarcasm": float(signals.sarcasm),
        "_question": float(signals.question), "_suggestion": float(signals.suggestion),
    }


def model_features(text: str, signals) -> dict[str, float]:
    """Dense features of the verdict model: the signals, and a few shapes of them a linear
    model cannot draw by itself (a worst part that is only slightly negative is the
    commonest way a lukewarm or unhappy snippet passes the rules)."""
    out = dense_features(signals)
    worst, overall = signals.worst, signals.overall
    out.update({
        "_worst_neg": min(0.0, worst), "_worst_pos": max(0.0, worst),
        "_worst_below_0": float(worst < 0.0), "_worst_below_-0.1": float(worst < -0.1),
        "_overall_sq": overall * overall, "_overall_high": float(overall >= 0.8),
        "_length": math.log1p(len(text.split())), "_exclamation": float("!" in text),
    })
    return out
