"""Consent-first shout-outs: how the staff a customer names appear on public screens.

A roster member named in an item is shown, for that item, as they chose on their personal
page (`ShoutoutChoice`), else as they chose for every item (`StaffMember.shown_as`), else as
the company decided (`SHOUTOUT_DEFAULT`): the full name, the first name only, their team
("Kasa ekibimiz" / "the Kasa team") or not named at all ("bir çalışanımız" / "a
colleague"). An employee's name on a shared screen is personal data too (KVKK).

`public_face` applies the choice to an item's display fields, and `feed.display_item` calls
it, so every channel that shows an item (walls, widget, archive, huddle deck, digest,
posters) shows the same face. The customer's original and the analysis stay untouched.
The text itself is rewritten by kiosk.analysis.naming (Turkish case endings included).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import or_, select

from kiosk import audit, db
from kiosk.analysis.naming import CHOICES, Named, label, rewrite
from kiosk.analysis.text import key
from kiosk.caches import forget_cached_pages
from kiosk.models import (
    ON_SCREEN,
    Analysis,
    Channel,
    Item,
    ShoutoutChoice,
    StaffMember,
    Status,
)

DEFAULT = "full"
TOKEN_SALT = "shoutout"
TOKEN_MAX_AGE = 30 * 24 * 3600  # a link works 30 days; each new e-mail brings a new one


class LinkError(LookupError):
    """A personal link that is not valid (`expired` says whether it merely ran out)."""

    def __init__(self, message: str, expired: bool = False) -> None:
        super().__init__(message)
        self.expired = expired


# --- who is named, and how they chose to appear ---------------------------------------------

def company_default() -> str:
    value = str(current_app.config.get("SHOUTOUT_DEFAULT") or DEFAULT).strip().lower()
    return value if value in CHOICES else DEFAULT


def effective(item_choice: str | None, shown_as: str | None, default: str) -> str:
    """The item's own choice, else the person's default, else the company's."""
    for value in (item_choice, shown_as):
        if value in CHOICES:
            return value
    return default


@dataclass(frozen=True)
class _Roster:
    """Who can be named and what they chose, as this transaction sees it."""

    staff: dict[str, Named]  # by name, with their own default as `choice` ("" if none)
    choices: dict[tuple[int, int], str]  # (staff id, item id) → choice
    anyone_hidden: bool  # someone's default or an item's choice is not the full name


_SNAPSHOT = "kiosk.shoutouts"


def _roster() -> _Roster:
    """Loaded once per database transaction, so a playlist of 60 items costs two queries,
    not one per item. A transaction sees one state of the database anyway; every change
    here commits before anything is re-rendered, and a commit starts a new transaction."""
    session = db.session()
    cached = session.info.get(_SNAPSHOT)
    transaction = session.get_transaction()
    if cached is not None and transaction is not None and cached[0] is transaction:
        return cached[1]
    staff = {row.name: Named(row.name, row.shown_as or "", row.id, row.team, row.branch,
                             tuple(a for a in row.aliases or () if isinstance(a, str)))
             for row in session.execute(select(
                 StaffMember.id, StaffMember.name, StaffMember.team, StaffMember.branch,
                 StaffMember.aliases, StaffMember.shown_as))}
    choices = {(row.staff_id, row.item_id): row.choice for row in session.execute(
        select(ShoutoutChoice.staff_id, ShoutoutChoice.item_id, ShoutoutChoice.choice))}
    hidden = any(p.choice not in ("", "full") for p in staff.values()) or any(
        c != "full" for c in choices.values())
    snapshot = _Roster(staff, choices, hidden)
    session.info[_SNAPSHOT] = (session.get_transaction(), snapshot)
    return snapshot


def named_in(item: Item, viewer: int | None = None) -> list[Named]:
    """The people an item names (its analysis' mentions), in order, each with the choice in
    force for this item. `viewer` (a staff id) sees themselves by full name."""
    names = [n for n in dict.fromkeys((item.analysis.mentions or []) if item.analysis else [])
             if isinstance(n, str) and n.strip()]
    if not names:
        return []
    default, roster = company_default(), _roster()
    people = []
    for name in names:
        known = roster.staff.get(name)
        if known is None:  # no longer on the roster: the company's default, no team known
            people.append(Named(name, default))
            continue
        chosen = "full" if viewer == known.staff_id else effective(
            roster.choices.get((known.staff_id, item.id)), known.choice or None, default)
        people.append(Named(known.name, chosen, known.staff_id, known.team, known.branch,
                            known.aliases))
    return people


