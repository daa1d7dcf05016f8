"""The last word on a verdict: what the rules found, weighed by what seventy trades'
labelled feedback says it usually means.

Rules fitted to the trades someone has read miss what a new trade says in its own words
("koliyi sırtında çıkardı", "It's day 12."). Left out one trade at a time, a linear model over
the rules' verdict, their signals and the words told praise from the rest more precisely, at
more recall, than the rules with their single-purpose vetoes and rescues (docs/analysis.md).
It is trained offline (bench/train_verdict_model.py; scikit-learn) and ships as JSON weights;
scoring is a dot product per head:
- praise: P(the text is praise);
- complaint: P(the text is a complaint), read when it is not praise.
"""

from __future__ import annotations

import json
import math
from functools import cache
from importlib.resources import files

from kiosk.analysis.features import model_features, text_features


def features(text: str, lang: str, signals, label: str, reasons) -> dict[str, float]:
    """The words (Turkish with their stems and endings), the rules' signals, their label and
    their reasons, as one sparse vector."""
    out = dict.fromkeys(text_features(text, bigrams=False, affixes=lang == "tr"), 1.0)
    out.update(model_features(text, signals))
    out["_rule_" + label] = 1.0
    out.update(dict.fromkeys(("_why_" + reason for reason in reasons), 1.0))
    out.update({"_kind_act": float(signals.kind_act), "_staff_act": float(signals.staff_act),
                "_asks_why": float(signals.asks_why)})
    return out


@cache
def _model(lang: str) -> dict | None:
    path = files("kiosk.analysis") / "data" / f"verdict_model_{lang}.json"
    return prepared(json.loads(path.read_text("utf-8"))) if path.is_file() else None


def prepared(model: dict) -> dict:
    """The model as it is scored: both heads' weights in one table, so that each feature is
    looked up once for both (this runs on every text that arrives)."""
    praise, complaint = model["praise"]["weights"], model["complaint"]["weights"]
    model["table"] = {name: (praise.get(name, 0.0), complaint.get(name, 0.0))
                      for name in praise.keys() | complaint.keys()}
    return model


def available(lang: str) -> bool:
    return _model(lang) is not None


def threshold(lang: str, name: str) -> float:
    """"praise" and "complaint": where a head's probability decides; "auto": the P(praise)
    that praise needs before it may reach a wall without a curator."""
    model = _model(lang)
    return model["thresholds"][name] if model else 1.0


def probabilities(feats: dict[str, float], lang: str) -> tuple[float, float] | None:
    """(P(praise), P(complaint)) from the shipped model for `lang`, or None if it has none."""
    model = _model(lang)
    return None if model is None else scores(model, feats)


def scores(model: dict, feats: dict[str, float]) -> tuple[float, float]:
    """(P(praise), P(complaint)) from a prepared model: each head's bias plus the dot product
    of its weights with the features, through the logistic function."""
    table = model["table"]
    praise, complaint = model["praise"]["bias"], model["complaint"]["bias"]
    for name, value in feats.items():
        weights = table.get(name)
        if weights is not None:
            praise += weights[0] * value
            complaint += weights[1] * value
    return _logistic(praise), _logistic(complaint)


def _logistic(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
