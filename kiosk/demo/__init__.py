"""The demo company (Bereket Market, fictional): feedback, a screen and an admin for `make run`."""

from __future__ import annotations

import json
import os
import secrets
from datetime import UTC, datetime, timedelta
from pathlib import Path

from flask import current_app
from sqlalchemy import func, select

from kiosk import accounts, db, ingest, roster
from kiosk.models import Item, Screen, Status, User
from kiosk.screens import create_screen

HERE = Path(__file__).parent
DEMO_SCREEN = "lobby"
DEMO_ADMIN = "admin"
# Praise older than this was "already approved by a curator" in the story the demo tells;
# newer items wait in the queue, so the queue has something in it.
CURATED_AFTER_HOURS = 12


def load_if_empty(now: datetime | None = None) -> str | None:
    """Load the shipped feedback with dates shifted to end now; skip if items exist."""
    session = db.session()
    if session.scalar(select(func.count()).select_from(Item)):
        return None
    now = now or datetime.now(UTC)
    roster.import_branches((HERE / "branches.csv").read_text("utf-8"))
    roster.import_roster((HERE / "roster.csv").read_text("utf-8"))
    records, intended = [], {}
    for number, line in enumerate((HERE / "feedback.jsonl").read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        hours = float(row.pop("hours_ago", 0))
        row["created_at"] = (now - timedelta(hours=hours)).isoformat()
        intended[(row["source"], row["external_id"])] = (row.pop("label", None), hours)
        records.append((number, row))
    report = ingest.ingest(records)
    pinned = 0
    for item in session.scalars(select(Item).where(Item.id.in_(report.added))):
        label, hours = intended.get((item.source, item.external_id), (None, 0))
        if hours > CURATED_AFTER_HOURS and label == "praise" and item.status == Status.PENDING:
            item.status = Status.APPROVED.value
            item.decided_by, item.decided_at = "demo-curator", now
        elif hours > CURATED_AFTER_HOURS and label != "praise" and item.status != Status.PENDING:
            # The story's curator caught what the rules let through (sarcasm, mixed).
            item.status = Status.REJECTED.value
            item.decided_by, item.decided_at = "demo-curator", now
        if label == "praise" and pinned < 2 and item.rating == 5 and hours < 72:
            item.status = Status.PINNED.value
            item.decided_by, item.decided_at = "demo-curator", now
            pinned += 1
    session.commit()
    return f"demo: {len(report.added)} items loaded ({len(report.errors)} bad lines)"


def ensure_screen_and_admin() -> tuple[Screen, str, str]:
    """The demo screen and admin; the admin's password is kept in the instance folder."""
    session = db.session()
    screen = session.scalar(select(Screen).where(Screen.name == DEMO_SCREEN))
    if screen is None:
        screen = create_screen(DEMO_SCREEN, "default")
    secret_file = Path(current_app.config["INSTANCE_DIR"]) / "demo-admin-password"
    if session.scalar(select(User).where(User.username == DEMO_ADMIN)) is None:
        password = secrets.token_urlsafe(12)
        accounts.create_user(DEMO_ADMIN, password, "admin")
        # With KIOSK_DATABASE_URL and KIOSK_SECRET_KEY given, nothing else made the folder.
        secret_file.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(secret_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(password)
    password = secret_file.read_text().strip() if secret_file.exists() else "(set elsewhere)"
    return screen, DEMO_ADMIN, password
