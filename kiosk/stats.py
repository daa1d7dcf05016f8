"""Weekly numbers for the wall, the huddle deck and the digest (read-only queries).

Weeks are Monday to Sunday in the company's time zone (KIOSK_TIMEZONE). "This week" is
compared with the same stretch of last week, so a Tuesday morning is not measured
against a whole week.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from kiosk import db
from kiosk.models import Analysis, Item, Status

WEEKS = 14


def week_start(now: datetime) -> datetime:
    """Monday 00:00 of `now`'s week, in `now`'s zone."""
    local = now.replace(hour=0, minute=0, second=0, microsecond=0)
    return local - timedelta(days=local.weekday())


def _praise_rows(since: datetime, until: datetime, branches: list[str] | None = None):
    query = (select(Item.created_at, Item.branch, Analysis.themes, Analysis.mentions,
                    Analysis.branches)
             .join(Analysis)
             .where(Analysis.label == "praise", Item.status != Status.REJECTED.value,
                    Item.created_at >= since, Item.created_at < until))
    rows = db.session().execute(query).all()
    if branches:
        wanted = set(branches)
        rows = [r for r in rows if ({r.branch} | set(r.branches or [])) & wanted]
    return rows


def weekly(now: datetime, tz: str, branches: list[str] | None = None) -> dict:
    """This week's praise, the change from last week, 14 weeks of counts, and who and
    what customers thanked most."""
    now = now.astimezone(ZoneInfo(tz))
    start = week_start(now)
    first = start - timedelta(weeks=WEEKS - 1)
    rows = _praise_rows(first, now + timedelta(seconds=1), branches)
    series = [0] * WEEKS
    this_week: list = []
    last_week_so_far = 0
    elapsed = now - start
    for row in rows:
        created = row.created_at.astimezone(ZoneInfo(tz))
        index = (week_start(created) - first).days // 7
        if 0 <= index < WEEKS:
            series[index] += 1
        if created >= start:
            this_week.append(row)
        elif start - timedelta(weeks=1) <= created < start - timedelta(weeks=1) + elapsed:
            last_week_so_far += 1
    themes = Counter(t for r in this_week for t in (r.themes or []))
    staff = Counter(m for r in this_week for m in (r.mentions or []))
    places = Counter(b for r in this_week
                     for b in ({r.branch} | set(r.branches or [])) - {None})
    return {
        "week_start": start.date().isoformat(),
        "praise": len(this_week),
        "praise_last_week_same_time": last_week_so_far,
        "change": len(this_week) - last_week_so_far,
        "series": series,
        "top_themes": [{"theme": t, "count": n} for t, n in themes.most_common(3)],
        "top_staff": [{"name": s, "count": n} for s, n in staff.most_common(3)],
        "top_branches": [{"branch": b, "count": n} for b, n in places.most_common(3)],
        "complaints_resolved": None,  # complaint handling arrives with the complaints inbox
    }


def sparkline_points(series: list[int], width: int = 280, height: int = 60) -> str:
    """SVG polyline points for a series, scaled to the box (for server-rendered pages)."""
    if not series:
        return ""
    top = max(series) or 1
    step = width / max(len(series) - 1, 1)
    return " ".join(f"{i * step:.1f},{height - (v / top) * (height - 4) - 2:.1f}"
                    for i, v in enumerate(series))
