"""Curation rules admins set in the console, and what they decide for a new item.

Rules can only hold an item back or throw it out; approval still needs the analysis to
call it praise (and, where there is one, the praise model to believe it, and the company's
learned model, when one is switched on, too).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta

from flask import current_app
from sqlalchemy import select

from kiosk import audit, db
from kiosk.analysis.text import key
from kiosk.models import Analysis, Item, Setting, Status

RULE_ACTOR = "rule:auto-approve"


@dataclass
class Rules:
    # source name → minimum sentiment to approve unreviewed; None: never for that source
    source_thresholds: dict[str, float | None] = field(default_factory=dict)
    blocked_words: list[str] = field(default_factory=list)  # → rejected
    blocked_authors: list[str] = field(default_factory=list)  # → rejected
    review_terms: list[str] = field(default_factory=list)  # → always wait for a person
    max_age_days: int | None = None  # older feedback is never approved unreviewed

    @classmethod
    def from_json(cls, data: dict) -> Rules:
        rules = cls()
        thresholds = data.get("source_thresholds", {})
        if not isinstance(thresholds, dict):
            raise ValueError("source_thresholds must map source names to numbers or null")
        for name, value in thresholds.items():
            if value is not None and not isinstance(value, int | float):
                raise ValueError(f"threshold of {name!r} must be a number or null")
            if value is not None and not -1 <= value <= 1:
                raise ValueError(f"threshold of {name!r} must be between -1 and 1")
        rules.source_thresholds = {str(k): (None if v is None else float(v))
                                   for k, v in thresholds.items()}
        for name in ("blocked_words", "blocked_authors", "review_terms"):
            value = data.get(name, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError(f"{name} must be a list of strings")
            setattr(rules, name, [v.strip() for v in value if v.strip()][:1000])
        age = data.get("max_age_days", rules.max_age_days)
        if age is not None and (not isinstance(age, int) or age < 1):
            raise ValueError("max_age_days must be a whole number of days, or null")
        rules.max_age_days = age
        return rules

    def to_json(self) -> dict:
        return asdict(self)


def current_rules() -> Rules:
    row = db.session().get(Setting, "rules")
    return Rules.from_json(row.value) if row else Rules()


def save_rules(rules: Rules, actor: str) -> Rules:
    session = db.session()
    row = session.get(Setting, "rules")
    before = row.value if row else Rules().to_json()
    if row is None:
        row = Setting(key="rules", value={})
        session.add(row)
    row.value, row.updated_by, row.updated_at = rules.to_json(), actor, datetime.now(UTC)
    audit.record(actor, "rules.save", "rules", before, rules.to_json())
    session.commit()
    return rules


def _contains(text: str, terms: list[str]) -> str | None:
    """The first term found as whole words, matched Turkish-folded ("Şikayet" = "sikayet")."""
    folded = " " + " ".join(key(w) for w in re.findall(r"\w+", text)) + " "
    for term in terms:
        needle = " " + " ".join(key(w) for w in re.findall(r"\w+", term)) + " "
        if needle.strip() and needle in folded:
            return term
    return None


def decide(item: Item, analysis: Analysis, rules: Rules, now: datetime | None = None,
           scorer=None) -> tuple[str, str | None]:
    """(status, who decided) for a new item: rejected, approved, or pending for a person.

    `scorer` (kiosk.learning.Scorer, one per batch) holds back praise an active learned
    model doubts; it is asked only once the rules would approve, so it never approves."""
    from kiosk import learning
    from kiosk.curation import auto_approvable

    author = (item.author or "").strip().lower()
    if author and author in {a.strip().lower() for a in rules.blocked_authors}:
        return Status.REJECTED.value, "rule:blocked-author"
    if _contains(item.text, rules.blocked_words):
        return Status.REJECTED.value, "rule:blocked-word"
    if _contains(item.text, rules.review_terms):
        return Status.PENDING.value, None
    now = now or datetime.now(UTC)
    if rules.max_age_days and item.created_at < now - timedelta(days=rules.max_age_days):
        return Status.PENDING.value, None
    threshold = rules.source_thresholds.get(item.source, current_app.config.get(
        "AUTO_APPROVE_SCORE"))
    if auto_approvable(analysis.label, analysis.lang, analysis.sentiment, analysis.confidence,
                       analysis.flags, threshold):
        if not (scorer or learning.Scorer()).allows(item, analysis):
            return Status.PENDING.value, None  # the company's model is not sure: a person
        return Status.APPROVED.value, RULE_ACTOR
    return Status.PENDING.value, None


def dry_run(candidate: Rules, days: int = 30) -> dict:
    """What `candidate` would have decided for the last `days` of feedback, against what the
    current rules and the curators did; nothing is changed."""
    from kiosk.learning import Scorer

    session = db.session()
    since = datetime.now(UTC) - timedelta(days=days)
    changes: dict[str, list[dict]] = {}
    total = 0
    scorer = Scorer()  # the learned models, looked up once for the whole dry run
    for item in session.scalars(select(Item).where(Item.created_at >= since)).unique():
        if item.analysis is None:
            continue
        total += 1
        status, _ = decide(item, item.analysis, candidate, now=item.ingested_at,
                           scorer=scorer)
        current = item.status
        if item.decided_by and not item.decided_by.startswith("rule:"):
            continue  # a person decided; rules never overrule people
        if status != current:
            key_ = f"{current}→{status}"
            changes.setdefault(key_, []).append(
                {"id": item.id, "text": item.analysis.display_text[:160], "source": item.source})
    return {"days": days, "items": total,
            "changes": {k: {"count": len(v), "examples": v[:5]} for k, v in changes.items()}}
