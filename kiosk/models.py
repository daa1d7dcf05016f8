"""Typed SQLAlchemy models. Behaviour lives in the domain modules, not here."""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator):
    """Stores aware datetimes as UTC and gives them back aware (SQLite forgets the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None:
            if value.tzinfo is None:
                raise ValueError("naive datetime given to a UTC column")
            value = value.astimezone(UTC)
        return value

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime, dict[str, Any]: JSON, list[Any]: JSON}


class Status(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    PINNED = "pinned"
    REJECTED = "rejected"


ON_SCREEN = (Status.APPROVED.value, Status.PINNED.value)


class Role(enum.StrEnum):
    ADMIN = "admin"
    CURATOR = "curator"


class Item(Base):
    """One piece of customer feedback: the original as received, and its curation state."""

    __tablename__ = "items"
    __table_args__ = (
        UniqueConstraint("source", "external_id", name="uq_items_source_external"),
        # Weekly stats count 14 weeks of items from this index alone (migration 0006).
        Index("ix_items_created_status_branch", "created_at", "status", "branch"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(100), index=True)
    external_id: Mapped[str] = mapped_column(String(255))
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(String(255))
    url: Mapped[str | None] = mapped_column(String(2048))
    created_at: Mapped[datetime] = mapped_column(index=True)
    rating: Mapped[int | None] = mapped_column(Integer)
    branch: Mapped[str | None] = mapped_column(String(120), index=True)
    lang: Mapped[str | None] = mapped_column(String(8))
    ingested_at: Mapped[datetime] = mapped_column(default=utcnow)

    status: Mapped[str] = mapped_column(String(16), default=Status.PENDING.value, index=True)
    decided_by: Mapped[str | None] = mapped_column(String(80))  # username, or "rule:<name>"
    decided_at: Mapped[datetime | None]
    edited_text: Mapped[str | None] = mapped_column(Text)  # a curator's edit; original kept
    expires_at: Mapped[datetime | None]
    # Complaints only: new → contacted → resolved, and when (time to first contact).
    complaint_status: Mapped[str | None] = mapped_column(String(16), index=True)
    contacted_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None] = mapped_column(index=True)
    handled_by: Mapped[str | None] = mapped_column(String(80))
    # One-key recall: pulled from every channel at once (and from digests, posters to print).
    recalled_at: Mapped[datetime | None]
    recalled_by: Mapped[str | None] = mapped_column(String(80))

    analysis: Mapped[Analysis | None] = relationship(
        back_populates="item", uselist=False, cascade="all, delete-orphan", lazy="joined"
    )


class Analysis(Base):
    """What the analysis pipeline made of an item; recomputable from the item."""

    __tablename__ = "analyses"

    item_id: Mapped[int] = mapped_column(
        ForeignKey("items.id", ondelete="CASCADE"), primary_key=True
    )
    lang: Mapped[str] = mapped_column(String(8))
    sentiment: Mapped[float] = mapped_column(Float)
    label: Mapped[str] = mapped_column(String(16), index=True)
    themes: Mapped[list[Any]] = mapped_column(default=list)
    mentions: Mapped[list[Any]] = mapped_column(default=list)
    branches: Mapped[list[Any]] = mapped_column(default=list)
    flags: Mapped[list[Any]] = mapped_column(default=list)
    display_text: Mapped[str] = mapped_column(Text)
    display_author: Mapped[str | None] = mapped_column(String(120))
    reasons: Mapped[list[Any]] = mapped_column(default=list)  # why the label (sarcasm, mixed…)
    confidence: Mapped[float | None] = mapped_column(Float)  # the verdict model's P(praise)
    model_score: Mapped[float | None] = mapped_column(Float)  # the company's learned model
    analyzed_at: Mapped[datetime] = mapped_column(default=utcnow)

    item: Mapped[Item] = relationship(back_populates="analysis")


class Channel(Base):
    """What a group of screens shows. Empty filter lists mean 'everything approved'."""

    __tablename__ = "channels"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    rotation_seconds: Mapped[int] = mapped_column(Integer, default=12)
    branches: Mapped[list[Any]] = mapped_column(default=list)
    sources: Mapped[list[Any]] = mapped_column(default=list)
    themes: Mapped[list[Any]] = mapped_column(default=list)
    languages: Mapped[list[Any]] = mapped_column(default=list)
    # {"praise": 6, "stats": 1, "announcements": 1}: slides of each kind per cycle
    slide_mix: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # {"start": "07:00", "end": "23:00", "outside": "dim" | "blank"}; empty: always on
    display_hours: Mapped[dict[str, Any]] = mapped_column(default=dict)
    orientation: Mapped[str] = mapped_column(String(12), default="auto")
    # Reading-time dwell bounds in seconds {"min": 8, "max": 30}; empty: the defaults.
    dwell: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # Named shifts ["07:00-15:00", "15:00-23:00"]: praise since the shift began comes first.
    shifts: Mapped[list[Any]] = mapped_column(default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    screens: Mapped[list[Screen]] = relationship(back_populates="channel")


class Screen(Base):
    __tablename__ = "screens"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id"))
    branch: Mapped[str | None] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen: Mapped[datetime | None]
    connected: Mapped[bool] = mapped_column(default=False)
    client_version: Mapped[str | None] = mapped_column(String(64))
    current_item_id: Mapped[int | None] = mapped_column(Integer)
    # What the wall shows now: praise | stats | announcement | empty | dim | blank
    current_slide: Mapped[str | None] = mapped_column(String(16))

    channel: Mapped[Channel] = relationship(back_populates="screens", lazy="joined")


class Source(Base):
    """A configured source. Secrets for web APIs are env references, never clear text."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # A webhook's HMAC key must be known to verify a signature, so it is stored.
    signing_secret: Mapped[str | None] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_success: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    last_error_at: Mapped[datetime | None]
    items_fetched: Mapped[int] = mapped_column(Integer, default=0)
    # Polling: the provider cursor saved after each stored page, so a restart resumes.
    state: Mapped[dict[str, Any]] = mapped_column(default=dict)
    enabled: Mapped[bool] = mapped_column(default=True)
    last_run_at: Mapped[datetime | None]
    failures: Mapped[int] = mapped_column(Integer, default=0)  # in a row
    retry_at: Mapped[datetime | None]  # not before this (rate limit or backoff)


