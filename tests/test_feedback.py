from datetime import UTC
from zoneinfo import ZoneInfo

import pytest

from kiosk.feedback import InvalidFeedback, parse_feedback, safe_url

IST = ZoneInfo("Europe/Istanbul")


def test_minimal_item_parses_with_local_time_read_in_company_zone():
    item = parse_feedback({"source": "s", "external_id": 7, "text": " Harika! ",
                           "created_at": "2026-11-20T10:00:00"}, IST)
    assert item.external_id == "7" and item.text == "Harika!"
    assert item.created_at.tzinfo == UTC and item.created_at.hour == 7  # 10:00 +03:00


@pytest.mark.parametrize("record, message", [
    ({"external_id": "1", "text": "x"}, "'source' is required"),
    ({"source": "s", "text": "x"}, "'external_id' is required"),
    ({"source": "s", "external_id": "1", "text": "   "}, "'text' is required"),
    ({"source": "s", "external_id": "1", "text": "x", "rating": 6}, "1 to 5"),
    ({"source": "s", "external_id": "1", "text": "x", "rating": "five"}, "1 to 5"),
    ({"source": "s", "external_id": "1", "text": "x", "created_at": "yesterday"}, "ISO 8601"),
    (["not", "an", "object"], "JSON object"),
])
def test_invalid_records_say_which_field(record, message):
    with pytest.raises(InvalidFeedback, match=message):
        parse_feedback(record, IST)


def test_text_longer_than_limit_is_refused():
    with pytest.raises(InvalidFeedback, match="longer than 100"):
        parse_feedback({"source": "s", "external_id": "1", "text": "a" * 101}, IST, max_text=100)


@pytest.mark.parametrize("url, kept", [
    ("https://example.com/r/1", True), ("http://x.org", True),
    ("javascript:alert(1)", False), ("data:text/html,hi", False), ("ftp://x.org/f", False),
    ("//evil.example/x", False), ("https://", False),
])
def test_only_http_urls_survive(url, kept):
    assert (safe_url(url) == url) is kept
