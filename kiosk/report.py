"""The monthly strengths report: what customers praised most in a month, and what changed.

A month is a calendar month in the company's time zone (KIOSK_TIMEZONE); its praise is the
approved or pinned items labelled praise whose `created_at` falls in it. Each theme is
compared with its average month over the three months before. Kiosk may not have been
collecting for all of those months (a new install, the demo): the average is taken over the
time it was, so three weeks of data count as three quarters of a month rather than as a
quiet month. The same holds for a month still in progress, which is compared with the
share of an average month that has passed.

Everything shown comes from the display fields (`display_text`, `display_author`, or a
curator's edit), never the raw text or author. The report is a plain dict, the same for
the page, the wall slide's JSON, the PDF and the CLI summary; kiosk.report_render
renders it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from kiosk import db, feed, shoutouts
from kiosk.models import ON_SCREEN, Analysis, Item, StaffMember, Status
from kiosk.stats import sparkline_points
from kiosk.taxonomy import current_matcher

BASELINE_MONTHS = 3  # "the previous months" each theme is compared with
SPARK_MONTHS = 6  # the sparkline's span, this month included
MIN_BASELINE_DAYS = 5.0  # less collected time than a working week gives no trend at all
TREND_MIN_PERCENT = 10  # a smaller change is "about the same"
QUOTE_THEMES = 3  # top themes that get example quotes
QUOTES_PER_THEME = 2
QUOTE_CANDIDATES = 40  # best-scored items per theme whose texts are read
QUOTE_MAX_CHARS = 280
TOP_STAFF = 10
CHANGES = 3  # rose / fell lists at most this long


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        """"2026-10" → Month(2026, 10); ValueError for anything else."""
        match = re.fullmatch(r"(\d{4})-(\d{2})", (text or "").strip())
        if not match:
            raise ValueError("a month is written YYYY-MM")
        year, month = int(match.group(1)), int(match.group(2))
        if not (1 <= month <= 12 and 2000 <= year <= 2999):
            raise ValueError("a month is written YYYY-MM")
        return cls(year, month)

    @classmethod
    def of(cls, moment: datetime) -> Month:
        return cls(moment.year, moment.month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def shift(self, months: int) -> Month:
        index = self.year * 12 + self.month - 1 + months
        return Month(index // 12, index % 12 + 1)

    def start(self, tz: ZoneInfo) -> datetime:
        """Midnight of the 1st in the company's zone (DST-aware)."""
        return datetime(self.year, self.month, 1, tzinfo=tz)

    def end(self, tz: ZoneInfo) -> datetime:
        return self.shift(1).start(tz)


def last_full_month(now: datetime, tz: str) -> Month:
    """The month before the one `now` falls in, in the company's zone."""
    return Month.of(now.astimezone(ZoneInfo(tz))).shift(-1)


def current_month(now: datetime, tz: str) -> Month:
    return Month.of(now.astimezone(ZoneInfo(tz)))


# --- the computation ----------------------------------------------------------------------

def _coverage(start: datetime, end: datetime, first: datetime | None,
              now: datetime) -> float:
    """The fraction of [start, end) that Kiosk was collecting, up to now."""
    if first is None:
        return 0.0
    low, high = max(start, first), min(end, now)
    return max(0.0, (high - low) / (end - start))


def _trend(count: int, expected: float | None) -> tuple[str | None, int | None]:
    """("up"|"down"|"flat"|"new", percent) against what an average month would have had."""
    if expected is None:
        return None, None
    if expected <= 0:
        return ("new", None) if count else ("flat", 0)
    percent = round((count - expected) / expected * 100)
    if percent >= TREND_MIN_PERCENT and count - expected >= 1:
        return "up", percent
    if percent <= -TREND_MIN_PERCENT and expected - count >= 1:
        return "down", percent
    return "flat", percent


def _praise_rows(since: datetime, until: datetime, full: bool = True):
    """Praise created in [since, until); `full=False` reads only what trends need (the
    JSON columns cost most of the time: 50,000 rows of four take ~2 s on SQLite)."""
    columns = (Item.id, Item.created_at, Item.branch, Item.status, Item.rating,
               Item.edited_text.is_not(None).label("edited"), Analysis.themes,
               Analysis.mentions, Analysis.branches, Analysis.flags, Analysis.sentiment,
               Analysis.confidence) if full else (Item.created_at, Analysis.themes)
    query = (select(*columns)
             .join(Analysis, Analysis.item_id == Item.id)
             .where(Analysis.label == "praise", Item.status.in_(ON_SCREEN),
                    Item.created_at >= since.astimezone(UTC),
                    Item.created_at < until.astimezone(UTC)))
    return db.session().execute(query).all()


def _places(row) -> set[str]:
    return {b for b in {row.branch, *(row.branches or [])} if b}


def _quote_score(row) -> tuple:
    return (row.status == Status.PINNED.value, row.rating or 0,
            row.confidence if row.confidence is not None else row.sentiment)


