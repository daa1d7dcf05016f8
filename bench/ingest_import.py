"""Ingestion speed: `kiosk import` of 100,000 TR/EN feedback items into a fresh database.

    python bench/ingest_import.py [--items 100000] [--runs 1] [--profile FILE] [--write]

Run it with Kiosk's interpreter. It writes a JSON lines file of ITEMS items made from the
demo feedback (kiosk/demo/feedback.jsonl) with variations (names, branches, numbers, a
sentence added or dropped, mixed TR/EN; unique external ids; dates over the last 60 days;
the roster and branches of the demo company are imported first, so mentions and
branches are found), plus 0.5 % repeated lines (duplicates) and 0.1 % broken lines. Then,
for each run: a fresh SQLite database (`kiosk init`, `kiosk roster import`), and
`kiosk import FILE` timed as a whole process (wall clock, from exec to exit, including
Python start-up and the commit); items/s = items stored / seconds. --profile runs the
import once more in-process under cProfile and writes the top functions to FILE.
BENCH_KIOSK / BENCH_KIOSK_PYTHONPATH measure another copy of the package.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "kiosk" / "demo"
KIOSK = os.environ.get("BENCH_KIOSK", str(Path(sys.executable).with_name("kiosk")))

OPENERS = {"tr": ["", "Merhaba, ", "Bugün ", "Dün akşam ", "Açıkçası ",
                  "Söylemeden geçemeyeceğim: "],
           "en": ["", "Hi, ", "Today ", "Last night ", "Honestly, ", "Just have to say: "]}
CLOSERS = {"tr": ["", " Teşekkürler!", " Tekrar geleceğim.", " Böyle devam.", " 👏", " 🙏"],
           "en": ["", " Thanks!", " Will be back.", " Keep it up.", " 👏", " 🙏"]}


def make_file(path: Path, n: int, seed: int = 8) -> dict:
    rnd = random.Random(seed)
    demo = [json.loads(line) for line in (DEMO / "feedback.jsonl").read_text("utf-8")
            .splitlines() if line.strip()]
    branches = [line.split(",")[0] for line in
                (DEMO / "branches.csv").read_text("utf-8").splitlines()[1:] if line]
    staff = [line.split(",")[0].split(" ")[0] for line in
             (DEMO / "roster.csv").read_text("utf-8").splitlines()[1:] if line]
    names = re.compile("|".join(sorted({re.escape(s) for s in staff}, key=len, reverse=True)))
    places = re.compile("|".join(sorted((re.escape(b) for b in branches), key=len,
                                        reverse=True)))
    now = datetime.now(UTC)
    lines, dupes, bad = [], 0, 0
    for k in range(n):
        d = dict(rnd.choice(demo))
        d.pop("label", None)
        d.pop("hours_ago", None)
        lang = d.get("lang") or "tr"
        text = names.sub(lambda _m: rnd.choice(staff), d["text"])
        text = places.sub(lambda _m: rnd.choice(branches), text)
        text = re.sub(r"\d+", lambda m: str(max(1, int(m.group()) + rnd.randint(-3, 3))), text)
        sentences = re.split(r"(?<=[.!?]) ", text)
        if len(sentences) > 2 and rnd.random() < 0.3:
            sentences.pop(rnd.randrange(len(sentences)))
        text = rnd.choice(OPENERS[lang]) + " ".join(sentences) + rnd.choice(CLOSERS[lang])
        d.update(text=text, external_id=f"{d['source']}-bench-{k}",
                 created_at=(now - timedelta(seconds=rnd.uniform(0, 60 * 86400))).isoformat())
        if d.get("branch"):
            d["branch"] = rnd.choice(branches)
        if d.get("url"):
            d["url"] = re.sub(r"[^=/]+$", f"bench{k}", d["url"])
        line = json.dumps(d, ensure_ascii=False)
        lines.append(line)
        if rnd.random() < 0.005:
            lines.append(line)
            dupes += 1
        if rnd.random() < 0.001:
            lines.append(line[: len(line) // 2])
            bad += 1
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return {"items": n, "duplicates": dupes, "broken": bad, "lines": len(lines),
            "mb": round(path.stat().st_size / 2**20, 1)}


def env(workdir: Path) -> dict:
    e = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    e.update(KIOSK_DATABASE_URL=f"sqlite:///{workdir / 'kiosk.db'}",
             KIOSK_INSTANCE_DIR=str(workdir))
    if os.environ.get("BENCH_KIOSK_PYTHONPATH"):
        e["PYTHONPATH"] = os.environ["BENCH_KIOSK_PYTHONPATH"]
    return e


def fresh_db(workdir: Path) -> dict:
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    e = env(workdir)
    subprocess.run([KIOSK, "init"], env=e, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([KIOSK, "roster", "import", str(DEMO / "roster.csv"), "--branches",
                    str(DEMO / "branches.csv")], env=e, check=True, stdout=subprocess.DEVNULL)
    return e


def time_import(workdir: Path, data: Path) -> dict:
    e = fresh_db(workdir)
    t = time.perf_counter()
    out = subprocess.run([KIOSK, "import", str(data)], env=e, capture_output=True, text=True)
    seconds = time.perf_counter() - t
    con = sqlite3.connect(workdir / "kiosk.db")
    stored = con.execute("SELECT count(*) FROM items").fetchone()[0]
    statuses = dict(con.execute("SELECT status, count(*) FROM items GROUP BY status"))
    con.close()
    return {"seconds": seconds, "stored": stored, "items_per_s": stored / seconds,
            "summary": out.stdout.strip().splitlines()[-1] if out.stdout.strip() else "",
            "stderr_lines": len(out.stderr.splitlines()), "returncode": out.returncode,
            "statuses": statuses}


def profile(workdir: Path, data: Path, out: Path, limit: int = 45) -> None:
    e = fresh_db(workdir)
    code = (
        "import cProfile, pstats, io, sys\n"
        "from kiosk import create_app, ingest\n"
        "app = create_app()\n"
        f"raw = open({str(data)!r}, 'rb').read()\n"
        "pr = cProfile.Profile()\n"
        "with app.app_context():\n"
        "    pr.enable()\n"
        f"    ingest.ingest(ingest.read_records(raw, {data.name!r}))\n"
        "    pr.disable()\n"
        "s = io.StringIO()\n"
        f"pstats.Stats(pr, stream=s).sort_stats('cumulative').print_stats({limit})\n"
        f"pstats.Stats(pr, stream=s).sort_stats('tottime').print_stats({limit})\n"
        "print(s.getvalue())\n")
    res = subprocess.run([sys.executable, "-c", code], env=e, capture_output=True, text=True,
                         check=True)
    out.write_text(res.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--items", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--workdir", help="keep the file and database here (default: a temp dir)")
    ap.add_argument("--profile", help="also profile one import in-process; top functions here")
    ap.add_argument("--label", default="")
    ap.add_argument("--results", help="append the record as a JSON line to this file")
    ap.add_argument("--write", action="store_true", help="write docs/benchmarks.md")
    ap.add_argument("--from-results", metavar="FILE",
                    help="run nothing: write the last record of FILE with --label")
    args = ap.parse_args()
    if args.from_results:
        with open(args.from_results) as fh:
            write(args, [r for r in map(json.loads, fh) if r.get("label", "") == args.label][-1])
        return 0
    base = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="kiosk-ingest-"))
    base.mkdir(parents=True, exist_ok=True)
    data = base / f"feedback-{args.items}.jsonl"
    rec = {"date": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "label": args.label,
           "load_before": os.getloadavg()[0]}
    try:
        rec["file"] = make_file(data, args.items)
        runs = []
        for _ in range(args.runs):
            r = time_import(base / "db", data)
            runs.append(r)
            print(f"{r['stored']:,} items in {r['seconds']:.1f} s = {r['items_per_s']:,.0f} "
                  f"items/s  ({r['summary']}; {r['statuses']})", flush=True)
        rec["runs"] = runs
        rec["median_s"] = statistics.median(r["seconds"] for r in runs)
        rec["median_items_per_s"] = statistics.median(r["items_per_s"] for r in runs)
        if args.profile:
            profile(base / "db", data, Path(args.profile))
        rec["load_after"] = os.getloadavg()[0]
    finally:
        if not args.workdir:
            shutil.rmtree(base, ignore_errors=True)
    if args.results:
        with open(args.results, "a") as fh:
            fh.write(json.dumps(rec) + "\n")
    if args.write:
        write(args, rec)
    return 0


def write(args, rec) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from fanout import machine
    from fanout_kiosk import write_section

    m = machine()
    f = rec["file"]
    r = rec["runs"][0]
    body = "\n".join([
        f"### Ingestion: `kiosk import` of {f['items']:,} items",
        "",
        f"Measured {rec['date'][:10]} on {m['cpu']}, {m['nproc']} cores, Python "
        f"{m['python']}; 1-minute load {rec['load_before']:.2f} before, "
        f"{rec['load_after']:.2f} after.",
        f"Reproduce: `python bench/ingest_import.py --items {args.items} --runs {args.runs} "
        "--write` with Kiosk's interpreter.",
        "",
        f"File: {f['lines']:,} JSON lines ({f['mb']} MB) made from the demo feedback with "
        f"variations, {f['duplicates']} lines repeated and {f['broken']} broken; a fresh "
        "SQLite database with the demo roster and branches. Whole process (`kiosk import "
        f"FILE`, start-up to exit, wall clock), median of {args.runs}: "
        f"**{rec['median_s']:.1f} s, {rec['median_items_per_s']:,.0f} items/s** "
        f"(`{r['summary']}`).",
        ""])
    write_section(body, "ingest")


if __name__ == "__main__":
    sys.exit(main())
