"""Replay the project's labelled feedback through the queue while a curator decides by the
labels, and watch the learned praise model (kiosk/learning.py) earn its place.

    python bench/replay_learning.py [--seed 1] [--seeds 1 2 3] [--batch 50] [--every 50]
        [--json out.json] [--plot docs/learning-replay.png] [--write]

Run it with Kiosk's interpreter. The stream is every item Kiosk's authors wrote and labelled
(bench/data/labelled.jsonl both splits, bench/data/dev-extra.jsonl, tests/data/dev-hard.jsonl:
TR, EN and a few other languages), shuffled by the seed. Kiosk detects each item's language
itself. The replay runs the real code against a throw-away SQLite database:

  1. BATCH items arrive through ingest (the rules, and the active learned model if any,
     decide what is approved unreviewed; the serving model scores the rest);
  2. the queue is ordered as the console orders it (model score first once a model exists,
     else newest first) and its average precision of praise is recorded, next to the AP the
     newest-first order would have had on the same queue;
  3. the simulated curator works the queue top to bottom, approving praise and rejecting the
     rest with a reason from the labels (complaint, sarcasm, off-topic, personal-data), and
     takes down every auto-approved item that is not praise (an embarrassment caught);
  4. after every EVERY decisions the training job runs for tr and en (examples, held-out
     evaluation, the gate), and the numbers are recorded: the held-out precision and recall
     of auto-approval the gate saw, whether the model is on, and what auto-approval really did
     to the items that arrived since the last checkpoint (their labels are known).

The replay fails (exit 1) if a model is ever switched on whose held-out precision is below
its target. --write puts the summary into docs/learning.md between markers.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FILES = (ROOT / "bench/data/labelled.jsonl", ROOT / "bench/data/dev-extra.jsonl",
         ROOT / "tests/data/dev-hard.jsonl")
MARK_START = "<!-- learning-replay:start -->"
MARK_END = "<!-- learning-replay:end -->"


def load_stream(seed: int) -> list[dict]:
    rows = []
    for path in FILES:
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                row["key"] = f"{path.stem}:{row['external_id']}"
                rows.append(row)
    random.Random(seed).shuffle(rows)
    return rows


def reason_for(row: dict) -> str:
    tags = set(row.get("tags") or [])
    if row["label"] == "complaint":
        return "sarcasm" if "sarcasm" in tags else "complaint"
    return "personal-data" if "pii" in tags else "off-topic"


def average_precision(truth_in_order: list[bool]) -> float | None:
    hits, total = 0, 0.0
    for rank, t in enumerate(truth_in_order, start=1):
        if t:
            hits += 1
            total += hits / rank
    return total / hits if hits else None


def replay(seed: int, batch: int, every: int, quiet: bool = False) -> dict:
    from sqlalchemy import select

    from kiosk import create_app, curation, db, ingest, learning, schema
    from kiosk.models import Analysis, Item, PraiseModel, Status

    tmp = Path(tempfile.mkdtemp(prefix="kiosk-replay-"))
    url = f"sqlite:///{tmp / 'kiosk.db'}"
    schema.upgrade(url)
    app = create_app({"DATABASE_URL": url, "INSTANCE_DIR": str(tmp), "SECRET_KEY": "replay",
                      "TESTING": True})
    stream = load_stream(seed)
    truth = {row["key"]: row for row in stream}
    start = datetime.now(UTC) - timedelta(days=30)
    out = {"seed": seed, "items": len(stream), "batch": batch, "every": every,
           "checkpoints": [], "violations": []}
    t0 = time.perf_counter()
    with app.app_context():
        session = db.session()
        out["target"] = learning.target()
        decisions, next_check, pos = 0, every, 0
        empty = {"auto": 0, "auto_praise": 0, "praise": 0, "rules_auto": 0, "rules_praise": 0}
        window = {lang: dict(empty) for lang in learning.LANGS}
        queue_ap: list[tuple[float, float]] = []

        def label_of(item: Item) -> dict:
            return truth[item.external_id]

        def checkpoint() -> None:
            point = {"decisions": decisions, "items_seen": pos, "langs": {}}
            for lang in learning.LANGS:
                row = learning.train(lang, actor="replay",
                                     now=datetime.now(UTC) + learning.SETTLE)
                active = learning.active_model(lang)
                if active is not None and (active.precision is None
                                           or active.precision < active.metrics["target"]):
                    out["violations"].append((decisions, lang, active.id, active.precision))
                w = window[lang]
                point["langs"][lang] = {
                    "examples": row.examples if row else len(learning.examples(lang)),
                    "trained": row is not None,
                    "held_out": {"precision": row.precision, "recall": row.recall,
                                 "ap": row.average_precision,
                                 "precision_low": row.metrics["model"]["precision_low"],
                                 "rules_precision": row.metrics["rules"]["precision"],
                                 "rules_recall": row.metrics["rules"]["recall"],
                                 "approved": row.metrics["model"]["approved"],
                                 "passed": row.metrics["passed"],
                                 "threshold": row.threshold, "note": row.note}
                    if row else None,
                    "active": active.id if active else None,
                    "active_precision": active.precision if active else None,
                    "since_last": dict(w),
                }
                window[lang] = dict(empty)
            for n, name in enumerate(("queue_ap", "queue_ap_newest_first",
                                      "queue_ap_by_sentiment")):
                point[name] = (sum(a[n] for a in queue_ap) / len(queue_ap)
                               if queue_ap else None)
            queue_ap.clear()
            out["checkpoints"].append(point)
            if not quiet:
                langs = "  ".join(
                    f"{lang}: n={p['examples']} "
                    + (f"P={_f(p['held_out']['precision'])} R={_f(p['held_out']['recall'])} "
                       f"AP={_f(p['held_out']['ap'])} on={p['active'] is not None}"
                       if p["held_out"] else "untrained")
                    for lang, p in point["langs"].items())
                print(f"[{time.perf_counter() - t0:6.1f}s] {decisions:4d} decisions  {langs}  "
                      f"queue AP {_f(point['queue_ap'])} "
                      f"(newest first {_f(point['queue_ap_newest_first'])}, by sentiment "
                      f"{_f(point['queue_ap_by_sentiment'])})", flush=True)

        def decided() -> None:
            nonlocal decisions, next_check
            decisions += 1
            if decisions >= next_check:
                checkpoint()
                next_check += every

        while pos < len(stream):
            records = []
            for i, row in enumerate(stream[pos:pos + batch]):
                at = start + timedelta(minutes=10 * (pos + i))
                records.append({"source": "replay", "external_id": row["key"],
                                "text": row["text"], "created_at": at.isoformat()})
            report = ingest.ingest(list(enumerate(records, start=1)))
            assert not report.errors, report.errors
            pos += len(records)
            new = list(session.scalars(select(Item).where(Item.id.in_(report.added))).unique())
            for item in new:
                lang = item.analysis.lang
                if lang not in window:
                    continue
                praise = label_of(item)["label"] == "praise"
                window[lang]["praise"] += praise
                if item.status == Status.APPROVED.value:
                    window[lang]["auto"] += 1
                    window[lang]["auto_praise"] += praise
                if learning.rules_allow(item):  # what the rules alone would have done
                    window[lang]["rules_auto"] += 1
                    window[lang]["rules_praise"] += praise
            # The curator looks at the wall: every auto-approved item that is not praise goes.
            for item in new:
                if item.status == Status.APPROVED.value and label_of(item)["label"] != "praise":
                    curation.reject_item(item.id, "curator", reason=reason_for(label_of(item)))
                    decided()
            # The queue, as the console orders it.
            has_model = session.scalar(select(PraiseModel.id).limit(1)) is not None
            pending = list(session.scalars(
                select(Item).join(Analysis).where(Item.status == Status.PENDING.value)
                .order_by(Item.created_at.desc())).unique())
            newest_first = [label_of(i)["label"] == "praise" for i in pending]
            by_sentiment = [label_of(i)["label"] == "praise" for i in
                            sorted(pending, key=lambda i: -i.analysis.sentiment)]
            if has_model:
                pending.sort(key=lambda i: -(i.analysis.model_score or 0.0))
            in_order = [label_of(i)["label"] == "praise" for i in pending]
            if any(in_order):
                queue_ap.append((average_precision(in_order),
                                 average_precision(newest_first),
                                 average_precision(by_sentiment)))
            for item in pending:
                row = label_of(item)
                if row["label"] == "praise":
                    curation.approve_item(item.id, "curator")
                else:
                    curation.reject_item(item.id, "curator", reason=reason_for(row))
                decided()
        checkpoint()
        out["seconds"] = round(time.perf_counter() - t0, 1)
        out["models"] = [{"id": m.id, "lang": m.lang, "examples": m.examples,
                          "precision": m.precision, "recall": m.recall,
                          "ap": m.average_precision, "passed": m.metrics.get("passed"),
                          "active": m.active, "note": m.note}
                         for m in session.scalars(select(PraiseModel).order_by(PraiseModel.id))]
    return out


def _f(value) -> str:
    return "  -  " if value is None else f"{value:.3f}"


# --- the plot: a small SVG, rendered to PNG by Chromium --------------------------------------

COLOURS = {"tr": "#b3261e", "en": "#1f5fa8"}
WIDTH, HEIGHT = 1200, 1040


def svg_plot(result: dict, target: float) -> str:
    """Three panels over the decisions made: held-out precision and recall of auto-approval
    for tr, then en (a filled dot: that checkpoint's model was switched on), and the queue's
    average precision of praise under three orders."""
    left, right, top0, panel_h, gap = 90, 40, 70, 230, 100
    points = result["checkpoints"]
    x_max = max(p["decisions"] for p in points) or 1
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
             f'font-family="DejaVu Sans, sans-serif" font-size="15">',
             f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>']

    def x(d):
        return left + (WIDTH - left - right) * d / x_max

    def frame(n: int, title: str, legend: list[tuple[str, str, str]]) -> callable:
        top = top0 + n * (panel_h + gap)

        def y(v):
            return top + panel_h - panel_h * v

        parts.append(f'<text x="{left}" y="{top - 30}" font-size="17" font-weight="bold">'
                     f'{title}</text>')
        lx = left
        for text, colour, dash in legend:
            parts.append(f'<line x1="{lx}" x2="{lx + 28}" y1="{top - 12}" y2="{top - 12}" '
                         f'stroke="{colour}" stroke-width="3" stroke-dasharray="{dash}"/>'
                         f'<text x="{lx + 34}" y="{top - 7}" font-size="14">{text}</text>')
            lx += 44 + 8.2 * len(text)
        for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
            parts.append(f'<line x1="{left}" x2="{WIDTH - right}" y1="{y(tick)}" '
                         f'y2="{y(tick)}" stroke="#ddd"/><text x="{left - 10}" '
                         f'y="{y(tick) + 5}" text-anchor="end">{tick:.2f}</text>')
        for d in range(0, x_max + 1, 100):
            parts.append(f'<line x1="{x(d)}" x2="{x(d)}" y1="{top + panel_h}" '
                         f'y2="{top + panel_h + 5}" stroke="#333"/><text x="{x(d)}" '
                         f'y="{top + panel_h + 22}" text-anchor="middle">{d}</text>')
        parts.append(f'<line x1="{left}" x2="{left}" y1="{top}" y2="{top + panel_h}" '
                     f'stroke="#333"/><line x1="{left}" x2="{WIDTH - right}" '
                     f'y1="{top + panel_h}" y2="{top + panel_h}" stroke="#333"/>')
        return y

    def line(y, pts, colour, dash="", width=2.5):
        path = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in pts)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" '
                     f'stroke-width="{width}" stroke-dasharray="{dash}"/>')

    for n, lang in enumerate(("tr", "en")):
        colour = COLOURS[lang]
        name = "Turkish (tr)" if lang == "tr" else "English (en)"
        y = frame(n, f"{name}: held-out auto-approval of each week's new model",
                  [("precision (● a model is on after this training)", colour, ""),
                   ("recall", colour, "6 4"), (f"target {target:.2f}", "#2e7d32", "8 5")])
        parts.append(f'<line x1="{left}" x2="{WIDTH - right}" y1="{y(target)}" '
                     f'y2="{y(target)}" stroke="#2e7d32" stroke-width="1.5" '
                     f'stroke-dasharray="8 5"/>')
        held = [(p["decisions"], p["langs"][lang]) for p in points if p["langs"][lang]["held_out"]]
        recall = [(d, q["held_out"]["recall"]) for d, q in held
                  if q["held_out"]["recall"] is not None]
        precision = [(d, q["held_out"]["precision"], q["active"] is not None)
                     for d, q in held if q["held_out"]["precision"] is not None]
        line(y, recall, colour, "6 4", 2)
        line(y, [(d, v) for d, v, _ in precision], colour)
        for d, v, on in precision:
            parts.append(f'<circle cx="{x(d):.1f}" cy="{y(v):.1f}" r="5.5" '
                         f'fill="{colour if on else "white"}" stroke="{colour}" '
                         f'stroke-width="2"/>')
    y = frame(2, "The queue: average precision of praise (praise first is 1.0)",
              [("ordered by the learned model", "#6a1b9a", ""),
               ("by the rules' sentiment", "#e08a00", "4 3"),
               ("newest first (before)", "#777", "8 5")])
    for key, colour, dash in (("queue_ap_newest_first", "#777", "8 5"),
                              ("queue_ap_by_sentiment", "#e08a00", "4 3"),
                              ("queue_ap", "#6a1b9a", "")):
        line(y, [(p["decisions"], p[key]) for p in points if p[key] is not None], colour, dash)
    bottom = top0 + 3 * panel_h + 2 * gap
    parts.append(f'<text x="{(left + WIDTH - right) / 2}" y="{bottom + 48}" '
                 f'text-anchor="middle">curator decisions made</text>'
                 f'<text x="{WIDTH - right}" y="{HEIGHT - 12}" text-anchor="end" fill="#555" '
                 f'font-size="13">bench/replay_learning.py · seed {result["seed"]} · '
                 f'{result["items"]} labelled items written for Kiosk (TR, EN, other) · not a '
                 f"real company's stream</text></svg>")
    return "\n".join(parts)


def render_png(svg: str, png: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "plot.html"
        page.write_text("<!doctype html><html><body style='margin:0'>" + svg +
                        "</body></html>", "utf-8")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                        "--hide-scrollbars", f"--screenshot={png}",
                        f"--window-size={WIDTH},{HEIGHT}",
                        page.as_uri()], check=True, capture_output=True, timeout=60)


def _ratio(right: int, n: int) -> str:
    return f"{right / n:.3f} ({right}/{n})" if n else "– (0)"


def summary(results: list[dict]) -> str:
    """Two tables: auto-approval per seed and language, and the queue's ranking per seed."""
    lines = ["| seed | lang | examples at the end | models passed / trained | first on at "
             "(decisions) | stream while a model was on: auto-approval P with the model | "
             "same items, rules alone | stream while no model was on: rules P | last model: "
             "held-out P (95 % lower bound) / R |",
             "|---|---|---:|---:|---:|---|---|---|---|"]
    for r in results:
        points = r["checkpoints"]
        for lang in ("tr", "en"):
            models = [m for m in r["models"] if m["lang"] == lang]
            first_on = next((p["decisions"] for p in points
                             if p["langs"][lang]["active"] is not None), None)
            on, off = dict.fromkeys(points[0]["langs"][lang]["since_last"], 0), None
            off = dict(on)
            for now, before in zip(points[1:], points, strict=False):
                into = on if before["langs"][lang]["active"] is not None else off
                for k, v in now["langs"][lang]["since_last"].items():
                    into[k] += v
            held = points[-1]["langs"][lang]["held_out"]
            last = (f"{_f(held['precision'])} ({_f(held['precision_low'])}) / "
                    f"{_f(held['recall'])}" if held else "–")
            lines.append(
                f"| {r['seed']} | {lang} | {points[-1]['langs'][lang]['examples']} | "
                f"{sum(bool(m['passed']) for m in models)} / {len(models)} | "
                f"{first_on if first_on is not None else 'never'} | "
                f"{_ratio(on['auto_praise'], on['auto'])} | "
                f"{_ratio(on['rules_praise'], on['rules_auto'])} | "
                f"{_ratio(off['auto_praise'], off['auto'])} | {last} |")
    lines += ["", "| seed | decisions | queue AP, ordered by the model | by the rules' sentiment "
              "| newest first (the order before) |", "|---|---:|---:|---:|---:|"]
    for r in results:
        after = [p for p in r["checkpoints"][1:] if p["queue_ap"] is not None]
        mean = {k: sum(p[k] for p in after) / len(after) for k in
                ("queue_ap", "queue_ap_by_sentiment", "queue_ap_newest_first")}
        lines.append(f"| {r['seed']} | {r['checkpoints'][-1]['decisions']} | "
                     f"{mean['queue_ap']:.3f} | {mean['queue_ap_by_sentiment']:.3f} | "
                     f"{mean['queue_ap_newest_first']:.3f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, nargs="+", default=[1])
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--every", type=int, default=50)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--plot", type=Path)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    results = [replay(seed, args.batch, args.every) for seed in args.seeds]
    table = summary(results)
    print(table)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str), "utf-8")
    if args.plot:
        svg = svg_plot(results[0], results[0]["target"])
        render_png(svg, args.plot)
        print(f"wrote {args.plot}")
    if args.write:
        doc = ROOT / "docs" / "learning.md"
        text = doc.read_text("utf-8")
        head, _, rest = text.partition(MARK_START)
        _, _, tail = rest.partition(MARK_END)
        stamp = datetime.now(UTC).strftime("%Y-%m-%d")
        doc.write_text(f"{head}{MARK_START}\n_Measured {stamp}; `python bench/replay_learning.py "
                       f"--seeds {' '.join(map(str, args.seeds))}` "
                       f"({', '.join(str(r['seconds']) + ' s' for r in results)})._\n\n"
                       f"{table}\n{MARK_END}{tail}", "utf-8")
    bad = [v for r in results for v in r["violations"]]
    if bad:
        print(f"a model was on below its target: {bad}")
        sys.exit(1)


if __name__ == "__main__":
    main()
