"""'You said, we fixed': complaint themes the teams resolved, for the wall.

A theme earns a slide when at least FIXED_MIN_RESOLVED of its complaints were resolved in
the last FIXED_DAYS days and more of them are resolved than still open. The slide carries
counts only: the theme's label (the taxonomy's, written by the company), the team that
owns it (ComplaintOwner), how many were resolved, how many were raised, and the median
time to first contact. Never a complaint's text or author, and never a discovered
cluster, whose name is made of the customers' own words.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from datetime import datetime, timedelta

from sqlalchemy import or_, select

from kiosk import db
from kiosk.models import ON_SCREEN, Analysis, ComplaintOwner, Item

MAX_THEMES = 5  # slides in turn; more would never come round in a day's rotation


def _rows(since: datetime):
    """Complaints resolved since `since`, and complaints raised since then (any status)."""
    columns = (Item.id, Item.branch, Item.status, Item.created_at, Item.contacted_at,
               Item.resolved_at, Item.complaint_status, Analysis.label, Analysis.themes,
               Analysis.branches)
    query = (select(*columns).join(Analysis)
             .where(or_(Item.resolved_at >= since, Item.created_at >= since))
             .where(or_(Analysis.label == "complaint", Item.complaint_status.is_not(None))))
    return db.session().execute(query).all()


def wall_themes(now: datetime, days: int, min_resolved: int, labels: dict[str, str],
                branches: list[str] | None = None) -> list[dict]:
    """The themes a wall may thank the teams for, most resolved first.

    `labels` maps the taxonomy's slugs to their names in the wall's language; a complaint
    counts for each of its themes. With `branches`, only those branches' complaints."""
    since = now - timedelta(days=days)
    wanted = set(branches or [])
    resolved: dict[str, list] = defaultdict(list)
    raised: dict[str, int] = defaultdict(int)
    for row in _rows(since):
        if row.complaint_status is None and row.status in ON_SCREEN:
            continue  # a person put it on a wall as praise: not a complaint after all
        if wanted and not ({row.branch} | set(row.branches or [])) & wanted:
            continue
        fixed = row.complaint_status == "resolved" and row.resolved_at is not None \
            and row.resolved_at >= since
        if not fixed and row.created_at < since:
            continue
        for slug in {s for s in (row.themes or []) if s in labels}:
            raised[slug] += 1  # raised in the window, or older and resolved in it
            if fixed:
                resolved[slug].append(row)
    owners = {o.group_key: o.team for o in db.session().scalars(
        select(ComplaintOwner).where(ComplaintOwner.group_key.in_(list(resolved))))}
    out = []
    for slug, rows in resolved.items():
        total = raised[slug]
        still_open = total - len(rows)
        if len(rows) < min_resolved or len(rows) <= still_open:
            continue
        waits = [max(0.0, (r.contacted_at - r.created_at).total_seconds())
                 for r in rows if r.contacted_at is not None]
        out.append({"theme": slug, "label": labels[slug], "team": owners.get(slug),
                    "resolved": len(rows), "raised": total,
                    "median_first_contact": round(statistics.median(waits)) if waits else None,
                    "days": days})
    out.sort(key=lambda t: (-t["resolved"], t["label"]))
    return out[:MAX_THEMES]
