"""Train the praise model's weights: `python bench/train_praise_model.py`.

Needs scikit-learn (a development tool, not a runtime dependency). Deterministic: the same
data and rules give the same weights and threshold. Training data (English):
- DynaSent v1.1 dev+test (../shared/data/open-feedback, CC BY 4.0);
- the *dev* halves of VADER's tweets and Amazon snippets (MIT; mean rating >= 1.5 praise,
  <= 0.5 not praise; Amazon snippets rated in between are only used to measure);
- Kiosk's development examples (bench/data/dev-extra.jsonl, tests/data/dev-hard.jsonl, the
  blind development sets bench/data/dev-blind*/, the dev split of bench/data/labelled.jsonl).
The test halves and the labelled test split are never read here.

What is measured is what bench/analysis_quality.py calls "Kiosk auto-approval" on the
Amazon snippets: of the items the rules call praise with a score >= AUTO_APPROVE_SCORE and
the model believes, the share a human rated <= -0.5 (embarrassments), and the share of
true praise they find (recall). Every estimate is out of fold, with folds grouped so that
snippets of one Amazon review (id "<review>_<n>") and identical texts never straddle a fold.

The threshold (praise below it waits for a curator) is the lowest probability at which the
out-of-fold embarrassment share, pooled over repeated fold assignments, stays within
--max-negative at that threshold and every higher one where at least --min-shown items
would be shown. The estimate of how well that whole recipe does on unseen snippets comes
from nested cross-validation: each outer fold's threshold is chosen the same way inside
the outer training folds only, then measured on the outer fold.

Choices made by that cross-validation on the dev halves (not on the test halves): words
with negation scope but no bigrams (they over-fit), words seen in >= 3 texts, L2 with
C = 0.2, Amazon snippets weighted x3 (closest to customer feedback) and human-judged
negatives x2 (showing one costs more than missing praise), a few dense shapes of the
rules' signals (kiosk.analysis.praise_model.model_features).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.analysis_quality import AUTO_APPROVE, load_groundtruth, split_of  # noqa: E402
from kiosk.analysis import praise_model, sentiment  # noqa: E402
from kiosk.analysis.pipeline import Thresholds  # noqa: E402
from kiosk.analysis.text import key  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
DATA = ROOT / "bench" / "data"
MEASURED = "amazon"  # the corpus whose auto-approval is measured and sets the threshold


@dataclass
class Example:
    text: str
    label: int  # 1 if praise
    negative: bool  # a human judged it negative (rated <= -0.5, or labelled complaint)
    corpus: str
    group: str  # rows of one group always share a fold
    train: bool = True  # False: only measured (Amazon snippets rated between 0.5 and 1.5)
    rule: str = ""  # the rules' label
    shownable: bool = False  # the rules alone would auto-approve it
    features: dict | None = None
    fact: bool = False  # the complaint model may turn the rules' neutral into a complaint
    truth: str = ""  # the human label (bench/train_kiosk_models.py)
    may_praise: bool = False  # a rescue model may turn the rules' neutral into praise


def examples(lang: str) -> list[Example]:
    rows: list[Example] = []
    if lang != "en":
        raise SystemExit("only English has openly licensed training data; Turkish praise is "
                         "auto-approved by the rules alone (no praise_model_tr.json)")
    dynasent = SHARED / "open-feedback" / "dynasent-en.jsonl"
    for line in dynasent.read_text("utf-8").splitlines():
        r = json.loads(line)
        rows.append(Example(r["text"], int(r["label"] == "praise"), r["label"] == "complaint",
                            "dynasent", ""))
    for name in ("tweets_GroundTruth.txt", "amazonReviewSnippets_GroundTruth.txt"):
        amazon = name.startswith("amazon")
        for r in load_groundtruth(name):
            if split_of(r["id"]) != "dev":
                continue
            clear = r["rating"] >= 1.5 or r["rating"] <= 0.5
            if not (clear or amazon):
                continue
            # Snippets of one review ("12_3" is review 12) share a fold: they share a voice.
            rows.append(Example(r["text"], int(r["rating"] >= 1.5), r["rating"] <= -0.5,
                                "amazon" if amazon else "tweets",
                                "amazon:" + r["id"].split("_")[0] if amazon else "",
                                train=clear))
    every = lambda r: True  # noqa: E731
    blind = [(path, every) for path in sorted(DATA.glob("dev-blind*/labelled.jsonl"))]
    for path, keep in ((DATA / "dev-extra.jsonl", every),
                       (ROOT / "tests" / "data" / "dev-hard.jsonl", every), *blind,
                       (DATA / "labelled.jsonl", lambda r: r["split"] == "dev")):
        if path.exists():
            for line in path.read_text("utf-8").splitlines():
                r = json.loads(line) if line.strip() else None
                if r and r["lang"] == lang and keep(r):
                    rows.append(Example(r["text"], int(r["label"] == "praise"),
                                        r["label"] == "complaint", "kiosk", ""))
    for row in rows:
        row.group = row.group or "text:" + " ".join(key(row.text).split())
    return rows


def featurise(row: Example, lang: str, affixes: bool = False) -> None:
    """The model's features, the rules' label, and whether the rules would auto-approve it
    (exactly as kiosk.sentiment.assess and kiosk.curation.auto_approvable see the text)."""
    signals = sentiment.read_signals(row.text, sentiment._LANGUAGES[lang](), None)
    verdict = sentiment.decide(signals, Thresholds().praise, Thresholds().complaint)
    row.rule = verdict.label
    row.fact = sentiment.may_be_fact(verdict, signals)
    row.may_praise = sentiment.may_be_praise(verdict, signals)
    row.shownable = verdict.label == "praise" and verdict.score >= AUTO_APPROVE
    row.features = {f: 1.0 for f in praise_model.text_features(row.text, bigrams=False,
                                                               affixes=affixes)}
    row.features.update(praise_model.model_features(row.text, signals))


class Trainer:
    """Fits on a subset of rows; everything a fold needs (vocabulary included) comes from
    that subset alone."""

    def __init__(self, rows: list[Example], args):
        import numpy as np
        from sklearn.feature_extraction import DictVectorizer

        self.np, self.rows, self.args = np, rows, args
        self.vec = DictVectorizer()
        self.x = self.vec.fit_transform([r.features for r in rows]).tocsr()
        self.names = self.vec.get_feature_names_out()
        self.dense = np.array([n.startswith("_") for n in self.names])
        self.y = np.array([r.label for r in rows])
        self.negative = np.array([r.negative for r in rows])
        self.measured = np.array([r.corpus == MEASURED for r in rows])
        self.shownable = np.array([r.shownable for r in rows])
        self.trainable = np.array([r.train for r in rows])
        weight = np.ones(len(rows))
        weight[self.measured] *= args.measured_weight
        weight[self.negative] *= args.negative_weight
        self.weight = weight
        group_ids = {g: i for i, g in enumerate(sorted({r.group for r in rows}))}
        self.group = np.array([group_ids[r.group] for r in rows])

    def fit(self, idx):
        """(model, column mask) trained on rows idx."""
        from sklearn.linear_model import LogisticRegression

        np = self.np
        idx = idx[self.trainable[idx]]
        seen = np.asarray((self.x[idx] != 0).sum(axis=0)).ravel()
        columns = self.dense | (seen >= self.args.min_count)
        model = LogisticRegression(C=self.args.C, max_iter=5000, tol=1e-6)
        model.fit(self.x[idx][:, columns], self.y[idx], sample_weight=self.weight[idx])
        return model, columns

    def shipped(self, lang: str) -> tuple[dict[str, float], float]:
        """(weights, bias) fitted on every row, as the JSON ships them; fails if scoring with
        them (kiosk.analysis.praise_model.logit) is not the trained model's arithmetic."""
        np = self.np
        model, columns = self.fit(np.arange(len(self.rows)))
        weights = {str(n): round(float(w), 4)
                   for n, w in zip(self.names[columns], model.coef_[0], strict=True)
                   if abs(w) >= 5e-4}
        bias = round(float(model.intercept_[0]), 4)
        shipped = np.array([praise_model.logit(r.text, weights, bias, sentiment.read_signals(
            r.text, sentiment._LANGUAGES[lang](), None), getattr(self.args, "affixes", False))
            for r in self.rows[:500]])
        trained = model.decision_function(self.x[:500][:, columns])
        drift = float(np.max(np.abs(shipped - trained)))
        assert drift < 0.05, f"shipped log-odds differ from the trained model's by {drift:.3f}"
        print(f"largest shipped/trained log-odds gap {drift:.4f}")
        return weights, bias

    def predict(self, fitted, idx):
        model, columns = fitted
        return model.predict_proba(self.x[idx][:, columns])[:, 1]

    def folds(self, idx, k: int, seed: int):
        """k grouped folds of rows idx: [(train, held out)]."""
        np = self.np
        groups = sorted(set(self.group[idx].tolist()))
        random.Random(seed).shuffle(groups)
        fold_of = {g: i % k for i, g in enumerate(groups)}
        f = np.array([fold_of[g] for g in self.group[idx]])
        return [(idx[f != j], idx[f == j]) for j in range(k)]

    def out_of_fold(self, idx, seed: int):
        """Out-of-fold probabilities for rows idx, once per repetition: [array over all rows]."""
        runs = []
        for rep in range(self.args.repeats):
            p = self.np.zeros(len(self.rows))
            for train, held in self.folds(idx, self.args.folds, seed * 1000 + rep):
                p[held] = self.predict(self.fit(train), held)
            runs.append(p)
        return runs

    def measure(self, p, threshold: float, idx) -> dict:
        """Auto-approval on the measured corpus' rows among idx."""
        idx = idx[self.measured[idx]]
        shown = idx[self.shownable[idx] & (p[idx] >= threshold)]
        found = int(self.y[shown].sum())
        negatives = int(self.negative[shown].sum())
        return {"rows": len(idx), "shown": len(shown), "negatives": negatives,
                "embarrassments": negatives / len(shown) if len(shown) else 0.0,
                "recall": found / max(int(self.y[idx].sum()), 1)}

    def choose_threshold(self, runs, idx) -> float:
        """The lowest threshold whose pooled out-of-fold embarrassment share, and that of every
        higher threshold with enough items shown, stays within the budget."""
        np = self.np
        idx = idx[self.measured[idx] & self.shownable[idx]]
        p = np.concatenate([run[idx] for run in runs])
        negative = np.concatenate([self.negative[idx]] * len(runs))
        order = np.argsort(-p, kind="stable")
        p, negative = p[order], negative[order]
        shown = np.arange(1, len(p) + 1)
        share = np.cumsum(negative) / shown
        over = np.where((share > self.args.max_negative)
                        & (shown >= self.args.min_shown * len(runs)))[0]
        last = over.min() - 1 if len(over) else len(p) - 1
        # Ties: stop before the first score equal to the first one over the budget.
        while 0 <= last < len(p) - 1 and p[last] == p[last + 1]:
            last -= 1
        return float(p[last]) if last >= 0 else 1.0


