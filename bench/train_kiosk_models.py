"""Train the second opinions learned from Kiosk's own examples: `python bench/train_kiosk_models.py`
(Turkish) and `--lang en`.

No openly licensed Turkish sentiment set could be had, so the Turkish models learn from
Kiosk's own hand-labelled development examples: the blind development sets (bench/data/
dev-blind*/, one trade each, written by authors who never saw the rules), dev-extra,
dev-hard and the dev split of bench/data/labelled.jsonl. English has open data for its
complaint model (bench/train_complaint_model.py), but praise told as a plain fact is
written the way shops hear it only in these examples, so its rescue model learns from
them too. Held-out sets are never read.

The models only ever change what the rules call neutral, as the English complaint model
does:
- complaint (Turkish): a complaint told as a plain fact ("3 aydır tahmini fatura geliyor");
- rescue: praise told as a plain fact ("ertesi sabah kapıdaydı", "a crew straightened it on
  Wednesday"). Rescued praise scores at the praise threshold, so a curator reads it before
  any wall shows it.

The rules learn a trade once someone has read its feedback; what matters is how a model
does on a trade nobody has read. So every estimate is leave-one-set-out: each set is
scored by a model fitted on the others. Thresholds come from those estimates: the complaint
model's is where flips gain the most (a wrong flip costs as much as a right one gains), the
rescue model's the lowest at which the flips, there and at every higher threshold with at
least --min-flips of them, are right at least --min-precision of the time. Turkish
features add each word's first and last letters (kiosk.analysis.praise_model.text_features).
Needs scikit-learn; deterministic. `--dry-run` prints the estimates and writes nothing.
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

from bench.train_complaint_model import choose_threshold  # noqa: E402
from bench.train_praise_model import DATA, Example, Trainer, featurise  # noqa: E402
from kiosk.analysis import sentiment  # noqa: E402


def examples(lang: str) -> list[Example]:
    """Every development example in `lang`; `corpus` names the set it came from."""
    sources = [("labelled", DATA / "labelled.jsonl", lambda r: r["split"] == "dev"),
               ("dev-extra", DATA / "dev-extra.jsonl", None),
               ("dev-hard", ROOT / "tests" / "data" / "dev-hard.jsonl", None)]
    sources += [(path.parent.name, path, None)
                for path in sorted(DATA.glob("dev-blind*/labelled.jsonl"))]
    rows = []
    for name, path, keep in sources:
        for line in path.read_text("utf-8").splitlines():
            r = json.loads(line) if line.strip() else None
            if r and r["lang"] == lang and (keep is None or keep(r)):
                rows.append(Example(r["text"], 0, r["label"] == "complaint", name, name,
                                    truth=r["label"]))
    return rows


def leave_one_set_out(trainer: Trainer, rows: list[Example]):
    """P(label) for every row from a model that never saw the row's set."""
    np = trainer.np
    p = np.zeros(len(rows))
    corpus = np.array([r.corpus for r in rows])
    for name in sorted(set(corpus)):
        held = np.where(corpus == name)[0]
        p[held] = trainer.predict(trainer.fit(np.where(corpus != name)[0]), held)
    return p


def flips(p, rows, may, threshold: float) -> dict[str, list[int]]:
    """Per set: [right, wrong] flips at the threshold."""
    out: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        if may[i] and p[i] >= threshold:
            out.setdefault(row.corpus, [0, 0])[0 if row.label else 1] += 1
    return out


def rescue_threshold(p, rows, may, min_precision: float, min_flips: int) -> float:
    """The lowest threshold whose flips, and those of every higher threshold with enough of
    them, are right often enough; 1.0 if none."""
    scored = sorted(((float(p[i]), rows[i].label) for i in range(len(rows)) if may[i]),
                    reverse=True)
    best, right = 1.0, 0
    for n, (score, label) in enumerate(scored, 1):
        right += label
        if n >= min_flips and right / n < min_precision:
            break
        if n == len(scored) or scored[n][0] < score:  # ties flip together
            best = score
    return best


