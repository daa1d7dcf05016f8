"""Personal data: who a person is, and erasing them on request. (Exporting what is kept about
them: kiosk.personal_export; a staff member leaving: kiosk.staff_removal; ageing data out:
kiosk.retention.)

Who "the person" is (erase and export use the same rule, so an export shows exactly what an
erasure would remove):
- their items: `Item.author` equal to the handle, or to their e-mail address, compared
  without case and without a leading "@" ("@Zeynep_K" = "zeynep_k"). Whole values only:
  "ali" never matches "Alice". With a source, only that source's items.
- other people's items that name them: an @mention of the handle ("@zeynep_k", not
  "@zeynep_kaya") or their e-mail address in the text. Those items are someone else's words
  and stay; the handle and address are masked in them.
- by e-mail address: digest subscriptions and the record of digests sent to it.

The erasure's own audit entry holds no personal data: counts and a random erase id, nothing
derived from the handle (a hash of a handle can be recomputed by anyone who guesses it). The
erase id is what a company's request register keeps next to the request.
"""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from flask import current_app
from sqlalchemy import delete, func, or_, select, update

from kiosk import audit, db, feed, learning, live
from kiosk.analysis.text import lower_tr, normalise
from kiosk.caches import forget_cached_pages
from kiosk.models import (
    Announcement,
    AuditEntry,
    Channel,
    Decision,
    DigestSend,
    Item,
    Poster,
    Screen,
    Setting,
    Subscription,
    Suggestion,
)

ERASED = "[erased]"
CHUNK = 500
TEXT_FIELDS = ("text", "author", "url", "edited_text", "display_text", "display_author")
_PERSON_KEYS = frozenset({"author", "email", "address", "blocked_authors", "to", "name"})
_EMAIL_MASK = {"tr": "[e-posta]", "en": "[e-mail]"}


class PrivacyError(ValueError):
    """A request that cannot be carried out; the message says why."""


def fold(value: str | None) -> str:
    """How values are compared: lowercase (I, ı, İ and i alike), single spaces, no '@'."""
    return " ".join(lower_tr(normalise(value or "")).replace("ı", "i").split()).lstrip("@")


def confirms(typed: str | None, handle: str | None) -> bool:
    """Did someone type the handle again (as the console asks before erasing)?"""
    return bool(fold(handle)) and fold(typed) == fold(handle)


@dataclass(frozen=True)
class Subject:
    """The person a request is about."""

    handle: str
    email: str | None = None
    source: str | None = None

    @classmethod
    def of(cls, handle: str | None, email: str | None = None,
           source: str | None = None) -> Subject:
        folded, address = fold(handle), fold(email) or None
        if not folded and not address:
            raise PrivacyError("give the author's handle or name (and their e-mail address "
                               "if known)")
        if address and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", address):
            raise PrivacyError(f"{email.strip()!r} is not an e-mail address")
        if address is None and re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", folded):
            address = folded  # the handle given is an address: it is their e-mail too
        return cls(folded or address, address, (source or "").strip() or None)

    def is_them(self, value: str | None) -> bool:
        folded = fold(value)
        return bool(folded) and folded in {self.handle, self.email}

    def _patterns(self) -> list[tuple[re.Pattern, str]]:
        found = []
        if re.fullmatch(r"[\w.]+", self.handle):
            found.append((re.compile(r"(?<![\w@.])@" + re.escape(self.handle)
                                     + r"(?!\w|\.\w)", re.IGNORECASE), "handle"))
        if self.email:
            found.append((re.compile(r"(?<![\w.+-])" + re.escape(self.email)
                                     + r"(?![\w-]|\.\w)", re.IGNORECASE), "email"))
        return found

    def named_in(self, text: str | None) -> bool:
        return bool(text) and any(p.search(text) for p, _ in self._patterns())

    def mask(self, text: str | None, lang: str | None = None) -> str | None:
        """The text with their @mentions and address masked as screens mask them."""
        if not text:
            return text
        for pattern, kind in self._patterns():
            text = pattern.sub("@…" if kind == "handle" else
                               _EMAIL_MASK.get(lang or "", _EMAIL_MASK["en"]), text)
        return text


# --- erasure ------------------------------------------------------------------------------

