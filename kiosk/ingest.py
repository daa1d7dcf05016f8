"""Store new feedback once per (source, external_id), analyse it, apply the rules."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from kiosk import db, feed, live, shoutout_notices
from kiosk.analysis.pipeline import Thresholds, analyze
from kiosk.feedback import FeedbackItem, InvalidFeedback, parse_feedback
from kiosk.learning import Scorer
from kiosk.models import ON_SCREEN, Analysis, Channel, Item
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
        try:
            _ = reader.fieldnames  # read the header first: rows get the line an editor shows
        except csv.Error as exc:
            yield 1, InvalidFeedback(f"unreadable CSV header: {exc}")
            return
        line = reader.line_num
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:  # one broken row (a field over 128 KiB); read on after it
                yield line + 1, InvalidFeedback(f"unreadable CSV: {exc}")
                line = max(reader.line_num, line + 1)  # the broken line was consumed
                continue
            start, line = line + 1, reader.line_num
            if None in row:
                yield start, InvalidFeedback("more fields than the header names")
                continue
            yield start, {k.strip(): v for k, v in row.items() if k}
    if text.lstrip().startswith("["):  # a JSON array rather than JSON lines
        try:
            records = json.loads(text)
        except json.JSONDecodeError as exc:
            yield exc.lineno, InvalidFeedback(f"not valid JSON: {exc.msg} at line {exc.lineno}")
            return
        except (ValueError, RecursionError) as exc:  # a 5,000-digit number, [[[[…]]]]
            yield 1, InvalidFeedback(f"not valid JSON: {_json_problem(exc)}")
            return
        yield from enumerate(records, start=1)
        return
    # Lines end at \n, \r\n or \r only: JSON strings may hold U+2028, U+0085 and the other
    # breaks splitlines() cuts at, but never a raw \r or \n.
    for number, raw in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        if not raw.strip():
            continue
        try:
            yield number, json.loads(raw)
        except json.JSONDecodeError as exc:
            yield number, InvalidFeedback(f"not valid JSON: {exc.msg} at column {exc.colno}")
        except (ValueError, RecursionError) as exc:
            yield number, InvalidFeedback(f"not valid JSON: {_json_problem(exc)}")


def _json_problem(exc: Exception) -> str:
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return str(exc).split(";")[0]  # "Exceeds the limit (4300 digits) for integer …"


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


KEY_CHUNK = 500  # (source, external_id) pairs asked about per query


def _stored_keys(session, chunk: list[tuple[int, FeedbackItem]]) -> set[tuple[str, str]]:
    """The chunk's (source, external_id) pairs already stored: one IN list per source, which
    the unique index answers (a row-value IN would scan the whole index on SQLite)."""
    by_source: dict[str, set[str]] = {}
    for _number, fb in chunk:
        by_source.setdefault(fb.source, set()).add(fb.external_id)
    found: set[tuple[str, str]] = set()
    for source, external_ids in by_source.items():
        found.update((row.source, row.external_id) for row in session.execute(
            select(Item.source, Item.external_id)
            .where(Item.source == source, Item.external_id.in_(external_ids))))
    return found


def store_items(items: Iterable[tuple[int, FeedbackItem]], report: IngestReport | None = None,
                ) -> IngestReport:
    """Insert new items with their analysis in one transaction; known ones are skipped."""
    cfg = current_app.config
    report = report or IngestReport()
    session = db.session()
    thresholds = Thresholds.from_config(cfg)
    roster, themes = current_roster(), current_matcher()  # once per batch, not per item
    rules = current_rules()
    scorer = Scorer()  # the company's learned praise models, looked up once per batch
    items = list(items)
    for attempt in range(3):
        new_items, duplicates = _build(session, items, thresholds, roster, themes, rules, scorer)
        try:
            session.commit()  # the whole batch or nothing
            break
        except IntegrityError:
            # Another process (a scheduler's catch-up beside a poll, a second worker) stored
            # some of these since we asked: roll back, ask again, store the rest.
            session.rollback()
            if attempt == 2:
                raise
    report.duplicates += duplicates
    report.added.extend(i.id for i in new_items)
    now = datetime.now(UTC)
    channels = list(session.scalars(select(Channel))) if new_items else []
    for item in new_items:
        shown = feed.channels_showing(item, now, cfg["FEED_MAX_AGE_DAYS"], channels)
        if shown:
            live.publish_item_change(item, set(), shown)
    if new_items:
        live.publish_stats()
    # Approved by a rule: the people an item names hear it first (kiosk/shoutout_notices.py).
    shoutout_notices.notify_later(i.id for i in new_items
                                  if i.status in ON_SCREEN and i.analysis.mentions)
    return report


def _build(session, items, thresholds, roster, themes, rules, scorer,
           ) -> tuple[list[Item], int]:
    """Analyse and add the batch's new items to the session (not committed)."""
    seen: set[tuple[str, str]] = set()
    known: set[tuple[str, str]] = set()
    new_items: list[Item] = []
    duplicates = 0
    for index, (_number, fb) in enumerate(items):
        if index % KEY_CHUNK == 0:  # one question to the database per chunk, not per item
            known = _stored_keys(session, items[index:index + KEY_CHUNK])
        key = (fb.source, fb.external_id)
        if key in seen or key in known:
            duplicates += 1
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
        analysis.model_score = scorer.score(fb.text, result.lang, fb.rating)
        item.status, item.decided_by = decide(item, analysis, rules, scorer=scorer)
        item.decided_at = datetime.now(UTC) if item.decided_by else None
        session.add(item)
        new_items.append(item)
    return new_items, duplicates


def ingest(records: Iterable[tuple[int, object]], default_source: str | None = None,
           ) -> IngestReport:
    good, bad = parse_records(records, default_source)
    report = IngestReport(errors=bad)
    return store_items(good, report)
