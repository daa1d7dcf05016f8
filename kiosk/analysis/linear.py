"""The learned praise model's arithmetic: hashed features and a small logistic regression.

Pure functions (no database, no app): kiosk/learning.py feeds them the curators' examples.
Features are hashed into 2**BITS buckets, so a model's weights name buckets, never words.
Hashing is not encryption: whoever holds a model and guesses a word can find its bucket's
weight; nobody can read a text back out of it.
"""

from __future__ import annotations

import hashlib
import math
import random
import zlib
from collections import OrderedDict

from kiosk.analysis import features, sentiment
from kiosk.analysis.text import key, normalise, tokens

BITS = 18  # 262,144 buckets
EPOCHS = 10
_MASK = (1 << BITS) - 1
_CACHE: OrderedDict[bytes, tuple] = OrderedDict()  # digest of the text → vector; no text


def _h(feature: str) -> int:
    return zlib.crc32(feature.encode()) & _MASK


def _unit(feats: dict[int, float]) -> dict[int, float]:
    norm = math.sqrt(sum(v * v for v in feats.values())) or 1.0
    return {k: v / norm for k, v in feats.items()}


def text_vector(text: str) -> dict[int, float]:
    """Hashed words (negation marked), bigrams, emoji and character 3–4-grams of the
    Turkish-folded words ("cok" meets "çok", "güzeldi" meets "güzel"), each part unit length."""
    words = {_h("w:" + f): 1.0 for f in features.text_features(text)}
    grams: dict[int, float] = {}
    for match in tokens(text):
        padded = f"<{key(match.group())}>"
        for n in (3, 4):
            for i in range(len(padded) - n + 1):
                grams[_h("c:" + padded[i:i + n])] = 1.0
    out = _unit(words)
    for k, v in _unit(grams).items():
        out[k] = out.get(k, 0.0) + v
    return out


def vector(text: str, lang: str, rating: int | None, praise_at: float = sentiment.PRAISE_AT,
           complaint_at: float = sentiment.COMPLAINT_AT) -> tuple[tuple[int, float], ...]:
    """A text's features: its hashed n-grams, and the signals, label and reasons the rules
    read off it (kiosk/analysis/sentiment.py). Cached by a digest of the text."""
    digest = hashlib.sha256(f"{lang}\0{rating}\0{praise_at}\0{complaint_at}\0{text}"
                            .encode()).digest()
    hit = _CACHE.get(digest)
    if hit is not None:
        _CACHE.move_to_end(digest)
        return hit
    feats = text_vector(text)
    make = sentiment._LANGUAGES.get(lang)
    if make is not None:
        signals = sentiment.read_signals(normalise(text), make(), rating)
        verdict = sentiment.decide(signals, praise_at, complaint_at)
        dense = features.dense_features(signals)
        dense["_label:" + verdict.label] = 1.0
        for reason in verdict.reasons:
            dense["_reason:" + reason] = 1.0
        if rating is not None:
            dense["_rating"] = (rating - 3) / 2
        for name, value in dense.items():
            if value:
                feats[_h(name)] = feats.get(_h(name), 0.0) + float(value)
    out = tuple(feats.items())
    _CACHE[digest] = out
    if len(_CACHE) > 20_000:
        _CACHE.popitem(last=False)
    return out


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fit(xs: list, ys: list[int], epochs: int = EPOCHS, l2: float = 1e-4, rate: float = 0.3,
        seed: int = 7) -> tuple[float, dict[int, float]]:
    """L2-regularised logistic regression by AdaGrad over sparse vectors: (bias, weights)."""
    weights: dict[int, float] = {}
    squares: dict[int, float] = {}
    bias, bias_sq = 0.0, 1e-8
    order = list(range(len(xs)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            x = xs[i]
            g = _sigmoid(bias + sum(weights.get(f, 0.0) * v for f, v in x)) - ys[i]
            for f, v in x:
                w = weights.get(f, 0.0)
                grad = g * v + l2 * w
                sq = squares.get(f, 1e-8) + grad * grad
                squares[f] = sq
                weights[f] = w - rate * grad / math.sqrt(sq)
            bias_sq += g * g
            bias -= rate * g / math.sqrt(bias_sq)
    return bias, weights


def predict(bias: float, weights: dict[int, float], x) -> float:
    return _sigmoid(bias + sum(weights.get(f, 0.0) * v for f, v in x))


def fold_scores(xs: list, ys: list[int], folds: int = 4) -> list[float]:
    """Out-of-fold P(praise): every example scored by a model that never saw it."""
    scores = [0.0] * len(xs)
    for fold in range(folds):
        train = [i for i in range(len(xs)) if i % folds != fold]
        bias, weights = fit([xs[i] for i in train], [ys[i] for i in train])
        for i in range(fold, len(xs), folds):
            scores[i] = predict(bias, weights, xs[i])
    return scores


def average_precision(scores: list[float], truth: list[bool]) -> float | None:
    """Mean precision at each praise, best score first (ties: the worse order)."""
    ranked = sorted(zip(scores, truth, strict=True), key=lambda p: (-p[0], p[1]))
    hits, total = 0, 0.0
    for rank, (_s, t) in enumerate(ranked, start=1):
        if t:
            hits += 1
            total += hits / rank
    return total / hits if hits else None


def pick_threshold(scores: list[float], allowed: list[bool], truth: list[bool],
                   goal: float) -> float | None:
    """The lowest score at which what the rules allow and the model passes is praise at
    least `goal` of the time; 0.0 if everything the rules allow already is; None if no cut."""
    ranked = sorted(((s, t) for s, a, t in zip(scores, allowed, truth, strict=True) if a),
                    reverse=True)
    best, hits = None, 0
    for n, (score, t) in enumerate(ranked, start=1):
        hits += t
        tied = n < len(ranked) and ranked[n][0] == score
        if not tied and hits / n >= goal:
            best = score
    if best is not None and ranked and best == ranked[-1][0]:
        return 0.0
    return best


def lower_bound(correct: int, n: int, z: float = 1.645) -> float | None:
    """Wilson score lower bound (one-sided 95 %) of a precision of correct/n."""
    if not n:
        return None
    p = correct / n
    centre = p + z * z / (2 * n)
    spread = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - spread) / (1 + z * z / n)


def rates(scores: list[float], allowed: list[bool], truth: list[bool],
          threshold: float | None) -> dict:
    """Auto-approval (rules allow and score >= threshold) judged against the truth."""
    shown = [t for s, a, t in zip(scores, allowed, truth, strict=True)
             if a and threshold is not None and s >= threshold]
    praise, right = sum(truth), sum(shown)
    low = lower_bound(right, len(shown))
    return {"approved": len(shown), "correct": right,
            "precision": round(right / len(shown), 4) if shown else None,
            "precision_low": None if low is None else round(low, 4),
            "recall": round(right / praise, 4) if praise else None}