@dataclass
class ErasureReport:
    erase_id: str | None = None  # None for a preview
    items: int = 0  # their items, deleted with their analyses
    decisions: int = 0  # curators' decisions on those items (training labels)
    posters: int = 0  # poster records unlinked from those items
    mentions: int = 0  # other people's items their handle or address was masked in
    subscriptions: int = 0
    digest_sends: int = 0
    audit_entries: int = 0  # audit entries their data was scrubbed from
    block_lists: int = 0  # settings (the rules' blocked authors) they were taken out of
    channels: int = 0  # channels told to drop or update an item now

    def counts(self) -> dict[str, int]:
        return {k: v for k, v in asdict(self).items() if k != "erase_id"}


def preview_erasure(handle: str | None, email: str | None = None,
                    source: str | None = None) -> ErasureReport:
    """What `erase_author` would remove, counted; nothing is changed."""
    return _erase(Subject.of(handle, email, source), "preview", apply=False)


def erase_author(handle: str | None, actor: str, email: str | None = None,
                 source: str | None = None) -> ErasureReport:
    """Erase everything stored about one person (see the module's rule), and say so on the
    screens at once. The audit entry holds counts and a random erase id, nothing personal."""
    return _erase(Subject.of(handle, email, source), actor, apply=True)


def _erase(subject: Subject, actor: str, apply: bool) -> ErasureReport:
    session = db.session()
    report = ErasureReport(erase_id=secrets.token_hex(8) if apply else None)
    if apply:
        secure_delete(session)
    own_ids, named_ids = find_items(subject)
    now = datetime.now(UTC)
    channels = list(session.scalars(select(Channel)))
    max_age = current_app.config["FEED_MAX_AGE_DAYS"]

    removed: list[tuple[Item, set[int]]] = []
    texts: set[str] = set()
    for ids in chunks(own_ids):
        for item in session.scalars(select(Item).where(Item.id.in_(ids))).unique():
            removed.append((item, feed.channels_showing(item, now, max_age, channels)))
            texts |= {t for t in (item.text, item.edited_text,
                                  item.analysis.display_text if item.analysis else None) if t}
    for ids in chunks(own_ids):
        report.decisions += _count(Decision, Decision.item_id.in_(ids))
        report.posters += _count(Poster, Poster.item_id.in_(ids))
        session.execute(delete(Decision).where(Decision.item_id.in_(ids)))
        session.execute(update(Poster).where(Poster.item_id.in_(ids)).values(item_id=None))
        session.execute(update(Screen).where(Screen.current_item_id.in_(ids))
                        .values(current_item_id=None))
    report.audit_entries = _scrub_audit(subject, {f"item:{i}" for i in own_ids}, texts)
    report.block_lists = _scrub_settings(subject, texts)

    changed: list[tuple[Item, set[int]]] = []
    for ids in chunks(named_ids):
        for item in session.scalars(select(Item).where(Item.id.in_(ids))).unique():
            before = feed.channels_showing(item, now, max_age, channels)
            lang = item.analysis.lang if item.analysis else item.lang
            item.text = subject.mask(item.text, lang)
            item.edited_text = subject.mask(item.edited_text, lang)
            if item.analysis is not None:
                item.analysis.display_text = subject.mask(item.analysis.display_text, lang)
            changed.append((item, before))
    report.mentions = len(changed)
    for row in session.scalars(select(Announcement)):
        row.text = subject.mask(row.text)
    for row in session.scalars(select(Suggestion)):
        row.text = subject.mask(row.text)

    if subject.email:
        address = func.lower(func.trim(Subscription.email)) == subject.email
        report.subscriptions = _count(Subscription, address)
        session.execute(delete(Subscription).where(address))
        sent_to = func.lower(func.trim(DigestSend.address)) == subject.email
        report.digest_sends = _count(DigestSend, sent_to)
        session.execute(delete(DigestSend).where(sent_to))

    for item, _shown in removed:
        session.delete(item)  # its Analysis goes with it (cascade)
    learning.forget_items([item.id for item, _shown in removed])  # stored models' item lists
    report.items = len(removed)
    report.channels = len({c for _i, shown in removed for c in shown}
                          | {c for i, before in changed for c in before})
    if not apply:
        session.rollback()
        return report
    audit.record(actor, "privacy.erase", f"erasure:{report.erase_id}", None,
                 {"erase_id": report.erase_id, **report.counts(),
                  "source": subject.source, "email_given": subject.email is not None})
    session.commit()
    wipe_freed_pages()
    forget_cached_pages()
    for item, shown in removed:
        if shown:
            live.publish_item_change(item, shown, set())
    for item, before in changed:
        after = feed.channels_showing(item, datetime.now(UTC), max_age)
        if before or after:
            live.publish_item_change(item, before, after)
    if any(shown for _i, shown in removed):
        live.publish_stats()
    return report