def everyone_shown_in_full() -> bool:
    """True in the usual case: nobody asked to appear otherwise than by full name."""
    return company_default() == "full" and not _roster().anyone_hidden


def teams_shown(item: Item) -> set[str]:
    """The teams an item may be found under: those of people who did not ask to be left
    unnamed (a team filter must not point at someone shown as "a colleague")."""
    return {p.team for p in named_in(item) if p.team and p.choice != "none"}


def public_face(item: Item, payload: dict, viewer: int | None = None) -> dict:
    """`payload` (feed.display_item's fields) with each named person shown as chosen: the
    text rewritten, and `mentions` holding what may be shown beside the quote."""
    if not (item.analysis and item.analysis.mentions) or everyone_shown_in_full():
        return payload  # the usual case: nobody asked to be shown otherwise
    people = named_in(item, viewer)
    if not people or all(p.choice == "full" for p in people):
        return payload
    ui = _lang(None)
    text_lang = _lang(payload.get("lang"))
    others = _other_full_names(people)
    payload["text"] = rewrite(payload["text"], people, text_lang, others)
    payload["mentions"] = list(dict.fromkeys(
        shown for p in people if (shown := label(p, ui)) is not None))
    return payload


def public_staff(item: Item, lang: str | None = None) -> list[dict]:
    """Who a poster thanks beside the quote: {name, team, branch} as each chose to appear
    (a team shout-out names the team once; "not named" leaves the person out)."""
    out, seen = [], set()
    for person in named_in(item):
        shown = label(person, _lang(lang))
        if shown is None or shown in seen:
            continue
        seen.add(shown)
        team = person.team if person.choice in ("full", "first") else None
        out.append({"name": shown, "team": team, "branch": person.branch})
    return out


def public_names(names: list[str]) -> dict[str, str | None]:
    """For counts across items (the wall's "thanked most"): each roster name as its owner
    appears by default (their own default, else the company's); None for "not named"."""
    if not names:
        return {}
    default, roster, ui = company_default(), _roster(), _lang(None)
    out: dict[str, str | None] = {}
    for name in names:
        known = roster.staff.get(name)
        person = Named(name, effective(None, known.choice if known else None, default),
                       team=known.team if known else None)
        out[name] = label(person, ui)
    return out


def _lang(lang: str | None) -> str:
    if lang in ("tr", "en"):
        return lang
    fallback = current_app.config.get("LANGUAGE") or "tr"
    return fallback if fallback in ("tr", "en") else "tr"


def _other_full_names(people: list[Named]) -> list[str]:
    """Other people's full names that begin like a hidden one: "Ayşe Kaya" must stay when
    "Ayşe" (Yılmaz) is hidden."""
    mentioned = {p.name for p in people}
    firsts = {key(p.first) for p in people if p.choice != "full"}
    return [n for n in _roster().staff if n not in mentioned and len(n.split()) > 1
            and key(n.split()[0]) in firsts]


# --- the personal page: links and choices ---------------------------------------------------

def _serializer(salt: str = TOKEN_SALT) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=salt)


def make_token(staff_id: int, item_id: int | None = None) -> str:
    """The credential in a personal link: signed, for one person, valid TOKEN_MAX_AGE."""
    return _serializer().dumps({"s": staff_id, "i": item_id})


def read_token(token: str, max_age: int = TOKEN_MAX_AGE) -> tuple[StaffMember, int | None]:
    """(the person, the item the link was sent about); LinkError for anything else."""
    try:
        data = _serializer().loads(token, max_age=max_age)
    except SignatureExpired:
        raise LinkError("this link has expired", expired=True) from None
    except BadSignature:
        raise LinkError("this link is not valid") from None
    staff_id = data.get("s") if isinstance(data, dict) else None
    item_id = data.get("i") if isinstance(data, dict) else None
    staff = db.session().get(StaffMember, staff_id) if isinstance(staff_id, int) else None
    if staff is None:
        raise LinkError("this link is for someone no longer on the roster")
    return staff, item_id if isinstance(item_id, int) else None


