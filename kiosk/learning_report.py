"""What the learning page and `kiosk model report` show: per language, the examples, every
model's held-out numbers, the weeks' auto-approvals and embarrassments; and the examples as
CSV, to audit the curators' labels."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import func, select

from kiosk import audit, db
from kiosk.learning import active_model, examples, min_examples, pins, target
from kiosk.models import ON_SCREEN, Analysis, Decision, Item, PraiseModel, Status
from kiosk.rules import RULE_ACTOR


def model_json(row: PraiseModel) -> dict:
    m = row.metrics or {}
    return {"id": row.id, "lang": row.lang, "created_at": row.created_at.isoformat(),
            "examples": row.examples, "held_out": row.holdout, "precision": row.precision,
            "precision_low": (m.get("model") or {}).get("precision_low"),
            "recall": row.recall, "average_precision": row.average_precision,
            "threshold": row.threshold, "auto_approved": (m.get("model") or {}).get("approved"),
            "rules_precision": (m.get("rules") or {}).get("precision"),
            "rules_recall": (m.get("rules") or {}).get("recall"),
            "passed": bool(m.get("passed")) and not m.get("retired"), "active": row.active,
            "note": row.note}


def _week(when: datetime) -> str:
    year, week, _ = when.astimezone(ZoneInfo(current_app.config["TIMEZONE"])).isocalendar()
    return f"{year}-W{week:02d}"


def weekly(lang: str, weeks: int = 12, now: datetime | None = None) -> list[dict]:
    """Per week: items that arrived, the share the rules (and model) approved unreviewed, and
    embarrassments: auto-approved items a person later took down."""
    session = db.session()
    now = now or datetime.now(UTC)
    since = now - timedelta(weeks=weeks)
    first = select(func.min(Decision.id).label("id")).group_by(Decision.item_id).subquery()
    first_before = dict(session.execute(
        select(Decision.item_id, Decision.before).join(first, first.c.id == Decision.id)
        .join(Item, Item.id == Decision.item_id).where(Item.ingested_at >= since)).all())
    rows: dict[str, dict] = {}
    for item_id, at, decided_by, status in session.execute(
            select(Item.id, Item.ingested_at, Item.decided_by, Item.status).join(Analysis)
            .where(Item.ingested_at >= since, Analysis.lang == lang)):
        row = rows.setdefault(_week(at), {"items": 0, "auto_approved": 0, "embarrassments": 0})
        row["items"] += 1
        was_auto = first_before.get(item_id) in ON_SCREEN if item_id in first_before else (
            decided_by == RULE_ACTOR)
        row["auto_approved"] += was_auto
        row["embarrassments"] += was_auto and status == Status.REJECTED.value
    return [{"week": week, **row, "auto_share": round(row["auto_approved"] / row["items"], 3)}
            for week, row in sorted(rows.items())]


def report(lang: str) -> dict:
    exs = examples(lang)
    reasons: dict[str, int] = {}
    kinds: dict[str, int] = {}
    for e in exs:
        kinds[e.kind] = kinds.get(e.kind, 0) + 1
        if e.reason:
            reasons[e.reason] = reasons.get(e.reason, 0) + 1
    active = active_model(lang)
    models = db.session().scalars(select(PraiseModel).where(PraiseModel.lang == lang)
                                  .order_by(PraiseModel.id.desc()).limit(20))
    return {"lang": lang, "examples": len(exs), "praise": sum(e.praise for e in exs),
            "kinds": kinds, "reasons": reasons,
            "embarrassments": sum(e.embarrassment for e in exs),
            "target": target(), "min_examples": min_examples(), "pinned": pins().get(lang),
            "active": model_json(active) if active else None,
            "models": [model_json(m) for m in models], "weeks": weekly(lang)}


def _cell(value) -> str:
    """CSV cells a spreadsheet would run as a formula are quoted as text."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def export_csv(lang: str | None = None, actor: str | None = None) -> str:
    """The labelled examples, to audit them: what screens showed (redacted), never more."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["item_id", "lang", "source", "label", "kind", "reason", "decided_by",
                     "decided_at", "embarrassment", "model_score", "text"])
    rows = examples(lang)
    for e in rows:
        a = e.item.analysis
        writer.writerow([e.item.id, a.lang, _cell(e.item.source),
                         "praise" if e.praise else "not praise", e.kind, e.reason or "",
                         _cell(e.actor), e.at.isoformat(), int(e.embarrassment),
                         "" if a.model_score is None else a.model_score,
                         _cell(e.item.edited_text or a.display_text)])
    if actor:
        audit.record(actor, "learning.export", f"learning:{lang or 'all'}", None,
                     {"examples": len(rows)})
        db.session().commit()
    return out.getvalue()