class JobRun(Base):
    """One run of a scheduled job for one slot; the unique key makes it run once anywhere."""

    __tablename__ = "job_runs"
    __table_args__ = (UniqueConstraint("job", "slot"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    job: Mapped[str] = mapped_column(String(80))
    slot: Mapped[str] = mapped_column(String(40))
    holder: Mapped[str] = mapped_column(String(120))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    outcome: Mapped[str | None] = mapped_column(Text)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))
    language: Mapped[str | None] = mapped_column(String(8))  # console language: tr | en
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    tokens: Mapped[list[ApiToken]] = relationship(back_populates="user", cascade="all")

    # Flask-Login protocol
    is_authenticated = True
    is_active = True
    is_anonymous = False

    def get_id(self) -> str:
        return str(self.id)


class ApiToken(Base):
    """A bearer token; only its SHA-256 is kept, so a database leak reveals none."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used: Mapped[datetime | None]

    user: Mapped[User] = relationship(back_populates="tokens", lazy="joined")


class Decision(Base):
    """Every curation decision, by whom and when: the audit trail and later training data."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(16))
    before: Mapped[str] = mapped_column(String(16))
    after: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(80))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    # Why a curator rejected: complaint | sarcasm | off-topic | personal-data | other
    reason: Mapped[str | None] = mapped_column(String(24))


class StaffMember(Base):
    """The roster: who can be thanked, and where they work."""

    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    aliases: Mapped[list[Any]] = mapped_column(default=list)
    team: Mapped[str | None] = mapped_column(String(120))
    branch: Mapped[str | None] = mapped_column(String(120))
    email: Mapped[str | None] = mapped_column(String(255))
    # How this person appears on public screens by default: full | first | team | none;
    # None: the company's default (SHOUTOUT_DEFAULT).
    shown_as: Mapped[str | None] = mapped_column(String(12))
    notes_opt_out: Mapped[bool] = mapped_column(default=False)  # the personal weekly note


class Branch(Base):
    __tablename__ = "branches"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    city: Mapped[str | None] = mapped_column(String(120))
    aliases: Mapped[list[Any]] = mapped_column(default=list)


class Theme(Base):
    """A theme of the taxonomy; keywords per language, editable by admins."""

    __tablename__ = "themes"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(60), unique=True)
    label_tr: Mapped[str] = mapped_column(String(120))
    label_en: Mapped[str] = mapped_column(String(120))
    keywords_tr: Mapped[list[Any]] = mapped_column(default=list)
    keywords_en: Mapped[list[Any]] = mapped_column(default=list)


class Announcement(Base):
    """A short message pushed to screens now, until a time."""

    __tablename__ = "announcements"

    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(String(280))
    channel_ids: Mapped[list[Any]] = mapped_column(default=list)  # empty: every channel
    until: Mapped[datetime | None]
    created_by: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    cleared_at: Mapped[datetime | None]


