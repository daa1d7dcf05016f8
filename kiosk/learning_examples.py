"""The labelled examples Kiosk's curators make, for the curators' own praise model
(kiosk/learning.py).

Every decision a person makes about an item is a labelled example (approved or pinned:
praise; rejected or recalled: not, with the reason given), and so is an auto-approval nobody
took down within SETTLE. Examples are not copied anywhere: they are read live from the items,
analyses and decisions, so erasing an item (its decisions cascade) erases its example, and
the next model never sees it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from flask import current_app
from sqlalchemy import func, select

from kiosk import db
from kiosk.analysis import linear
from kiosk.models import ON_SCREEN, Analysis, Decision, Item, Status

SETTLE = timedelta(days=3)  # an auto-approval nobody took down in this time counts as praise


@dataclass
class Example:
    item: Item  # read live; the example is gone when the item is
    praise: bool
    kind: str  # approve | pin | reject | recall | auto
    reason: str | None
    actor: str
    at: datetime
    embarrassment: bool = False  # the rules put it up, a person took it down

    @property
    def lang(self) -> str:
        return self.item.analysis.lang


def examples(lang: str | None = None, now: datetime | None = None,
             limit: int | None = None) -> list[Example]:
    """Labelled examples in the order their items arrived (the `limit` most recently
    decided when given)."""
    session = db.session()
    now = now or datetime.now(UTC)
    by_person = ~Decision.actor.startswith("rule:")
    query = select(Decision).where(by_person).order_by(Decision.id)
    if lang:
        query = query.join(Analysis, Analysis.item_id == Decision.item_id) \
            .where(Analysis.lang == lang)
    if limit:  # only the items decided last: the "why" asks on every focused card
        recent = select(Decision.item_id).where(by_person).group_by(Decision.item_id) \
            .order_by(func.max(Decision.id).desc()).limit(limit)
        if lang:
            recent = recent.join(Analysis, Analysis.item_id == Decision.item_id) \
                .where(Analysis.lang == lang)
        query = query.where(Decision.item_id.in_(recent.scalar_subquery()))
    human: dict[int, list[Decision]] = {}
    for decision in session.scalars(query):
        human.setdefault(decision.item_id, []).append(decision)
    settled = select(Item).join(Analysis).where(
        Item.status == Status.APPROVED.value, Item.decided_by == _rule_actor(),
        Item.decided_at <= now - SETTLE)
    if lang:
        settled = settled.where(Analysis.lang == lang)
    if limit:
        settled = settled.order_by(Item.id.desc()).limit(limit)
    out: list[Example] = []
    for item in session.scalars(settled).unique():
        if item.id not in human:
            out.append(Example(item, True, "auto", None, item.decided_by, item.decided_at))
    ids = list(human)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for item in session.scalars(select(Item).where(Item.id.in_(chunk))).unique():
            if item.analysis is None or item.status == Status.PENDING.value:
                continue  # undone: nobody's decision stands
            made = human[item.id]
            last = made[-1]
            praise = item.status in ON_SCREEN
            kind = {"approved": "approve", "pinned": "pin"}.get(
                item.status, "recall" if item.recalled_at else "reject")
            out.append(Example(
                item, praise, kind, None if praise else last.reason or "other", last.actor,
                last.at, embarrassment=not praise and made[0].before in ON_SCREEN
                and made[0].after == Status.REJECTED.value))
    out.sort(key=lambda e: (e.item.ingested_at, e.item.id))
    return out[-limit:] if limit else out


def vector(text: str, lang: str, rating: int | None) -> tuple:
    cfg = current_app.config
    return linear.vector(text, lang, rating, cfg["PRAISE_THRESHOLD"], cfg["COMPLAINT_THRESHOLD"])


def _rule_actor() -> str:
    from kiosk.rules import RULE_ACTOR

    return RULE_ACTOR
