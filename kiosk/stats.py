"""Weekly numbers for the wall, the huddle deck and the digest (read-only queries).

Weeks are Monday to Sunday in the company's time zone (KIOSK_TIMEZONE). "This week" is
compared with the same stretch of last week, so a Tuesday morning is not measured
against a whole week.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Text, case, cast, func, or_, select

from kiosk import db, shoutouts
from kiosk.models import Analysis, Item, Status

WEEKS = 14


def week_start(now: datetime) -> datetime:
    """Monday 00:00 of `now`'s week, in `now`'s zone."""
    local = now.replace(hour=0, minute=0, second=0, microsecond=0)
    return local - timedelta(days=local.weekday())


def _praise(since: datetime, until: datetime) -> tuple:
    """Praise not rejected, created in [since, until).

    The label is compared through coalesce() so that SQLite drives the query by the
    created_at range (migration 0006's covering index) instead of the label index, which
    matches about half of all items."""
    return (func.coalesce(Analysis.label, "") == "praise",
            Item.status != Status.REJECTED.value,
            Item.created_at >= since, Item.created_at < until)


def _about_branches(branches: list[str]):
    """A superset, in SQL, of the rows about these branches: the item's branch, or the
    name as a JSON string in the analysis' branches. The exact test is `_is_about`."""
    text = cast(Analysis.branches, Text)
    terms = [Item.branch.in_(branches)]
    for name in branches:
        for quoted in {json.dumps(name), json.dumps(name, ensure_ascii=False)}:
            terms.append(text.contains(quoted, autoescape=True))
    return or_(*terms)


def _is_about(branch: str | None, places: list, wanted: set[str]) -> bool:
    return bool(({branch} | set(places or [])) & wanted)


class _JSONLists(dict):
    """Decodes each distinct JSON text once (grouped rows repeat the same few lists)."""

    def __missing__(self, text):
        value = self[text] = (json.loads(text) if text else None) or []
        return value


def _series(first: datetime, start: datetime, now: datetime, until: datetime,
            branches: list[str] | None) -> tuple[list[int], int]:
    """Praise per week for WEEKS weeks, and last week's up to this week's weekday and time.

    Counted in SQL: each row gets its week's number from a CASE over the week
    boundaries (Mondays 00:00 in the company's zone, as instants), last week split at
    "the same time"; only (week, count) rows, or with `branches` (week, branch,
    branches, count) groups, come back."""
    last_week = start - timedelta(weeks=1)
    same_time = last_week + (now - start)  # wall-clock arithmetic in the company's zone
    whens = [(Item.created_at < first + timedelta(weeks=k), k - 1) for k in range(1, WEEKS - 1)]
    whens += [(Item.created_at < same_time, -1), (Item.created_at < start, WEEKS - 2)]
    week = case(*whens, else_=WEEKS - 1).label("week")
    columns = [week]
    if branches:
        columns += [Item.branch.label("branch"), cast(Analysis.branches, Text).label("places")]
    rows = select(*columns).join_from(Item, Analysis).where(*_praise(first, until))
    if branches:
        rows = rows.where(_about_branches(branches))
    # Grouped outside a subquery: PostgreSQL would not match a GROUP BY on the CASE with
    # its bound parameters to the selected one.
    rows = rows.subquery()
    keys = [rows.c.week] + ([rows.c.branch, rows.c.places] if branches else [])
    series, last_week_so_far = [0] * WEEKS, 0
    lists, wanted = _JSONLists(), set(branches or [])
    for index, *group, count in db.session().execute(
            select(*keys, func.count()).group_by(*keys)):
        if branches and not _is_about(group[0], lists[group[1]], wanted):
            continue
        if index == -1:
            last_week_so_far += count
            index = WEEKS - 2
        series[index] += count
    return series, last_week_so_far


def _this_week(since: datetime, until: datetime, branches: list[str] | None) -> list[tuple]:
    """(count, branch, branches, themes, mentions) of this week's praise, grouped; groups
    in the order of their first item, so ties in the top lists go to what came first."""
    places, themes, mentions = (cast(c, Text) for c in
                                (Analysis.branches, Analysis.themes, Analysis.mentions))
    query = (select(func.count(), Item.branch, places, themes, mentions)
             .join_from(Item, Analysis).where(*_praise(since, until))
             .group_by(Item.branch, places, themes, mentions)
             .order_by(func.min(Item.created_at), func.min(Item.id)))
    if branches:
        query = query.where(_about_branches(branches))
    lists, wanted, out = _JSONLists(), set(branches or []), []
    for count, branch, item_places, item_themes, item_mentions in db.session().execute(query):
        if branches and not _is_about(branch, lists[item_places], wanted):
            continue
        out.append((count, branch, lists[item_places], lists[item_themes],
                    lists[item_mentions]))
    return out


def weekly(now: datetime, tz: str, branches: list[str] | None = None) -> dict:
    """This week's praise, the change from last week, 14 weeks of counts, and who and
    what customers thanked most."""
    now = now.astimezone(ZoneInfo(tz))
    start = week_start(now)
    first = start - timedelta(weeks=WEEKS - 1)
    until = now + timedelta(seconds=1)
    series, last_week_so_far = _series(first, start, now, until, branches)
    themes: Counter = Counter()
    staff: Counter = Counter()
    places: Counter = Counter()
    praise = 0
    for count, branch, item_places, item_themes, item_mentions in _this_week(start, until,
                                                                             branches):
        praise += count
        for theme in item_themes:
            themes[theme] += count
        for name in item_mentions:
            staff[name] += count
        for place in sorted(({branch} | set(item_places)) - {None}):
            places[place] += count
    return {
        "week_start": start.date().isoformat(),
        "praise": praise,
        "praise_last_week_same_time": last_week_so_far,
        "change": praise - last_week_so_far,
        "series": series,
        "top_themes": [{"theme": t, "count": n} for t, n in themes.most_common(3)],
        "top_staff": [{"name": s, "count": n} for s, n in _as_shown(staff).most_common(3)],
        "top_branches": [{"branch": b, "count": n} for b, n in places.most_common(3)],
        "complaints_resolved": complaints_resolved(start, now + timedelta(seconds=1),
                                                   branches),
    }


def _as_shown(staff: Counter) -> Counter:
    """Counts by the name each person shows on screens by default (shoutouts.py): a first
    name, a team, or nobody for someone who chose not to be named."""
    shown = shoutouts.public_names(list(staff))
    out: Counter = Counter()
    for name, count in staff.items():  # insertion order: ties still go to who came first
        if shown.get(name):
            out[shown[name]] += count
    return out


def complaints_resolved(since: datetime, until: datetime,
                        branches: list[str] | None = None) -> int:
    """Complaints marked resolved between the two times (the inbox's resolved_at), for the
    wall's "complaints resolved this week"; with `branches`, only theirs."""
    query = (select(Item.branch, Analysis.branches).join(Analysis)
             .where(Item.resolved_at >= since, Item.resolved_at < until))
    rows = db.session().execute(query).all()
    if branches:
        wanted = set(branches)
        rows = [r for r in rows if ({r.branch} | set(r.branches or [])) & wanted]
    return len(rows)


def sparkline_points(series: list[int], width: int = 280, height: int = 60) -> str:
    """SVG polyline points for a series, scaled to the box (for server-rendered pages)."""
    if not series:
        return ""
    top = max(series) or 1
    step = width / max(len(series) - 1, 1)
    return " ".join(f"{i * step:.1f},{height - (v / top) * (height - 4) - 2:.1f}"
                    for i, v in enumerate(series))