class AuditEntry(Base):
    """Who changed what, when, and how it was before and after."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40))
    target: Mapped[str] = mapped_column(String(120))  # "item:7", "screen:3", "rules"
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class Setting(Base):
    """Settings admins change in the console (the curation rules), as JSON by key."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[dict[str, Any]] = mapped_column(default=dict)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str | None] = mapped_column(String(80))


class ComplaintOwner(Base):
    """Which team owns a complaint group (a theme slug, or a discovered cluster's key)."""

    __tablename__ = "complaint_owners"

    group_key: Mapped[str] = mapped_column(String(120), primary_key=True)
    team: Mapped[str] = mapped_column(String(120))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str | None] = mapped_column(String(80))


class Subscription(Base):
    """Someone who gets the morning digest: everything, or one branch's or team's praise."""

    __tablename__ = "subscriptions"
    __table_args__ = (UniqueConstraint("email", "branch", "team", name="uq_subscription"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(255), index=True)
    language: Mapped[str] = mapped_column(String(8), default="tr")
    branch: Mapped[str | None] = mapped_column(String(120))
    team: Mapped[str | None] = mapped_column(String(120))
    token: Mapped[str] = mapped_column(String(64), unique=True)  # for the unsubscribe link
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    unsubscribed_at: Mapped[datetime | None]


class DigestSend(Base):
    """A digest sent (or being sent) for one day to one address; unique, so never twice."""

    __tablename__ = "digest_sends"
    __table_args__ = (UniqueConstraint("day", "address", name="uq_digest_day_address"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[str] = mapped_column(String(10))  # YYYY-MM-DD, company time zone
    address: Mapped[str] = mapped_column(String(255))
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)
    items: Mapped[int] = mapped_column(Integer, default=0)


class Poster(Base):
    """A poster PDF made from an item (or a week's best): who made it, so it can be found."""

    __tablename__ = "posters"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("items.id", ondelete="SET NULL"),
                                                index=True)
    kind: Mapped[str] = mapped_column(String(16), default="item")  # item | week
    size: Mapped[str] = mapped_column(String(4), default="A4")
    created_by: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Suggestion(Base):
    """An employee's suggestion left on the monthly report page; read by admins."""

    __tablename__ = "suggestions"

    id: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[str] = mapped_column(String(7))  # YYYY-MM the report was about
    text: Mapped[str] = mapped_column(Text)
    name: Mapped[str | None] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None]


class ShoutoutChoice(Base):
    """How a praised person chose to appear on screens for one item."""

    __tablename__ = "shoutout_choices"
    __table_args__ = (UniqueConstraint("staff_id", "item_id", name="uq_shoutout_choice"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"))
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"),
                                         index=True)
    choice: Mapped[str] = mapped_column(String(12))  # full | first | team | none
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class ShoutoutNotice(Base):
    """The e-mail telling a praised person first; unique, so it is sent once per item."""

    __tablename__ = "shoutout_notices"
    __table_args__ = (UniqueConstraint("staff_id", "item_id", name="uq_shoutout_notice"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"))
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"))
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)


class WeeklyNote(Base):
    """A person's weekly "what customers said about you" e-mail; once per week."""

    __tablename__ = "weekly_notes"
    __table_args__ = (UniqueConstraint("staff_id", "week", name="uq_weekly_note"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"))
    week: Mapped[str] = mapped_column(String(8))  # ISO week, 2026-W47
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)
    items: Mapped[int] = mapped_column(Integer, default=0)


class PraiseModel(Base):
    """A per-language praise classifier trained on the curators' decisions, and how it did
    on held-out recent decisions; only an active one that met its target is used."""

    __tablename__ = "praise_models"

    id: Mapped[int] = mapped_column(primary_key=True)
    lang: Mapped[str] = mapped_column(String(8), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    examples: Mapped[int] = mapped_column(Integer, default=0)
    holdout: Mapped[int] = mapped_column(Integer, default=0)
    precision: Mapped[float | None] = mapped_column(Float)
    recall: Mapped[float | None] = mapped_column(Float)
    average_precision: Mapped[float | None] = mapped_column(Float)
    threshold: Mapped[float | None] = mapped_column(Float)
    active: Mapped[bool] = mapped_column(default=False)
    params: Mapped[dict[str, Any]] = mapped_column(default=dict)  # weights, vocabulary, …
    metrics: Mapped[dict[str, Any]] = mapped_column(default=dict)
    note: Mapped[str | None] = mapped_column(Text)  # why it is (not) active
