"""The feedback item every source produces, and the one parser that validates it."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any
from urllib.parse import urlsplit

FIELDS = ("source", "external_id", "text", "author", "url", "created_at", "rating", "branch",
          "lang")


# Half of a UTF-16 pair (JSON "\ud83d" alone): no database or encoder accepts it.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
FUTURE_SLACK = timedelta(days=1)  # clocks and time zones differ; further ahead is a mistake


class InvalidFeedback(ValueError):
    """A feedback record that cannot be stored; the message says which field and why."""


@dataclass(frozen=True)
class FeedbackItem:
    source: str
    external_id: str
    text: str
    created_at: datetime
    author: str | None = None
    url: str | None = None
    rating: int | None = None
    branch: str | None = None
    lang: str | None = None


def _text(record: dict[str, Any], name: str, limit: int, required: bool = False) -> str | None:
    value = record.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise InvalidFeedback(f"'{name}' is required")
        return None
    if isinstance(value, int | float) and not isinstance(value, bool) and name == "external_id":
        value = str(value)
    if not isinstance(value, str):
        raise InvalidFeedback(f"'{name}' must be a string")
    value = _LONE_SURROGATE.sub("\ufffd", value.replace("\x00", "")).strip()
    if len(value) > limit:
        raise InvalidFeedback(f"'{name}' is longer than {limit} characters")
    return value


def safe_url(value: str | None) -> str | None:
    """Only http(s) URLs with a host survive; anything else (javascript:, data:) is dropped."""
    if not value:
        return None
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return value.strip()


def parse_datetime(value: Any, tz: tzinfo) -> datetime:
    """ISO 8601; a time without a zone is read in the company's zone."""
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, str) and value.strip():
        text = value.strip()
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        try:
            dt = datetime.fromisoformat(text)
        except ValueError:
            raise InvalidFeedback(f"'created_at' is not ISO 8601: {value[:40]!r}") from None
    else:
        raise InvalidFeedback("'created_at' must be an ISO 8601 string")
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=tz)
    try:
        return dt.astimezone(UTC)
    except (OverflowError, ValueError):  # year 1 or 9999 moved across a time zone
        raise InvalidFeedback(f"'created_at' is out of range: {str(value)[:40]!r}") from None


def parse_feedback(record: Any, tz: tzinfo, max_text: int = 5000,
                   now: datetime | None = None, default_source: str | None = None) -> FeedbackItem:
    """Validate one record (a dict from JSON or a CSV row) into a FeedbackItem."""
    if not isinstance(record, dict):
        raise InvalidFeedback("an item must be a JSON object")
    if default_source and not record.get("source"):
        record = {**record, "source": default_source}
    source = _text(record, "source", 100, required=True)
    external_id = _text(record, "external_id", 255, required=True)
    text = _text(record, "text", max_text, required=True)

    now = now or datetime.now(UTC)
    created = record.get("created_at")
    created_at = parse_datetime(created, tz) if created not in (None, "") else now
    if created_at > now + FUTURE_SLACK:
        raise InvalidFeedback(f"'created_at' is in the future: {str(created)[:40]!r}")

    rating = record.get("rating")
    if rating is None or rating == "":
        rating = None
    else:
        try:
            if isinstance(rating, bool):
                raise TypeError  # JSON true is not a star count
            number = float(rating)
        except (TypeError, ValueError):
            raise InvalidFeedback("'rating' must be a number from 1 to 5") from None
        if not math.isfinite(number) or not 1 <= number <= 5:
            raise InvalidFeedback("'rating' must be a number from 1 to 5")
        rating = int(number)

    lang = _text(record, "lang", 8)
    return FeedbackItem(
        source=source,
        external_id=external_id,
        text=text,
        created_at=created_at,
        author=_text(record, "author", 255),
        url=safe_url(_text(record, "url", 2048)),
        rating=rating,
        branch=_text(record, "branch", 120),
        lang=lang.lower() if lang else None,
    )
