"""Second opinions on the rules: praise before it reaches a wall unreviewed, and
complaints told as plain facts.

Linear models over words (negation scope marked) and the rules' signals, trained offline
(bench/train_praise_model.py, bench/train_complaint_model.py; scikit-learn) on openly
licensed English data: DynaSent (Potts et al. 2020, CC BY 4.0) and VADER's ground truth
(MIT), plus Kiosk's own development examples. Only their weights ship, as JSON; scoring is
a dot product. The praise model's probability only decides whether praise may skip the
curators' queue; the complaint model only turns what the rules call neutral into a
complaint.
"""

from __future__ import annotations

import json
import math
from functools import cache
from importlib.resources import files

from kiosk.analysis.text import key, lower_tr, normalise, tokens

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
    out += [f"emoji:{ch}" for ch in text if ord(ch) >= 0x2600]
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
    """Dense features of the praise model: the signals, and a few shapes of them a linear
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


@cache
def _model(lang: str, kind: str = "praise") -> dict | None:
    path = files("kiosk.analysis") / "data" / f"{kind}_model_{lang}.json"
    if not path.is_file():
        return None
    return json.loads(path.read_text("utf-8"))


def threshold(lang: str, kind: str = "praise") -> float:
    """The probability praise needs before the rules may put it on a wall unreviewed (or
    a neutral text before it counts as a complaint)."""
    model = _model(lang, kind)
    return model["threshold"] if model else 0.0


def logit(text: str, weights: dict[str, float], bias: float, signals,
          affixes: bool = False) -> float:
    """The model's log-odds of praise: bias + the weights of the text's features."""
    z = bias
    for feature in set(text_features(text, bigrams=False, affixes=affixes)):
        z += weights.get(feature, 0.0)
    for name, value in model_features(text, signals).items():
        z += weights.get(name, 0.0) * value
    return z


def probability(text: str, lang: str, signals, kind: str = "praise") -> float | None:
    """P(praise) (or P(complaint)) from the shipped model for `lang`, or None if none."""
    model = _model(lang, kind)
    if model is None:
        return None
    z = logit(text, model["weights"], model["bias"], signals, model.get("affixes", False))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
