"""Train the complaint model's weights: `python bench/train_complaint_model.py`.

The rules miss complaints told as plain facts ("charged twice for one ride", "the room
was not ready at 4"): no emotion word, no cue they know. DynaSent was written to be hard
for exactly that kind of reader, and Yelp-style reviews are close to what a shop hears, so
a linear model over words trained on it (and on the same data as the praise model, see
bench/train_praise_model.py) reads those facts better. It only ever turns the rules'
"neutral" into "complaint": never praise, never a complaint into anything else.

The threshold is where out-of-fold probabilities, on the rows it may change, turn
the most true complaints into complaints for the fewest other items (a flip of a neutral
or praising text counts as much as a complaint found). Folds are grouped as in the praise
model's trainer. `--dry-run` prints the estimate and writes nothing. Deterministic.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.train_praise_model import Trainer, examples, featurise  # noqa: E402

LOWEST = 0.5  # below this the model is more often wrong than right about a complaint


def choose_threshold(p, rows, idx) -> float:
    """Where flipping the rules' neutral rows (those the model may read) gains the most: a
    right flip gains one, a wrong one costs one, rows with equal probability flip together,
    and of equal gains the higher threshold wins (fewer flips). 1.0 if no threshold at or
    above LOWEST gains anything. bench/train_kiosk_models.py picks its complaint threshold
    with this too."""
    import numpy as np

    idx = np.array([i for i in idx if rows[i].fact], dtype=int)
    if not len(idx):
        return 1.0
    order = np.argsort(-p[idx], kind="stable")
    scores = p[idx][order]
    total = np.cumsum([1 if rows[i].label else -1 for i in idx[order]])
    # a cut may only fall after the last of a tie, and not below LOWEST
    cuts = np.flatnonzero(np.r_[scores[1:] < scores[:-1], True] & (scores >= LOWEST))
    if not len(cuts):
        return 1.0
    best = cuts[int(np.argmax(total[cuts]))]
    return float(scores[best]) if total[best] > 0 else 1.0


def flips(p, rows, threshold: float, idx) -> dict:
    """What the threshold changes per corpus: complaints found, other items made complaints."""
    out: dict[str, dict] = {}
    for i in idx:
        row = rows[i]
        c = out.setdefault(row.corpus, {"complaints": 0, "found_by_rules": 0, "found": 0,
                                        "wrong": 0})
        c["complaints"] += row.label
        c["found_by_rules"] += row.label and row.rule == "complaint"
        if row.fact and p[i] >= threshold:
            c["found" if row.label else "wrong"] += 1
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--C", type=float, default=0.3, help="inverse L2 strength")
    parser.add_argument("--min-count", type=int, default=3, help="texts a word must be in")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--dry-run", action="store_true", help="estimate only; write nothing")
    args = parser.parse_args()
    args.measured_weight, args.negative_weight, args.repeats = 1.0, 1.0, 1

    import numpy as np
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)
    started = time.perf_counter()
    rows = examples("en")
    for row in rows:
        featurise(row, "en")
        row.label, row.train = int(row.negative), True
    trainer = Trainer(rows, args)
    everything = np.arange(len(rows))
    print(f"en: {len(rows)} rows ({dict(Counter(r.corpus for r in rows))}), "
          f"{int(trainer.y.sum())} complaints")

    p = trainer.out_of_fold(everything, 0)[0]
    threshold = choose_threshold(p, rows, everything)
    print(f"threshold {threshold:.3f}; out of fold, per corpus:")
    estimate = flips(p, rows, threshold, everything)
    for corpus, c in sorted(estimate.items()):
        n = max(c["complaints"], 1)
        print(f"  {corpus:8} complaint recall {c['found_by_rules'] / n:.3f} -> "
              f"{(c['found_by_rules'] + c['found']) / n:.3f} "
              f"(+{c['found']}), other items made complaints {c['wrong']}")

    weights, bias = trainer.shipped("en")
    out = {
        "lang": "en", "threshold": round(threshold, 4), "bias": bias,
        "trained": datetime.now(UTC).strftime("%Y-%m-%d"), "examples": len(rows),
        "sources": "DynaSent v1.1 (CC BY 4.0), VADER ground truth dev halves (MIT), "
                   "Kiosk dev examples",
        "settings": {"C": args.C, "min_count": args.min_count, "folds": args.folds},
        "validation": {"out_of_fold": estimate},
        "weights": dict(sorted(weights.items())),
    }
    print(f"{len(weights)} weights, {time.perf_counter() - started:.0f} s")
    if args.dry_run:
        return
    path = ROOT / "kiosk" / "analysis" / "data" / "complaint_model_en.json"
    path.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")), "utf-8")
    print(f"wrote {path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