def items_about(staff: StaffMember, now: datetime, days: int, first: int | None = None,
                limit: int = 30) -> list[Item]:
    """Items on the walls naming this person in the last `days` days, newest first, the
    item the link was about first of all."""
    since = now - timedelta(days=days)
    query = (select(Item).join(Analysis)
             .where(Item.status.in_(ON_SCREEN), Item.recalled_at.is_(None),
                    Item.complaint_status.is_(None), Item.created_at >= since)
             .order_by(Item.created_at.desc(), Item.id.desc()))
    items = [i for i in db.session().scalars(query).unique()
             if staff.name in (i.analysis.mentions or [])]
    items.sort(key=lambda i: i.id != first)
    return items[:limit]


def item_choices(staff: StaffMember, item_ids: list[int]) -> dict[int, str]:
    if not item_ids:
        return {}
    return {row.item_id: row.choice for row in db.session().execute(
        select(ShoutoutChoice.item_id, ShoutoutChoice.choice)
        .where(ShoutoutChoice.staff_id == staff.id, ShoutoutChoice.item_id.in_(item_ids)))}


def save_choices(staff: StaffMember, default: str | None, per_item: dict[int, str],
                 actor: str = "personal link") -> list[Item]:
    """Store how the person appears by default and per item ("default": as by default),
    audited; then every channel showing an affected item hears `item_updated` at once.
    Returns the items re-sent. `default` None keeps it; "company" hands it back to the
    company's default."""
    session = db.session()
    if default is not None and default not in (*CHOICES, "company"):
        raise ValueError(f"a default is one of {', '.join(CHOICES)} or company, not {default!r}")
    for choice in per_item.values():
        if choice not in (*CHOICES, "default"):
            raise ValueError(f"a choice is one of {', '.join(CHOICES)} or default, "
                             f"not {choice!r}")
    mine = {i.id for i in session.scalars(select(Item).where(Item.id.in_(list(per_item))))
            .unique() if staff.name in ((i.analysis.mentions if i.analysis else None) or [])}
    existing = {c.item_id: c for c in session.scalars(select(ShoutoutChoice).where(
        ShoutoutChoice.staff_id == staff.id, ShoutoutChoice.item_id.in_(list(mine))))}
    before = {"default": staff.shown_as,
              "items": {str(k): c.choice for k, c in sorted(existing.items())}}
    now = datetime.now(UTC)
    if default is not None:
        staff.shown_as = None if default == "company" else default
    for item_id in sorted(mine):  # only items that name this person
        choice, row = per_item[item_id], existing.get(item_id)
        if choice == "default":
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(ShoutoutChoice(staff_id=staff.id, item_id=item_id, choice=choice,
                                       updated_at=now))
        elif row.choice != choice:
            row.choice, row.updated_at = choice, now
    after = {"default": staff.shown_as,
             "items": {**before["items"], **{str(k): per_item[k] for k in sorted(mine)}}}
    after["items"] = {k: v for k, v in after["items"].items() if v != "default"}
    if after == before:
        session.rollback()
        return []
    audit.record(actor, "shoutout.choose", f"staff:{staff.id}", before, after)
    session.commit()
    changed = {int(k) for k in set(before["items"]) ^ set(after["items"])} | {
        int(k) for k in set(before["items"]) & set(after["items"])
        if before["items"][k] != after["items"][k]}
    return announce(staff, None if before["default"] != after["default"] else changed)


def announce(staff: StaffMember, item_ids=None) -> list[Item]:
    """Re-send the items naming `staff` (all, or those ids) to every channel showing them."""
    from kiosk import feed, live

    cfg = current_app.config
    now = datetime.now(UTC)
    session = db.session()
    query = select(Item).join(Analysis).where(Item.status.in_(ON_SCREEN),
                                              Item.recalled_at.is_(None))
    if item_ids is not None:
        query = query.where(Item.id.in_(list(item_ids)))
    else:  # what a playlist can still carry
        query = query.where(or_(Item.status == Status.PINNED.value, Item.created_at >= now
                                - timedelta(days=cfg["FEED_MAX_AGE_DAYS"])))
    items = [i for i in session.scalars(query).unique()
             if staff.name in (i.analysis.mentions or [])]
    forget_cached_pages()
    channels = list(session.scalars(select(Channel)))
    for item in items:
        shown = feed.channels_showing(item, now, cfg["FEED_MAX_AGE_DAYS"], channels)
        if shown:
            live.publish_item_change(item, shown, shown)
    live.publish_stats()  # the wall's "thanked most" names people as they chose
    return items