def find_items(subject: Subject) -> tuple[list[int], list[int]]:
    """(their items, other items naming them): read in Python, since SQL cannot fold case
    the Turkish way portably."""
    query = select(Item.id, Item.source, Item.author, Item.text, Item.edited_text)
    if subject.source:
        query = query.where(Item.source == subject.source)
    own, named = [], []
    for row in db.session().execute(query.execution_options(yield_per=1000)):
        if subject.is_them(row.author):
            own.append(row.id)
        elif subject.named_in(row.text) or subject.named_in(row.edited_text):
            named.append(row.id)
    return own, named


def _scrub_value(value: Any, subject: Subject, texts: set[str], whole: bool = False,
                 name: str | None = None):
    """`value` with the person's data replaced; `whole` erases every text field outright.

    A value equal to the handle is theirs only under a key that holds people (`author`,
    `email`, a block list): a handle such as "approved" must not erase every status."""
    if isinstance(value, dict):
        return {k: (ERASED if whole and k in TEXT_FIELDS and v is not None
                    else _scrub_value(v, subject, texts, name=k)) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub_value(v, subject, texts, name=name) for v in value]
    if isinstance(value, str):
        if (name in _PERSON_KEYS and subject.is_them(value)) or value.strip() in texts or any(
                len(t) >= 12 and t in value for t in texts):
            return ERASED
        return subject.mask(value)
    return value


def _scrub_audit(subject: Subject, own_targets: set[str], texts: set[str]) -> int:
    """Audit entries keep who did what; the person's text, handle and address leave them."""
    scrubbed = 0
    query = select(AuditEntry).where(or_(AuditEntry.before.is_not(None),
                                         AuditEntry.after.is_not(None)))
    for entry in db.session().scalars(query.execution_options(yield_per=1000)):
        whole = entry.target in own_targets
        before = _scrub_value(entry.before, subject, texts, whole)
        after = _scrub_value(entry.after, subject, texts, whole)
        if _dumps(before) != _dumps(entry.before) or _dumps(after) != _dumps(entry.after):
            entry.before, entry.after = before, after
            scrubbed += 1
    return scrubbed


def _scrub_settings(subject: Subject, texts: set[str]) -> int:
    """Out of the rules' blocked authors (the rule stops applying to them) and any setting."""
    changed = 0
    for row in db.session().scalars(select(Setting)):
        value = dict(row.value or {})
        if isinstance(value.get("blocked_authors"), list):
            value["blocked_authors"] = [a for a in value["blocked_authors"]
                                        if not subject.is_them(a)]
        value = _scrub_value(value, subject, texts)
        if _dumps(value) != _dumps(row.value):
            row.value = value
            changed += 1
    return changed


# --- helpers ------------------------------------------------------------------------------

def chunks(ids: list[int]):
    for start in range(0, len(ids), CHUNK):
        yield ids[start:start + CHUNK]


def _count(model, condition) -> int:
    return db.session().scalar(select(func.count()).select_from(model).where(condition)) or 0


def _dumps(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def secure_delete(session) -> None:
    """SQLite keeps deleted text in free pages until they are reused; this connection
    overwrites them with zeros instead (set before the transaction's first write)."""
    if session.get_bind().dialect.name == "sqlite":
        session.connection().exec_driver_sql("PRAGMA secure_delete=ON")


def wipe_freed_pages() -> None:
    """Move the WAL into the database file and empty it, so the old pages (with the
    erased text) are not left in the -wal file. Best effort: a reader holding an old
    snapshot lets SQLite finish it at the next checkpoint instead."""
    engine = db.engine()
    if engine.dialect.name != "sqlite":
        return  # PostgreSQL: dead rows go at the next (auto)vacuum; see docs/privacy.md
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
