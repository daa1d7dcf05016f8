"""A second opinion on praise before it reaches a wall unreviewed.

A linear model over words and the rules' signals, trained offline by
bench/train_praise_model.py (scikit-learn) on openly licensed English data: DynaSent
(Potts et al. 2020, CC BY 4.0) and VADER's ground truth (MIT), plus Kiosk's own
development examples. Only its weights ship, as JSON; scoring is a dot product. The label
stays the rules' (it counts praise for the weekly numbers); the model's probability only
decides whether praise may skip the curators' queue.
"""

from __future__ import annotations

import json
import math
from functools import cache
from importlib.resources import files

from kiosk.analysis.text import lower_tr, normalise, tokens

_NEGATORS = frozenset({"not", "no", "never", "nothing", "nobody", "none", "cannot", "without",
                       "değil", "yok", "hiç", "asla"})


def text_features(text: str) -> list[str]:
    """Lowercased words (negation scope marked for three words), bigrams, and emoji."""
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
    out += [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    out += [f"emoji:{ch}" for ch in text if ord(ch) >= 0x2600]
    return out


def dense_features(signals) -> dict[str, float]:
    return {
        "_overall": signals.overall, "_worst": signals.worst, "_best": signals.best,
        "_after": signals.after if signals.after is not None else 0.0,
        "_has_contrast": float(signals.after is not None), "_cues": float(signals.cues),
        "_praise_cue": float(signals.praise_cue), "_sarcasm": float(signals.sarcasm),
        "_question": float(signals.question), "_suggestion": float(signals.suggestion),
    }


@cache
def _model(lang: str) -> dict | None:
    path = files("kiosk.analysis") / "data" / f"praise_model_{lang}.json"
    if not path.is_file():
        return None
    return json.loads(path.read_text("utf-8"))


def threshold(lang: str) -> float:
    """The probability praise needs before the rules may put it on a wall unreviewed."""
    model = _model(lang)
    return model["threshold"] if model else 0.0


def probability(text: str, lang: str, signals) -> float | None:
    """P(praise) from the shipped model for `lang`, or None if there is none."""
    model = _model(lang)
    if model is None:
        return None
    weights = model["weights"]
    z = model["bias"]
    for feature in set(text_features(text)):
        z += weights.get(feature, 0.0)
    for name, value in dense_features(signals).items():
        z += weights.get(name, 0.0) * value
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
