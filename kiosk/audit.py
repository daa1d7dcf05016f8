"""The audit trail: every change by a person or a rule, with before and after."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from sqlalchemy import select

from kiosk import db
from kiosk.models import AuditEntry


def record(actor: str, action: str, target: str, before: dict[str, Any] | None = None,
           after: dict[str, Any] | None = None) -> None:
    """Add an entry to the caller's transaction: it commits with the change or not at all."""
    db.session().add(AuditEntry(actor=actor, action=action, target=target, before=before,
                                after=after))


def entries(limit: int = 200, before_id: int | None = None) -> list[AuditEntry]:
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if before_id:
        query = query.where(AuditEntry.id < before_id)
    return list(db.session().scalars(query))


def to_json(entry: AuditEntry) -> dict:
    return {"id": entry.id, "at": entry.at.isoformat(), "actor": entry.actor,
            "action": entry.action, "target": entry.target, "before": entry.before,
            "after": entry.after}


def export_csv() -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "at", "actor", "action", "target", "before", "after"])
    for entry in db.session().scalars(select(AuditEntry).order_by(AuditEntry.id)):
        writer.writerow([entry.id, entry.at.isoformat(), entry.actor, entry.action,
                         entry.target, json.dumps(entry.before, ensure_ascii=False),
                         json.dumps(entry.after, ensure_ascii=False)])
    return out.getvalue()
