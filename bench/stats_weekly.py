"""Weekly stats (kiosk.stats.weekly) over a database of 1,000,000 stored items.

    python bench/stats_weekly.py [--items 1000000] [--db /tmp/kiosk-stats-1m/kiosk.db]
        [--runs 7] [--write]

Run it with Kiosk's interpreter (it imports kiosk). Steps:
  1. unless --db already holds the items: `kiosk init` (Alembic schema) into a fresh
     SQLite file, then ITEMS items + analyses by bulk INSERTs (sqlite3.executemany),
     in the exact format SQLAlchemy writes: two years of feedback in created-at order,
     TR/EN texts from the demo data, 40 branches, 300 staff, the taxonomy's themes,
     55 % praise / 25 % complaint / 20 % neutral, most praise approved, some rejected;
  2. `kiosk init` again, which applies any newer migration (e.g. indexes);
  3. times stats.weekly(now, tz, branches) for two channels, "all branches" and one
     branch: COLD = a new process whose SQLite file was first dropped from the OS page
     cache (posix_fadvise DONTNEED on the database file only; nothing else on the box is
     touched), WARM = the same call repeated in one process; medians of --runs;
  4. checks the numbers against a straightforward count (every praise row of the 14 weeks
     read and counted in Python, as stats.weekly did before issue 8).
--write puts the result into docs/benchmarks.md. BENCH_KIOSK / BENCH_KIOSK_PYTHONPATH
measure another copy of the package (e.g. the code before a change).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "kiosk" / "demo"
KIOSK = os.environ.get("BENCH_KIOSK", str(Path(sys.executable).with_name("kiosk")))
TZ = "Europe/Istanbul"
FMT = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy stores a DateTime in SQLite
SOURCES = ["google", "x", "appstore", "foursquare", "mastodon", "webhook", "survey"]
FIRST = ["Ayşe", "Mehmet", "Fatma", "Ahmet", "Zeynep", "Mustafa", "Elif", "Emre", "Hatice",
         "Can", "Merve", "Burak", "Esra", "Murat", "Selin", "Hasan", "Deniz", "Cem", "Gül",
         "Kerem"]
LAST = ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın", "Arslan",
        "Doğan", "Koç", "Kurt", "Özdemir", "Polat", "Erdem"]


def env(db: str) -> dict:
    e = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    e.update(KIOSK_DATABASE_URL=f"sqlite:///{db}", KIOSK_INSTANCE_DIR=str(Path(db).parent),
             KIOSK_TIMEZONE=TZ)
    if os.environ.get("BENCH_KIOSK_PYTHONPATH"):
        e["PYTHONPATH"] = os.environ["BENCH_KIOSK_PYTHONPATH"]
    return e


# --------------------------------------------------------------------------- data


def generate(db: str, n: int, seed: int = 8) -> dict:
    """Bulk-insert n items with analyses; returns what was made."""
    rnd = random.Random(seed)
    demo = [json.loads(line) for line in (DEMO / "feedback.jsonl").read_text("utf-8")
            .splitlines() if line.strip()]
    branches = [line.split(",")[0] for line in
                (DEMO / "branches.csv").read_text("utf-8").splitlines()[1:] if line]
    branches += [f"Şube {k}" for k in range(len(branches) + 1, 41)]
    staff = [line.split(",")[0] for line in
             (DEMO / "roster.csv").read_text("utf-8").splitlines()[1:] if line]
    staff += [f"{f} {last}" for f in FIRST for last in LAST][:300 - len(staff)]
    themes = ["staff", "freshness", "speed", "price", "cleanliness", "range", "checkout",
              "delivery", "parking", "app"]
    texts = {lab: [d for d in demo if d.get("label") == lab] or demo
             for lab in ("praise", "complaint", "neutral")}
    con = sqlite3.connect(db)
    con.execute("PRAGMA synchronous=OFF")
    now = datetime.now(UTC)
    span = timedelta(days=730).total_seconds()
    step = span / n
    t0 = time.perf_counter()
    items, analyses = [], []
    item_id = con.execute("SELECT coalesce(max(id), 0) FROM items").fetchone()[0]
    for k in range(n):
        item_id += 1
        created = now - timedelta(seconds=span - k * step + rnd.uniform(0, step))
        r = rnd.random()
        label = "praise" if r < 0.55 else "complaint" if r < 0.80 else "neutral"
        d = rnd.choice(texts[label])
        s = rnd.random()
        if label == "praise":
            status = ("approved" if s < 0.70 else "pending" if s < 0.90
                      else "pinned" if s < 0.902 else "rejected")
        else:
            status = "pending" if s < 0.6 else "rejected"
        branch = rnd.choice(branches) if rnd.random() < 0.7 else None
        mentioned = [rnd.choice(branches)] if rnd.random() < 0.2 else []
        item_branches = sorted({branch, *mentioned} - {None})
        ts = [t for t in rnd.sample(themes, rnd.choice((0, 1, 1, 2, 2, 3)))]
        ms = rnd.sample(staff, rnd.choice((0, 0, 0, 1, 1, 2))) if label == "praise" else []
        rating = d.get("rating") or (5 if label == "praise" else 2)
        author = d.get("author") or "Anonim"
        c = created.strftime(FMT)
        items.append((item_id, rnd.choice(SOURCES), f"gen-{item_id}", d["text"], author,
                      None, c, rating, branch, d.get("lang", "tr"), c, status,
                      "rule:auto" if status != "pending" else None,
                      c if status != "pending" else None))
        analyses.append((item_id, d.get("lang", "tr"),
                         round(rnd.uniform(0.4, 0.95) if label == "praise"
                               else rnd.uniform(-0.9, -0.3) if label == "complaint"
                               else rnd.uniform(-0.2, 0.3), 4),
                         label, json.dumps(ts), json.dumps(ms), json.dumps(item_branches),
                         "[]", d["text"], author.split(" ")[0] + " " + author[-1:] + ".",
                         c, "[]", None))
        if len(items) == 20000:
            _flush(con, items, analyses)
    _flush(con, items, analyses)
    con.close()
    return {"items": n, "seconds": round(time.perf_counter() - t0, 1),
            "branches": len(branches), "staff": len(staff)}


def _flush(con, items, analyses):
    with con:
        con.executemany(
            "INSERT INTO items (id, source, external_id, text, author, url, created_at, "
            "rating, branch, lang, ingested_at, status, decided_by, decided_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", items)
        con.executemany(
            "INSERT INTO analyses (item_id, lang, sentiment, label, themes, mentions, "
            "branches, flags, display_text, display_author, analyzed_at, reasons, "
            "confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", analyses)
    items.clear()
    analyses.clear()


# --------------------------------------------------------------------------- timing


def drop_from_page_cache(db: str) -> None:
    for path in (db, db + "-wal", db + "-shm"):
        if os.path.exists(path):
            fd = os.open(path, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def time_in_process(branches: list[str] | None, runs: int, cold: bool, db: str) -> dict:
    """Inside a Kiosk interpreter: time stats.weekly; cold = first call only."""
    if cold:
        drop_from_page_cache(db)
    from kiosk import create_app, stats

    app = create_app()
    with app.app_context():
        now = datetime.now(UTC)
        out = []
        for _ in range(1 if cold else runs + 1):
            t = time.perf_counter()
            result = stats.weekly(now, TZ, branches)
            out.append((time.perf_counter() - t) * 1000)
        if not cold:
            out = out[1:]  # the first call is the warm-up
        return {"ms": out, "result": result, "now": now.isoformat()}


def reference(db: str, now: datetime, branches: list[str] | None) -> dict:
    """The straightforward count: every praise row of the 14 weeks, counted in Python."""
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(TZ)
    local = now.astimezone(zone)
    start = local.replace(hour=0, minute=0, second=0, microsecond=0)
    start -= timedelta(days=start.weekday())
    first = start - timedelta(weeks=13)
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT i.created_at, i.branch, a.themes, a.mentions, a.branches FROM items i "
        "JOIN analyses a ON a.item_id = i.id WHERE a.label = 'praise' AND "
        "i.status != 'rejected' AND i.created_at >= ? AND i.created_at < ? "
        "ORDER BY i.created_at, i.id",
        (first.astimezone(UTC).strftime(FMT),
         (now + timedelta(seconds=1)).astimezone(UTC).strftime(FMT))).fetchall()
    con.close()
    wanted = set(branches or [])
    series, week, last_week = [0] * 14, [], 0
    for created, branch, themes, mentions, item_branches in rows:
        item_branches = json.loads(item_branches)
        if wanted and not ({branch} | set(item_branches)) & wanted:
            continue
        when = datetime.strptime(created, FMT).replace(tzinfo=UTC).astimezone(zone)
        day = when.replace(hour=0, minute=0, second=0, microsecond=0)
        index = ((day - timedelta(days=day.weekday())) - first).days // 7
        if 0 <= index < 14:
            series[index] += 1
        if when >= start:
            week.append((branch, json.loads(themes), json.loads(mentions), item_branches))
        elif start - timedelta(weeks=1) <= when < start - timedelta(weeks=1) + (local - start):
            last_week += 1
    top = {
        "top_themes": Counter(t for w in week for t in w[1]).most_common(3),
        "top_staff": Counter(m for w in week for m in w[2]).most_common(3),
        "top_branches": Counter(b for w in week
                                for b in ({w[0]} | set(w[3])) - {None}).most_common(3),
    }
    return {"praise": len(week), "praise_last_week_same_time": last_week, "series": series,
            **{k: sorted(v, key=lambda p: (-p[1], p[0])) for k, v in top.items()}}


def comparable(result: dict) -> dict:
    pairs = {"top_themes": "theme", "top_staff": "name", "top_branches": "branch"}
    out = {k: result[k] for k in ("praise", "praise_last_week_same_time", "series")}
    for key, name in pairs.items():
        out[key] = sorted(((e[name], e["count"]) for e in result[key]),
                          key=lambda p: (-p[1], p[0]))
    return out


def child(args) -> None:
    branches = json.loads(args.branches) if args.branches else None
    print(json.dumps(time_in_process(branches, args.runs, args.cold, args.db)))


def run_child(db: str, branches: list[str] | None, runs: int, cold: bool) -> dict:
    argv = [sys.executable, __file__, "--child", "--db", db, "--runs", str(runs)]
    if cold:
        argv.append("--cold")
    if branches:
        argv += ["--branches", json.dumps(branches)]
    out = subprocess.run(argv, env=env(db), capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--items", type=int, default=1_000_000)
    ap.add_argument("--db", default="/tmp/kiosk-stats-1m/kiosk.db")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--label", default="", help="tag for --results")
    ap.add_argument("--results", help="append the record as a JSON line to this file")
    ap.add_argument("--write", action="store_true", help="write docs/benchmarks.md")
    ap.add_argument("--from-results", metavar="FILE",
                    help="run nothing: write the last record of FILE with --label")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--cold", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--branches", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args)
        return 0
    if args.from_results:
        with open(args.from_results) as fh:
            rec = [r for r in map(json.loads, fh) if r.get("label", "") == args.label][-1]
        write(args, rec)
        return 0
    db = os.path.abspath(args.db)
    Path(db).parent.mkdir(parents=True, exist_ok=True)
    rec = {"date": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "label": args.label,
           "load_before": os.getloadavg()[0], "db": db}
    have = 0
    if os.path.exists(db):
        con = sqlite3.connect(db)
        try:
            have = con.execute("SELECT count(*) FROM items").fetchone()[0]
        except sqlite3.OperationalError:
            have = 0
        con.close()
    if have < args.items:
        subprocess.run([KIOSK, "init"], env=env(db), check=True, stdout=subprocess.DEVNULL)
        rec["generated"] = generate(db, args.items - have)
        print(f"generated {rec['generated']}", flush=True)
    t = time.perf_counter()
    subprocess.run([KIOSK, "init"], env=env(db), check=True, stdout=subprocess.DEVNULL)
    rec["migrate_s"] = round(time.perf_counter() - t, 1)
    con = sqlite3.connect(db)
    rec["items"] = con.execute("SELECT count(*) FROM items").fetchone()[0]
    rec["indexes"] = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type='index' AND tbl_name IN "
        "('items', 'analyses') AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    rec["revision"] = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    con.close()
    rec["db_mb"] = round(os.path.getsize(db) / 2**20)
    channels = {"all branches": None, "one branch (Kadıköy)": ["Kadıköy"]}
    rec["channels"] = {}
    for name, branches in channels.items():
        cold = [run_child(db, branches, 1, True) for _ in range(args.runs)]
        warm = run_child(db, branches, args.runs, False)
        now = datetime.fromisoformat(warm["now"])
        ok = comparable(warm["result"]) == reference(db, now, branches)
        rec["channels"][name] = {
            "cold_ms": [c["ms"][0] for c in cold], "warm_ms": warm["ms"],
            "cold_median_ms": statistics.median(c["ms"][0] for c in cold),
            "warm_median_ms": statistics.median(warm["ms"]),
            "praise_this_week": warm["result"]["praise"],
            "praise_14_weeks": sum(warm["result"]["series"]),
            "same_as_reference": ok}
        c = rec["channels"][name]
        print(f"{name:<22} cold {c['cold_median_ms']:8.1f} ms  warm {c['warm_median_ms']:8.1f}"
              f" ms  ({c['praise_14_weeks']} praise in 14 weeks, same as reference: {ok})",
              flush=True)
    rec["load_after"] = os.getloadavg()[0]
    if args.results:
        with open(args.results, "a") as fh:
            fh.write(json.dumps(rec) + "\n")
    if args.write:
        write(args, rec)
    return 0 if all(c["same_as_reference"] for c in rec["channels"].values()) else 1


def write(args, rec) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from fanout import machine
    from fanout_kiosk import write_section

    m = machine()
    rows = "\n".join(
        f"| {name} | {c['praise_14_weeks']:,} | {c['praise_this_week']:,} "
        f"| {c['cold_median_ms']:.1f} | {c['warm_median_ms']:.1f} "
        f"| {'yes' if c['same_as_reference'] else 'NO'} |"
        for name, c in rec["channels"].items())
    body = "\n".join([
        f"### Weekly stats with {rec['items']:,} stored items",
        "",
        f"Measured {rec['date'][:10]} on {m['cpu']}, {m['nproc']} cores, Python "
        f"{m['python']}, SQLite {sqlite3.sqlite_version}; 1-minute load "
        f"{rec['load_before']:.2f} before, {rec['load_after']:.2f} after.",
        f"Reproduce: `python bench/stats_weekly.py --items {args.items} --runs {args.runs} "
        "--write` with Kiosk's interpreter.",
        "",
        f"Database: {rec['db_mb']:,} MB, schema revision {rec['revision']}, two years of "
        "generated TR/EN feedback (40 branches, 300 staff, 55 % praise) written with bulk "
        "INSERTs. The figure is `stats.weekly` for one channel (what a stats slide, the "
        "huddle and the digest show): cold = a new process, the database file first dropped "
        "from the OS page cache; warm = repeated in one process; medians of "
        f"{args.runs} runs. \"Same\" = identical numbers to a straightforward count of every "
        "praise row in Python.",
        "",
        "| channel | praise, 14 weeks | praise this week | cold ms | warm ms | same |",
        "|---|---|---|---|---|---|",
        rows,
        ""])
    write_section(body, "stats-weekly")


if __name__ == "__main__":
    sys.exit(main())