def _shorten(text: str, limit: int = QUOTE_MAX_CHARS) -> str:
    """Cut at a word, never mid-word, and say so with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit + 1].rsplit(" ", 1)[0].rstrip(",;:-–— ")
    return (cut or text[:limit]) + "…"


def _pick_quotes(candidates: list, used: set[int]) -> list[dict]:
    """Up to QUOTES_PER_THEME quotes: the best-scored that read well, from different branches."""
    ranked = sorted((r for r in candidates if r.id not in used), key=_quote_score,
                    reverse=True)[:QUOTE_CANDIDATES]
    if not ranked:
        return []
    texts = {r.id: r for r in db.session().execute(
        select(Item.id, Item.edited_text, Item.branch, Analysis.display_text,
               Analysis.display_author, Analysis.lang, Analysis.branches)
        .join(Analysis, Analysis.item_id == Item.id)
        .where(Item.id.in_([r.id for r in ranked])))}

    def readable(row) -> bool:
        text = texts[row.id].edited_text or texts[row.id].display_text or ""
        return 30 <= len(text) <= 240

    order = [r for r in ranked if readable(r)] + [r for r in ranked if not readable(r)]
    chosen: list = []
    for row in order:
        if len(chosen) == QUOTES_PER_THEME:
            break
        if chosen and _places(row) & _places(chosen[0]) and len(order) > QUOTES_PER_THEME:
            continue  # a second voice from another branch, when there is one
        chosen.append(row)
    for row in order:  # fill up when every candidate shares the first one's branch
        if len(chosen) < QUOTES_PER_THEME and row not in chosen:
            chosen.append(row)
    quotes = []
    for row in chosen:
        used.add(row.id)
        face = feed.display_item(db.session().get(Item, row.id))  # staff named as they chose
        quotes.append({
            "id": row.id,
            "text": _shorten(face["text"] or ""),
            "author": face["author"],
            "branch": face["branch"],
            "lang": face["lang"],
        })
    return quotes


def _first_collected() -> datetime | None:
    return db.session().scalar(select(func.min(Item.created_at)))


def monthly(month: Month, tz: str, now: datetime | None = None) -> dict:
    """The report for `month` as a JSON-ready dict (labels in both languages)."""
    zone = ZoneInfo(tz)
    now = (now or datetime.now(UTC)).astimezone(zone)
    start, end = month.start(zone), month.end(zone)
    months = [month.shift(-i) for i in range(max(SPARK_MONTHS, BASELINE_MONTHS + 1) - 1, -1, -1)]
    first = _first_collected()
    first = first.astimezone(zone) if first else None
    coverage = {m: _coverage(m.start(zone), m.end(zone), first, now) for m in months}
    days = {m: (m.end(zone) - m.start(zone)).total_seconds() / 86400 for m in months}

    this = _praise_rows(start, end)
    by_month: dict[Month, list] = defaultdict(list, {month: this})
    for row in _praise_rows(months[0].start(zone), start, full=False):
        by_month[Month.of(row.created_at.astimezone(zone))].append(row)

    baseline = [month.shift(-i) for i in range(1, BASELINE_MONTHS + 1)]
    covered = sum(coverage[m] for m in baseline)
    covered_days = sum(coverage[m] * days[m] for m in baseline)
    this_share = coverage[month]  # < 1 while the month runs: compare with as much of one
    has_baseline = covered_days >= MIN_BASELINE_DAYS and this_share > 0

    def expected(counts: dict[Month, int]) -> float | None:
        if not has_baseline:
            return None
        return sum(counts.get(m, 0) for m in baseline) / covered * this_share

    theme_counts: dict[Month, Counter] = {
        m: Counter(t for r in by_month.get(m, []) for t in dict.fromkeys(r.themes or []))
        for m in months}
    labels = {t.slug: {"tr": t.label_tr, "en": t.label_en} for t in current_matcher().themes}
    total = len(this)
    spark_months = [m for m in months[-SPARK_MONTHS:]
                    if coverage[m] * days[m] >= MIN_BASELINE_DAYS]

    def series(count_of) -> tuple[list[dict], str]:
        points = [{"month": str(m), "count": count_of(m),
                   "per_month": round(count_of(m) / coverage[m], 1)} for m in spark_months]
        line = sparkline_points([p["per_month"] for p in points], 120, 28) \
            if len(points) >= 2 else ""
        return points, line

    slugs = set(theme_counts[month]) | {s for m in baseline for s in theme_counts[m]}
    themes = []
    for slug in slugs:
        count = theme_counts[month].get(slug, 0)
        base = expected({m: theme_counts[m].get(slug, 0) for m in baseline})
        trend, percent = _trend(count, base)
        points, line = series(lambda m, s=slug: theme_counts[m].get(s, 0))
        themes.append({
            "slug": slug, "label": labels.get(slug, {"tr": slug, "en": slug}),
            "count": count, "share": round(count / total, 4) if total else 0.0,
            "expected": round(base, 1) if base is not None else None,
            "change_pct": percent, "trend": trend, "series": points, "spark": line,
            "quotes": []})
    themes.sort(key=lambda t: (-t["count"], -(t["expected"] or 0), t["slug"]))

    used: set[int] = set()
    for theme in [t for t in themes if t["count"]][:QUOTE_THEMES]:
        theme["quotes"] = _pick_quotes(
            [r for r in this if theme["slug"] in (r.themes or [])
             and ("profanity" not in (r.flags or []) or r.edited)], used)

    # Counted by roster name, shown as each person chose to appear ("not named": left out).
    shown = shoutouts.public_names(sorted({m for r in this for m in (r.mentions or [])}))
    staff = Counter(m for r in this for m in dict.fromkeys(r.mentions or []) if shown.get(m))
    roster = {s.name: s for s in db.session().scalars(
        select(StaffMember).where(StaffMember.name.in_(list(staff))))} if staff else {}
    branch_rows: dict[str, list] = defaultdict(list)
    for row in this:
        for place in _places(row):
            branch_rows[place].append(row)

    def top(counter: Counter) -> tuple[str | None, int]:
        if not counter:
            return None, 0
        name, n = min(counter.items(), key=lambda kv: (-kv[1], kv[0]))
        return name, n

    branches = []
    for name, brows in branch_rows.items():
        theme, theme_n = top(Counter(t for r in brows for t in dict.fromkeys(r.themes or [])))
        person, person_n = top(Counter(m for r in brows for m in dict.fromkeys(r.mentions or [])
                                       if shown.get(m)))
        branches.append({"name": name, "count": len(brows), "top_theme": theme,
                         "top_theme_label": labels.get(theme, {"tr": theme, "en": theme})
                         if theme else None, "top_theme_count": theme_n,
                         "top_staff": shown.get(person) if person else None,
                         "top_staff_count": person_n})
    branches.sort(key=lambda b: (-b["count"], b["name"]))

    overall = expected({m: len(by_month.get(m, [])) for m in baseline})
    overall_trend, overall_pct = _trend(total, overall)
    overall_points, overall_line = series(lambda m: len(by_month.get(m, [])))
    rated = [r.rating for r in this if r.rating]

    present = [t for t in themes if t["trend"] in ("up", "down")]
    rose = sorted((t for t in present if t["trend"] == "up"),
                  key=lambda t: (-(t["count"] - t["expected"]), t["slug"]))[:CHANGES]
    fell = sorted((t for t in present if t["trend"] == "down" and t["count"]),
                  key=lambda t: (t["count"] - t["expected"], t["slug"]))[:CHANGES]

    def brief(t: dict) -> dict:
        return {k: t[k] for k in ("slug", "label", "count", "expected", "change_pct", "trend")}

    return {
        "month": str(month),
        "previous": str(month.shift(-1)) if first and Month.of(first) < month else None,
        "next": str(month.shift(1)) if month.shift(1) <= current_month(now, tz) else None,
        "from": start.isoformat(),
        "until": end.isoformat(),
        "timezone": tz,
        "complete": end <= now,
        "collecting_since": first.isoformat() if first else None,
        "baseline": {"months": [str(m) for m in reversed(baseline)],
                     "covered_months": round(covered, 2), "available": has_baseline},
        "totals": {"praise": total, "expected": round(overall, 1) if overall is not None
                   else None, "change_pct": overall_pct, "trend": overall_trend,
                   "series": overall_points, "spark": overall_line,
                   "themes": sum(1 for t in themes if t["count"]), "staff": len(staff),
                   "branches": len(branches),
                   "average_rating": round(sum(rated) / len(rated), 2) if rated else None},
        "themes": [t for t in themes if t["count"]],
        "staff": [{"name": shown[name], "count": n,
                   "team": roster[name].team if name in roster else None,
                   "branch": roster[name].branch if name in roster else None}
                  for name, n in sorted(staff.items(), key=lambda kv: (-kv[1], kv[0]))
                  [:TOP_STAFF]],
        "branches": branches,
        "changes": {
            "rose": [brief(t) for t in rose],
            "fell": [brief(t) for t in fell],
            "new": [brief(t) for t in themes if t["trend"] == "new"],
            "quiet": [brief(t) for t in themes if t["count"] == 0 and t["trend"] == "down"],
        },
    }


def summary(report: dict) -> dict:
    """The few numbers a wall slide shows: praise, its trend, top 3 themes and staff."""
    return {
        "month": report["month"],
        "complete": report["complete"],
        "totals": {k: report["totals"][k] for k in ("praise", "expected", "change_pct",
                                                    "trend", "staff", "branches")},
        "themes": [{k: t[k] for k in ("slug", "label", "count", "share", "expected",
                                      "change_pct", "trend")} | {
                       "quote": t["quotes"][0] if t["quotes"] else None}
                   for t in report["themes"][:3]],
        "staff": report["staff"][:3],
        "changes": report["changes"],
    }
