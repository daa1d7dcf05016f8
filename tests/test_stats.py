"""stats.weekly counts in SQL (issue 8); it must give the numbers a plain row count gives."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from kiosk import db, stats
from kiosk.models import Analysis, Item

BRANCHES = ["Kadıköy", "Beşiktaş", "Alsancak", "Nilüfer", "Kızılay", "Moda_1%"]
STAFF = ["Ayşe Yılmaz", "Can Demir", "Fatma Yalçın", "Hasan Yurt"]
THEMES = ["staff", "freshness", "speed", "price"]


def straightforward(now: datetime, tz: str, branches: list[str] | None = None) -> dict:
    """stats.weekly as it was before issue 8: every praise row of the 14 weeks read and
    counted in Python (rows in created order, so ties go to what came first)."""
    zone = ZoneInfo(tz)
    now = now.astimezone(zone)
    start = stats.week_start(now)
    first = start - timedelta(weeks=stats.WEEKS - 1)
    rows = db.session().execute(
        select(Item.created_at, Item.branch, Item.status, Analysis.label, Analysis.themes,
               Analysis.mentions, Analysis.branches)
        .join(Analysis).order_by(Item.created_at, Item.id)).all()
    rows = [r for r in rows if r.label == "praise" and r.status != "rejected"
            and first <= r.created_at < now + timedelta(seconds=1)]
    if branches:
        rows = [r for r in rows if ({r.branch} | set(r.branches or [])) & set(branches)]
    series, this_week, last_week = [0] * stats.WEEKS, [], 0
    for row in rows:
        created = row.created_at.astimezone(zone)
        index = (stats.week_start(created) - first).days // 7
        if 0 <= index < stats.WEEKS:
            series[index] += 1
        if created >= start:
            this_week.append(row)
        elif start - timedelta(weeks=1) <= created < start - timedelta(weeks=1) + (now - start):
            last_week += 1
    themes = Counter(t for r in this_week for t in r.themes or [])
    staff = Counter(m for r in this_week for m in r.mentions or [])
    places = Counter(b for r in this_week
                     for b in sorted(({r.branch} | set(r.branches or [])) - {None}))
    return {
        "week_start": start.date().isoformat(), "praise": len(this_week),
        "praise_last_week_same_time": last_week, "change": len(this_week) - last_week,
        "series": series,
        "top_themes": [{"theme": t, "count": n} for t, n in themes.most_common(3)],
        "top_staff": [{"name": s, "count": n} for s, n in staff.most_common(3)],
        "top_branches": [{"branch": b, "count": n} for b, n in places.most_common(3)],
    }


def add(created: datetime, label="praise", status="approved", branch=None, places=(),
        themes=(), mentions=()):
    db.session().add(Item(
        source="gen", external_id=f"g{random.random()}", text="t", created_at=created,
        status=status, branch=branch,
        analysis=Analysis(lang="tr", sentiment=0.8, label=label, themes=list(themes),
                          mentions=list(mentions), branches=list(places), flags=[],
                          display_text="t")))


def populate(now: datetime, tz: str, seed: int = 8, n: int = 600) -> None:
    """Random items over 16 weeks, plus the edges: week boundaries, last week's
    "same time", the second after now, and rows of every label and status."""
    rnd = random.Random(seed)
    zone = ZoneInfo(tz)
    start = stats.week_start(now.astimezone(zone))
    edges = [start + timedelta(weeks=-k) for k in range(15)]
    edges += [e - timedelta(microseconds=1) for e in edges]
    same_time = start - timedelta(weeks=1) + (now.astimezone(zone) - start)
    edges += [same_time + timedelta(seconds=d) for d in (-1, 0, 1)]
    edges += [now + timedelta(seconds=d) for d in (-1, 0, 0.5, 1, 2)]
    moments = edges + [now - timedelta(seconds=rnd.uniform(0, 16 * 7 * 86400))
                       for _ in range(n)]
    for when in moments:
        branch, other = rnd.choice(BRANCHES + [None, None]), rnd.choice(BRANCHES)
        add(when.astimezone(UTC),
            label=rnd.choice(["praise"] * 4 + ["complaint", "neutral"]),
            status=rnd.choice(["approved"] * 3 + ["pending", "pinned", "rejected"]),
            branch=branch,
            places=rnd.choice([[], [other], sorted({branch, other} - {None}),
                               [branch] if branch else []]),
            themes=rnd.sample(THEMES, rnd.randint(0, 2)),
            mentions=rnd.sample(STAFF, rnd.randint(0, 2)))
    db.session().commit()


NOW = datetime(2024, 5, 15, 9, 30, tzinfo=UTC)  # a Wednesday morning


@pytest.mark.parametrize("tz, now", [
    ("Europe/Istanbul", NOW),
    ("Europe/Istanbul", datetime(2024, 5, 12, 21, 0, 1, tzinfo=UTC)),  # Monday 00:00:01 local
    ("Europe/Berlin", datetime(2024, 4, 3, 12, 0, tzinfo=UTC)),  # weeks across a DST change
    ("America/New_York", datetime(2024, 11, 10, 4, 59, 59, tzinfo=UTC)),  # Sat 23:59:59 after DST
])
def test_weekly_gives_the_numbers_of_a_plain_count(app, tz, now):
    populate(now, tz)
    for branches in (None, ["Kadıköy"], ["Beşiktaş", "Nilüfer"], ["Moda_1%"], ["Nowhere"]):
        got = stats.weekly(now, tz, branches)
        got.pop("complaints_resolved")
        assert got == straightforward(now, tz, branches), branches


def test_ties_go_to_what_came_first(app):
    for hours, theme in ((30, "speed"), (20, "price"), (10, "staff")):
        add(NOW - timedelta(hours=hours), themes=[theme])
    add(NOW - timedelta(hours=5), themes=["freshness", "freshness"])  # counted twice
    db.session().commit()
    week = stats.weekly(NOW, "Europe/Istanbul")
    assert week["top_themes"] == [{"theme": "freshness", "count": 2},
                                  {"theme": "speed", "count": 1},
                                  {"theme": "price", "count": 1}]
