"""Store new feedback once per (source, external_id), analyse it, apply the rules."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import select

from kiosk import db, feed, live
from kiosk.analysis.pipeline import Thresholds, analyze
from kiosk.feedback import FeedbackItem, InvalidFeedback, parse_feedback
from kiosk.models import Analysis, Channel, Item
from kiosk.roster import current_roster
from kiosk.rules import current_rules, decide
from kiosk.taxonomy import current_matcher


@dataclass
class IngestReport:
    added: list[int] = field(default_factory=list)
    duplicates: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line or index, message)

    def to_json(self) -> dict:
        return {"added": len(self.added), "ids": self.added, "duplicates": self.duplicates,
                "errors": [{"line": n, "error": msg} for n, msg in self.errors]}


def read_records(data: bytes | str, filename: str = "") -> Iterator[tuple[int, object]]:
    """Yield (line number, record) from CSV or JSON lines; a broken line yields an exception."""
    text = data.decode("utf-8-sig", errors="replace") if isinstance(data, bytes) else data
    name = filename.lower()
    if name.endswith(".csv") or (not name.endswith((".jsonl", ".json", ".ndjson"))
                                 and _looks_like_csv(text)):
        reader = csv.DictReader(io.StringIO(text, newline=""))
        line = reader.line_num
        try:
            for row in reader:
                start, line = line + 1, reader.line_num
                if None in row:
                    yield start, InvalidFeedback("more fields than the header names")
                    continue
                yield start, {k.strip(): v for k, v in row.items() if k}
        except csv.Error as exc:
            yield line + 1, InvalidFeedback(f"unreadable CSV: {exc}")
        return
    if text.lstrip().startswith("["):  # a JSON array rather than JSON lines
        try:
            records = json.loads(text)
        except json.JSONDecodeError as exc:
            yield exc.lineno, InvalidFeedback(f"not valid JSON: {exc.msg} at line {exc.lineno}")
            return
        yield from enumerate(records, start=1)
        return
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            yield number, json.loads(raw)
        except json.JSONDecodeError as exc:
            yield number, InvalidFeedback(f"not valid JSON: {exc.msg} at column {exc.colno}")


def _looks_like_csv(text: str) -> bool:
    first = text.lstrip()[:1]
    return first not in ("{", "[")


def parse_records(records: Iterable[tuple[int, object]], default_source: str | None = None,
                  ) -> tuple[list[tuple[int, FeedbackItem]], list[tuple[int, str]]]:
    cfg = current_app.config
    tz = ZoneInfo(cfg["TIMEZONE"])
    good, bad = [], []
    now = datetime.now(UTC)
    for number, record in records:
        try:
            if isinstance(record, Exception):
                raise record
            good.append((number, parse_feedback(record, tz, cfg["MAX_TEXT_LENGTH"], now,
                                                default_source)))
        except InvalidFeedback as exc:
            bad.append((number, str(exc)))
    return good, bad


def store_items(items: Iterable[tuple[int, FeedbackItem]], report: IngestReport | None = None,
                ) -> IngestReport:
    """Insert new items with their analysis in one transaction; known ones are skipped."""
    cfg = current_app.config
    report = report or IngestReport()
    session = db.session()
    thresholds = Thresholds.from_config(cfg)
    roster, themes = current_roster(), current_matcher()  # once per batch, not per item
    rules = current_rules()
    seen: set[tuple[str, str]] = set()
    new_items: list[Item] = []
    for _number, fb in items:
        key = (fb.source, fb.external_id)
        exists = key in seen or session.scalar(
            select(Item.id).where(Item.source == fb.source, Item.external_id == fb.external_id))
        if exists:
            report.duplicates += 1
            continue
        seen.add(key)
        result = analyze(fb, thresholds, roster, themes)
        analysis = Analysis(lang=result.lang, sentiment=result.sentiment, label=result.label,
                            themes=result.themes, mentions=result.mentions,
                            branches=result.branches, flags=result.flags,
                            reasons=result.reasons, confidence=result.confidence,
                            display_text=result.display_text,
                            display_author=result.display_author)
        item = Item(source=fb.source, external_id=fb.external_id, text=fb.text,
                    author=fb.author, url=fb.url, created_at=fb.created_at, rating=fb.rating,
                    branch=fb.branch, lang=fb.lang, analysis=analysis)
        item.status, item.decided_by = decide(item, analysis, rules)
        item.decided_at = datetime.now(UTC) if item.decided_by else None
        session.add(item)
        new_items.append(item)
    session.commit()  # the whole batch or nothing
    report.added.extend(i.id for i in new_items)
    now = datetime.now(UTC)
    channels = list(session.scalars(select(Channel))) if new_items else []
    for item in new_items:
        shown = feed.channels_showing(item, now, cfg["FEED_MAX_AGE_DAYS"], channels)
        if shown:
            live.publish_item_change(item, set(), shown)
    if new_items:
        live.publish_stats()
    return report


def ingest(records: Iterable[tuple[int, object]], default_source: str | None = None,
           ) -> IngestReport:
    good, bad = parse_records(records, default_source)
    report = IngestReport(errors=bad)
    return store_items(good, report)