def nested_estimate(trainer: Trainer, seeds: list[int]) -> list[dict]:
    """Per outer fold: the threshold chosen inside its training folds, measured on it."""
    np = trainer.np
    everything = np.arange(len(trainer.rows))
    results = []
    for seed in seeds:
        for j, (train, held) in enumerate(trainer.folds(everything, trainer.args.folds, seed)):
            threshold = trainer.choose_threshold(trainer.out_of_fold(train, seed + 1), train)
            p = np.zeros(len(trainer.rows))
            p[held] = trainer.predict(trainer.fit(train), held)
            results.append({"seed": seed, "fold": j, "threshold": threshold,
                            **trainer.measure(p, threshold, held)})
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lang", default="en", choices=["en"])
    parser.add_argument("--max-negative", type=float, default=0.015,
                        help="largest out-of-fold share of shown items a human judged negative")
    parser.add_argument("--min-shown", type=int, default=100,
                        help="thresholds showing fewer items are too noisy to veto")
    parser.add_argument("--C", type=float, default=0.2, help="inverse L2 strength")
    parser.add_argument("--min-count", type=int, default=3, help="texts a word must be in")
    parser.add_argument("--measured-weight", type=float, default=3.0)
    parser.add_argument("--negative-weight", type=float, default=2.0)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3,
                        help="fold assignments pooled when choosing the threshold")
    parser.add_argument("--nested-seeds", type=int, default=2,
                        help="outer fold assignments of the nested estimate (0: skip it)")
    parser.add_argument("--dry-run", action="store_true", help="estimate only; write nothing")
    args = parser.parse_args()

    import numpy as np
    from threadpoolctl import threadpool_limits

    # One BLAS thread: a multi-threaded sum's order varies, and so would the last digits.
    threadpool_limits(1)
    started = time.perf_counter()
    rows = examples(args.lang)
    for row in rows:
        featurise(row, args.lang)
    trainer = Trainer(rows, args)
    print(f"{args.lang}: {len(rows)} rows ({dict(Counter(r.corpus for r in rows))}), "
          f"{int(trainer.shownable[trainer.measured].sum())} of "
          f"{int(trainer.measured.sum())} {MEASURED} dev rows pass the rules")

    folds = []
    if args.nested_seeds:
        folds = nested_estimate(trainer, list(range(1, args.nested_seeds + 1)))
        print("nested cross-validation (threshold chosen inside each outer training set):")
        for f in folds:
            print(f"  seed {f['seed']} fold {f['fold']}: threshold {f['threshold']:.3f} "
                  f"shown {f['shown']:3d} negatives {f['negatives']:2d} "
                  f"embarrassments {f['embarrassments']:6.2%} recall {f['recall']:.3f}")
        shown, negatives = sum(f["shown"] for f in folds), sum(f["negatives"] for f in folds)
        print(f"  pooled embarrassments {negatives / max(shown, 1):.2%} ({negatives}/{shown}), "
              f"mean per fold {np.mean([f['embarrassments'] for f in folds]):.2%}, "
              f"mean recall {np.mean([f['recall'] for f in folds]):.3f}")

    everything = np.arange(len(rows))
    runs = trainer.out_of_fold(everything, 0)
    threshold = trainer.choose_threshold(runs, everything)
    oof = [trainer.measure(run, threshold, everything) for run in runs]
    oof_share = sum(m["negatives"] for m in oof) / max(sum(m["shown"] for m in oof), 1)
    oof_recall = float(np.mean([m["recall"] for m in oof]))
    print(f"threshold {threshold:.3f}: out-of-fold embarrassments {oof_share:.2%}, "
          f"recall {oof_recall:.3f} (rules alone: "
          f"{trainer.measure(np.ones(len(rows)), 0.0, everything)['embarrassments']:.2%} at "
          f"{trainer.measure(np.ones(len(rows)), 0.0, everything)['recall']:.3f})")

    weights, bias = trainer.shipped(args.lang)  # all the training data for the shipped weights
    out = {
        "lang": args.lang, "threshold": round(threshold, 4), "bias": bias,
        "trained": datetime.now(UTC).strftime("%Y-%m-%d"), "examples": len(rows),
        "sources": "DynaSent v1.1 (CC BY 4.0), VADER ground truth dev halves (MIT), "
                   "Kiosk dev examples",
        "settings": {k: getattr(args, k) for k in ("C", "min_count", "measured_weight",
                                                   "negative_weight", "max_negative",
                                                   "min_shown", "folds", "repeats")},
        "validation": {"out_of_fold": {"negatives_shown": round(oof_share, 4),
                                       "recall": round(oof_recall, 3)}},
        "weights": dict(sorted(weights.items())),
    }
    if folds:
        shown = sum(f["shown"] for f in folds)
        out["validation"]["nested"] = {
            "negatives_shown": round(sum(f["negatives"] for f in folds) / max(shown, 1), 4),
            "recall": round(float(np.mean([f["recall"] for f in folds])), 3),
            "folds": len(folds)}
    print(f"{len(weights)} weights, {time.perf_counter() - started:.0f} s")
    if args.dry_run:
        return
    path = ROOT / "kiosk" / "analysis" / "data" / f"praise_model_{args.lang}.json"
    path.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")), "utf-8")
    print(f"wrote {path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