def train(kind: str, rows: list[Example], args, vetoed=None) -> tuple[object, dict]:
    """(leave-one-set-out probabilities, the model as it ships)."""
    import numpy as np

    for row in rows:
        row.label = int(row.truth == ("complaint" if kind == "complaint" else "praise"))
    trainer = Trainer(rows, args)
    p = leave_one_set_out(trainer, rows)
    if kind == "complaint":
        may = np.array([r.fact for r in rows])
        threshold = choose_threshold(p, rows, np.arange(len(rows)))
    else:
        # where the complaint model (left out the same way) sees a complaint, no rescue:
        # kiosk.analysis.sentiment.RESCUE_VETO
        may = np.array([r.may_praise for r in rows]) & (vetoed if vetoed is not None else True)
        threshold = rescue_threshold(p, rows, may, args.min_precision, args.min_flips)
    per_set = flips(p, rows, may, threshold)
    right, wrong = (sum(v[k] for v in per_set.values()) for k in (0, 1))
    truth = sum(r.label for r in rows)
    found = sum(r.label and r.rule == kind.replace("rescue", "praise") for r in rows)
    print(f"{kind}: threshold {threshold:.3f}; leave one set out: {right} right and {wrong} "
          f"wrong flips; recall {found / truth:.3f} -> {(found + right) / truth:.3f}")
    for name, (r, w) in sorted(per_set.items()):
        print(f"  {name:12} right {r:3d} wrong {w:3d}")
    weights, bias = trainer.shipped(args.lang)
    return p, {
        "lang": args.lang, "kind": kind, "threshold": round(threshold, 4), "bias": bias,
        "affixes": args.affixes, "trained": datetime.now(UTC).strftime("%Y-%m-%d"),
        "examples": len(rows), "sources": "Kiosk's own development examples "
        "(bench/data: labelled dev split, dev-extra, dev-blind*; tests/data/dev-hard)",
        "settings": {"C": args.C, "min_count": args.min_count,
                     "min_precision": args.min_precision, "min_flips": args.min_flips,
                     "veto": sentiment.RESCUE_VETO if vetoed is not None else None},
        "validation": {"leave_one_set_out": {"right": right, "wrong": wrong,
                                             "per_set": per_set}},
        "weights": dict(sorted(weights.items())),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--C", type=float, default=0.3, help="inverse L2 strength")
    parser.add_argument("--min-count", type=int, default=3, help="texts a feature must be in")
    parser.add_argument("--min-precision", type=float, default=0.85,
                        help="share of rescued praise that must be praise, out of set")
    parser.add_argument("--min-flips", type=int, default=10,
                        help="thresholds flipping fewer rows are too noisy to veto")
    parser.add_argument("--lang", default="tr", choices=["tr", "en"])
    parser.add_argument("--dry-run", action="store_true", help="estimate only; write nothing")
    args = parser.parse_args()
    args.measured_weight, args.negative_weight = 1.0, 1.0
    args.affixes = args.lang == "tr"

    from threadpoolctl import threadpool_limits

    threadpool_limits(1)
    started = time.perf_counter()
    rows = examples(args.lang)
    for row in rows:
        featurise(row, args.lang, affixes=args.affixes)
    print(f"{args.lang}: {len(rows)} rows from {len({r.corpus for r in rows})} sets "
          f"({dict(Counter(r.truth for r in rows))})")
    # English complaints have open training data: bench/train_complaint_model.py.
    vetoed = None  # English: its complaint model trains elsewhere, on other data
    for kind in ("complaint", "rescue") if args.lang == "tr" else ("rescue",):
        p, out = train(kind, rows, args, vetoed)
        if kind == "complaint":
            vetoed = p < sentiment.RESCUE_VETO
        if args.dry_run:
            continue
        path = ROOT / "kiosk" / "analysis" / "data" / f"{kind}_model_{args.lang}.json"
        path.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")), "utf-8")
        print(f"wrote {path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB, "
              f"{len(out['weights'])} weights")
    print(f"{time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
