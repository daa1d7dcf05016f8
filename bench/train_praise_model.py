"""Train the praise model's weights: `python bench/train_praise_model.py [--lang en]`.

Needs scikit-learn (a development tool, not a runtime dependency). Training data:
- en: DynaSent v1.1 dev+test (../shared/data/open-feedback, CC BY 4.0), the *dev* halves of
  VADER's tweets and Amazon snippets (MIT; mean rating >= 1.5 praise, <= 0.5 not praise),
  and Kiosk's development examples (bench/data/dev-extra.jsonl, tests/data/dev-hard.jsonl,
  the dev split of bench/data/labelled.jsonl);
- tr: Kiosk's development examples only (no openly licensed Turkish set exists).
The test halves and the labelled test split are never read here. The probability threshold
(praise below it waits for a curator) is set on out-of-fold predictions: the highest recall
at which the praise the rules and the model agree on stays within the negatives budget.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.analysis_quality import load_groundtruth, split_of  # noqa: E402
from kiosk.analysis import praise_model, sentiment  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
DATA = ROOT / "bench" / "data"


def examples(lang: str) -> list[tuple[str, int, bool, str]]:
    """(text, 1 if praise, True if a human judged it negative, corpus)."""
    rows: list[tuple[str, int, bool, str]] = []
    if lang == "en":
        dynasent = SHARED / "open-feedback" / "dynasent-en.jsonl"
        for line in dynasent.read_text("utf-8").splitlines():
            r = json.loads(line)
            rows.append((r["text"], int(r["label"] == "praise"), r["label"] == "complaint",
                         "dynasent"))
        for name in ("tweets_GroundTruth.txt", "amazonReviewSnippets_GroundTruth.txt"):
            for r in load_groundtruth(name):
                if split_of(r["id"]) == "dev" and (r["rating"] >= 1.5 or r["rating"] <= 0.5):
                    rows.append((r["text"], int(r["rating"] >= 1.5), r["rating"] <= -0.5,
                                 "amazon" if name.startswith("amazon") else "tweets"))
    for path, keep in ((DATA / "dev-extra.jsonl", lambda r: True),
                       (ROOT / "tests" / "data" / "dev-hard.jsonl", lambda r: True),
                       (DATA / "labelled.jsonl", lambda r: r["split"] == "dev")):
        if path.exists():
            for line in path.read_text("utf-8").splitlines():
                r = json.loads(line) if line.strip() else None
                if r and r["lang"] == lang and keep(r):
                    rows.append((r["text"], int(r["label"] == "praise"),
                                 r["label"] == "complaint", "kiosk"))
    return rows


def featurise(text: str, lang: str) -> tuple[dict[str, float], str]:
    """Model features, and the rules' own label for the text."""
    language = sentiment._LANGUAGES[lang]()
    signals = sentiment.read_signals(text, language, None)
    feats = {f: 1.0 for f in praise_model.text_features(text)}
    feats.update(praise_model.dense_features(signals))
    return feats, sentiment.decide(signals, 0.35, -0.25).label


def main() -> None:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_predict

    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en")
    parser.add_argument("--max-negative", type=float, default=0.015,
                        help="largest share of shown items a human judged negative")
    parser.add_argument("--C", type=float, default=0.5)
    parser.add_argument("--min-precision", type=float, default=0.9)
    parser.add_argument("--min-weight", type=float, default=0.05,
                        help="smaller weights are dropped from the shipped file")
    parser.add_argument("--calibrate", nargs="+", default=["amazon", "kiosk"],
                        help="corpora whose validation rows set the threshold")
    args = parser.parse_args()

    rows = examples(args.lang)
    random.Random(7).shuffle(rows)
    feats, rules, labels, negative = [], [], [], []
    corpus = [c for *_, c in rows]
    for text, label, neg, _corpus in rows:
        f, r = featurise(text, args.lang)
        feats.append(f)
        rules.append(r)
        labels.append(label)
        negative.append(neg)
    vec = DictVectorizer()
    x = vec.fit_transform(feats)
    model = LogisticRegression(C=args.C, max_iter=2000)
    # Out-of-fold probabilities: every calibration row is scored by a model that never saw it.
    probs = cross_val_predict(model, x, labels, cv=5, method="predict_proba")[:, 1]
    # The thresholds are set on the corpora that sound like a business's customers;
    # DynaSent was written to fool models and only trains.
    val = [v for v, c in zip(zip(probs, rules, labels, negative, strict=True), corpus,
                             strict=True) if c in args.calibrate]
    positives = sum(label for _, _, label, _ in val)
    best = (1.0, 0.0, 0.0, 0.0)
    for t in [i / 100 for i in range(5, 100)]:
        shown = [(label, neg) for p, r, label, neg in val if r == "praise" and p >= t]
        if not shown:
            continue
        precision = sum(label for label, _ in shown) / len(shown)
        recall = sum(label for label, _ in shown) / max(positives, 1)
        embarrassing = sum(neg for _, neg in shown) / len(shown)
        if embarrassing <= args.max_negative and precision >= args.min_precision \
                and recall > best[2]:
            best = (t, precision, recall, embarrassing)
    threshold, precision, recall, embarrassing = best
    print(f"{args.lang}: {len(rows)} examples, validation threshold {threshold:.2f}: "
          f"precision {precision:.3f} recall {recall:.3f} negatives {embarrassing:.3f} "
          f"(rules alone: "
          f"{_rules_only(val):.3f} precision)")

    model.fit(x, labels)  # all the training data for the shipped weights
    names = vec.get_feature_names_out()
    weights = {str(n): round(float(w), 3) for n, w in zip(names, model.coef_[0], strict=True)
               if abs(w) >= args.min_weight}
    out = {
        "lang": args.lang, "threshold": threshold, "bias": round(float(model.intercept_[0]), 4),
        "trained": datetime.now(UTC).strftime("%Y-%m-%d"), "examples": len(rows),
        "sources": ("DynaSent v1.1 (CC BY 4.0), VADER ground truth dev halves (MIT), "
                    "Kiosk dev examples" if args.lang == "en" else "Kiosk dev examples"),
        "validation": {"precision": round(precision, 3), "recall": round(recall, 3),
                       "negatives_shown": round(embarrassing, 3)},
        "weights": dict(sorted(weights.items())),
    }
    path = ROOT / "kiosk" / "analysis" / "data" / f"praise_model_{args.lang}.json"
    path.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")), "utf-8")
    print(f"wrote {path.relative_to(ROOT)}: {len(weights)} weights, "
          f"{path.stat().st_size // 1024} KB")


def _rules_only(val) -> float:
    shown = [label for _, r, label, _ in val if r == "praise"]
    return sum(shown) / len(shown) if shown else 0.0


if __name__ == "__main__":
    main()
