# Payload shapes follow Apple's public customer-reviews feed as itunes.apple.com serves it
# (/{cc}/rss/customerreviews/page=N/id=APP/sortby=mostrecent/json: Atom mapped to JSON labels).
"""The App Store connector against a stand-in feed: its JSON traps, cursors and faults."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from kiosk import db
from kiosk.models import Item
from kiosk.sources import registry
from kiosk.sources.collect import poll
from kiosk.sources.registry import SourceError
from tests.sources.conftest import Reply

APP = "1234567890"
SINCE = datetime(2025, 3, 8, tzinfo=UTC)
REVIEW_URL = f"https://itunes.apple.com/tr/review?id={APP}&type=Purple%20Software"


def page(n: int, country: str = "tr") -> str:
    return f"/{country}/rss/customerreviews/page={n}/id={APP}/sortby=mostrecent/json"


def source(provider, **settings):
    return registry.add_source("ios", "appstore", {"base_url": provider.url, "app_id": APP,
                                                   **settings})


def items() -> dict[str, Item]:
    return {i.external_id: i for i in db.session().scalars(select(Item))}


def test_reviews_become_items_and_the_feeds_traps_are_handled(app, provider):
    provider.route(page(1), provider.payload("appstore/page1.json"))
    provider.route(page(2), provider.payload("appstore/page2_single.json"))  # entry: an object
    provider.route(page(3), provider.payload("appstore/past_end.json"))  # no entry at all
    src = source(provider, branch="Online")
    summary = poll(src, since=SINCE)

    assert (summary.error, summary.invalid) == (None, [])
    got = items()
    # the app's own entry (no im:rating) is not a review
    assert set(got) == {"11300000005", "11300000004", "11300000003", "11300000002"}
    best = got["11300000005"]
    assert best.text == "Harika uygulama\nSipariş vermek çok kolay. Moda şubesi\n\n" \
                        "çok hızlı hazırladı."
    assert (best.rating, best.author, best.branch) == (5, "kahvesever", "Online")
    assert best.url == REVIEW_URL
    assert best.created_at.replace(tzinfo=None) == datetime(2025, 3, 10, 12, 0)
    assert got["11300000004"].text == "Fast checkout, thanks!"  # no title: content alone
    assert got["11300000003"].text == "Çöküyor"  # no content: title alone
    assert got["11300000002"].author == "ayse.k"

    assert [len(provider.hits(page(n))) for n in (1, 2, 3, 4)] == [1, 1, 1, 0]
    assert "Authorization" not in provider.hits(page(1))[0].headers  # a public feed
    assert src.state["newest"].startswith("2025-03-10T05:00:00")
    assert registry.health(src) == "ok"


def test_pages_stop_at_reviews_older_than_since_or_at_the_pages_setting(app, provider):
    provider.route(page(1), provider.payload("appstore/page1.json"))
    provider.route(page(2), provider.payload("appstore/page2.json"))
    provider.route(page(3), Reply(500, "must not be asked"))
    summary = poll(source(provider), since=SINCE)

    assert summary.error is None and "11200000001" not in items()  # before `since`
    assert provider.hits(page(3)) == []

    provider.requests.clear()
    short = registry.add_source("ios-short", "appstore", {"base_url": provider.url,
                                                          "app_id": APP, "pages": "1"})
    poll(short, since=SINCE)
    assert [r.path for r in provider.requests] == [page(1)]


def test_the_cursor_is_saved_and_the_next_poll_reads_only_newer_reviews(app, provider):
    provider.route(page(1), provider.payload("appstore/page1.json"),
                   provider.payload("appstore/newer.json"))
    provider.route(page(2), provider.payload("appstore/page2.json"),
                   Reply(500, "must not be asked"))
    src = source(provider)
    poll(src, since=SINCE)
    before = len(items())

    second = poll(src, since=SINCE)

    assert (second.error, second.new, second.duplicates) == (None, 2, 0)
    assert len(items()) == before + 2
    assert len(provider.hits(page(2))) == 1  # only the first poll went past page 1
    assert src.state["newest"].startswith("2025-03-11T12:00:00")


def test_country_chooses_the_storefront(app, provider):
    provider.route(page(1, "de"), provider.payload("appstore/past_end.json"))
    summary = poll(source(provider, country="DE"), since=SINCE)

    assert summary.error is None and len(provider.hits(page(1, "de"))) == 1


def test_a_500_is_retried_then_the_feed_is_read(app, provider, fast_http):
    provider.route(page(1), Reply(502, "bad gateway"), provider.payload("appstore/page1.json"))
    provider.route(page(2), provider.payload("appstore/past_end.json"))
    src = source(provider)
    summary = poll(src, since=SINCE)

    assert (summary.new, summary.error) == (3, None)
    assert len(provider.hits(page(1))) == 2 and registry.health(src) == "ok"


def test_a_feed_that_keeps_failing_marks_the_source_with_an_error(app, provider, fast_http):
    provider.route(page(1), Reply(500, "down"))
    src = source(provider)
    summary = poll(src, since=SINCE)

    assert summary.new == 0 and "answered 500" in summary.error
    assert registry.health(src).startswith("error:")


def test_429_with_a_short_retry_after_waits_and_succeeds(app, provider, fast_http):
    provider.route(page(1), Reply(429, "", {"Retry-After": "1"}),
                   provider.payload("appstore/past_end.json"))
    started = time.monotonic()
    summary = poll(source(provider), since=SINCE)

    assert summary.error is None and len(provider.hits(page(1))) == 2
    assert time.monotonic() - started >= 0.9


def test_429_with_a_long_retry_after_postpones_the_source(app, provider, fast_http):
    provider.route(page(1), Reply(429, "", {"Retry-After": "3600"}))
    src = source(provider)
    summary = poll(src, since=SINCE)

    assert "rate-limited" in summary.error and "rate-limited" in registry.health(src)
    assert src.retry_at > datetime.now(UTC) + timedelta(minutes=55)
    assert poll(src).skipped and len(provider.hits(page(1))) == 1


def test_a_timeout_is_an_error_in_words(app, provider, fast_http):
    app.config["SOURCE_RETRIES"] = 0
    provider.route(page(1), Reply(200, {"feed": {}}, delay=1.5))
    src = source(provider)
    summary = poll(src, since=SINCE)

    assert "did not answer within 1 s" in summary.error
    assert registry.health(src).startswith("error:")


def test_a_malformed_second_page_keeps_the_first(app, provider, fast_http):
    provider.route(page(1), provider.payload("appstore/page1.json"))
    provider.route(page(2), Reply(200, b'{"feed": {"entry": [', {"Content-Type": "text/json"}))
    src = source(provider)
    summary = poll(src, since=SINCE)

    assert summary.new == 3 and "malformed JSON" in summary.error
    assert "newest" not in src.state  # the next poll reads the whole window again
    assert registry.health(src).startswith("error:")


@pytest.mark.parametrize("body", [
    {"rss": {}},  # no feed
    {"feed": {"entry": "a string"}},
    {"feed": {"entry": {"im:rating": {"label": "5"}, "id": {"label": "1"},
                        "content": {"label": "no updated"}}}},
    {"feed": {"entry": {"im:rating": {"label": "five"}, "id": {"label": "1"},
                        "updated": {"label": "2025-03-10T05:00:00-07:00"},
                        "content": {"label": "a rating that is not a number"}}}},
])
def test_a_changed_shape_stores_nothing_and_says_so(app, provider, fast_http, body):
    provider.route(page(1), Reply(200, body))
    src = source(provider)
    summary = poll(src, since=SINCE)

    assert summary.new == 0 and items() == {}
    assert summary.error and registry.health(src).startswith("error:")


def test_an_app_without_reviews_is_healthy(app, provider):
    provider.route(page(1), provider.payload("appstore/past_end.json"))
    src = source(provider)
    summary = poll(src, since=SINCE)

    assert (summary.new, summary.error) == (0, None)
    assert registry.health(src) == "ok" and "newest" not in src.state


def test_settings_are_checked(app, provider):
    with pytest.raises(SourceError, match="app_id"):
        registry.add_source("ios", "appstore", {})
    with pytest.raises(SourceError, match="token"):
        registry.add_source("ios", "appstore", {"app_id": APP, "token": "env:X"})
    with pytest.raises(SourceError, match="app_id must be the app's number"):
        source(provider, app_id="acme-kahve")
    with pytest.raises(SourceError, match="two-letter code"):
        source(provider, country="turkey")
    assert provider.requests == []
