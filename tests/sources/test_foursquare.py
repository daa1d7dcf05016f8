# Payload shapes follow docs.foursquare.com/fsq-developers-places/reference/place-tips (tips list)
# and .../reference/authentication (Bearer service key, X-Places-Api-Version, Link pagination).
"""The Foursquare connector against a stand-in Places API: venues, tips, cursors, faults."""

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

MODA, KADIKOY = "4b0588a1f964a520a1d322e3", "4c1a2b3cf964a520d1e322e3"
TIPS = f"/places/{MODA}/tips"
OTHER = f"/places/{KADIKOY}/tips"
SINCE = datetime(2025, 3, 8, tzinfo=UTC)


@pytest.fixture(autouse=True)
def key(monkeypatch):
    monkeypatch.setenv("FSQ_KEY", "fsq-service-key")


def source(provider, venues=f"{MODA}:Moda", **settings):
    return registry.add_source("fsq", "foursquare", {"base_url": provider.url, "venues": venues,
                                                     "token": "env:FSQ_KEY", **settings})


def linked(reply: Reply, path: str = TIPS, cursor: str = "c3I6NTA") -> Reply:
    """A page with a Link header as the Places API sends it."""
    reply.headers["Link"] = f'<{{base}}{path}?cursor={cursor}&limit=50&sort=NEWEST>; rel="next"'
    return reply


def items() -> dict[str, Item]:
    return {i.external_id: i for i in db.session().scalars(select(Item))}


def test_tips_become_items_with_branch_link_and_the_key_in_the_documented_headers(app,
                                                                                  provider):
    provider.route(TIPS, provider.payload("foursquare/moda_page1.json"))
    src = source(provider)
    summary = poll(src, since=SINCE)

    assert (summary.new, summary.error) == (2, None)  # the blank tip has nothing to show
    got = items()
    ayse = got["67cedc00a1b2c3d4e5f60003"]
    assert ayse.text == "Moda şubesinde Ayşe çok yardımcı oldu, kahve de harikaydı!"
    assert ayse.branch == "Moda" and ayse.source == "fsq"
    assert ayse.url == f"https://foursquare.com/v/{MODA}"
    assert ayse.created_at.replace(tzinfo=None) == datetime(2025, 3, 10, 12, 0)
    assert got["67cdd1a0a1b2c3d4e5f60002"].text == \
        "Great flat white. Friendly staff & quick service.\n\nWill be back."

    request = provider.hits(TIPS)[0]
    assert request.headers["Authorization"] == "Bearer fsq-service-key"
    assert request.headers["X-Places-Api-Version"] == "2025-06-17"
    assert (request.arg("limit"), request.arg("sort")) == ("50", "NEWEST")
    assert src.state[f"venue:{MODA}"].startswith("2025-03-10T12:00:00")
    assert registry.health(src) == "ok"


def test_the_legacy_v3_endpoint_takes_the_raw_key(app, provider):
    provider.route(f"/v3/places/{MODA}/tips", provider.payload("foursquare/moda_page1.json"))
    summary = poll(source(provider, api_version="v3"), since=SINCE)

    assert summary.new == 2
    request = provider.hits(f"/v3/places/{MODA}/tips")[0]
    assert request.headers["Authorization"] == "fsq-service-key"
    assert "X-Places-Api-Version" not in request.headers


def test_pagination_follows_the_link_header_until_tips_are_older_than_since(app, provider):
    provider.route(TIPS, linked(provider.payload("foursquare/moda_page1.json")),
                   linked(provider.payload("foursquare/moda_page2.json"), cursor="c3I6MTAw"),
                   Reply(500, "must not be asked"))
    summary = poll(source(provider), since=SINCE)

    assert summary.error is None
    hits = provider.hits(TIPS)
    assert len(hits) == 2  # page 2 reaches past `since`: no third request
    assert hits[0].arg("cursor") is None and hits[1].arg("cursor") == "c3I6NTA"
    assert hits[1].headers["Authorization"] == "Bearer fsq-service-key"
    got = items()
    assert "67cbfa00a1b2c3d4e5f60000" in got  # page 2, inside the window
    assert "67b0a000a1b2c3d4e5f5ffff" not in got  # before `since`


def test_the_cursor_is_saved_and_the_next_poll_reads_only_newer_tips(app, provider):
    provider.route(TIPS, linked(provider.payload("foursquare/moda_page1.json")),
                   provider.payload("foursquare/moda_page2.json"),
                   linked(provider.payload("foursquare/moda_newer.json")),
                   Reply(500, "must not be asked"))
    src = source(provider)
    poll(src, since=SINCE)
    before = len(items())

    second = poll(src, since=SINCE)

    assert (second.error, second.new, second.duplicates) == (None, 2, 0)
    assert len(items()) == before + 2
    assert len(provider.hits(TIPS)) == 3  # one request: the page reached the stored tips
    assert src.state[f"venue:{MODA}"].startswith("2025-03-11T15:00:00")


def test_a_failing_venue_keeps_the_other_venues_tips_and_says_which(app, provider, fast_http):
    provider.route(TIPS, Reply(500, "down"))
    provider.route(OTHER, provider.payload("foursquare/kadikoy.json"))
    src = source(provider, venues=f"{MODA}:Moda,{KADIKOY}:Kadıköy")
    summary = poll(src, since=SINCE)

    assert summary.new == 2
    assert {i.branch for i in items().values()} == {"Kadıköy"}
    assert src.state[f"venue:{KADIKOY}"].startswith("2025-03-09T20:00:00")
    assert f"venue:{MODA}" not in src.state
    health = registry.health(src)
    assert health.startswith("error: venue Moda:") and "500" in health


def test_a_500_is_retried_then_the_tips_are_read(app, provider, fast_http):
    provider.route(TIPS, Reply(500, "oops"), Reply(503, "busy"),
                   provider.payload("foursquare/moda_page1.json"))
    src = source(provider)
    summary = poll(src, since=SINCE)

    assert (summary.new, summary.error) == (2, None)
    assert len(provider.hits(TIPS)) == 3
    assert registry.health(src) == "ok"


def test_a_venue_that_keeps_failing_marks_the_source_with_an_error(app, provider, fast_http):
    provider.route(TIPS, Reply(500, "down"))
    src = source(provider)
    summary = poll(src, since=SINCE)

    assert summary.new == 0 and "answered 500" in summary.error
    assert registry.health(src).startswith("error:")


def test_429_with_a_short_retry_after_waits_and_succeeds(app, provider, fast_http):
    provider.route(TIPS, Reply(429, {"message": "slow down"}, {"Retry-After": "1"}),
                   provider.payload("foursquare/moda_page1.json"))
    started = time.monotonic()
    summary = poll(source(provider), since=SINCE)

    assert (summary.new, summary.error) == (2, None)
    assert time.monotonic() - started >= 0.9


def test_429_with_a_long_retry_after_stops_every_venue_and_postpones_the_source(app, provider,
                                                                              fast_http):
    provider.route(TIPS, Reply(429, {"message": "quota"}, {"Retry-After": "3600"}))
    provider.route(OTHER, provider.payload("foursquare/kadikoy.json"))
    src = source(provider, venues=f"{MODA}:Moda,{KADIKOY}:Kadıköy")
    summary = poll(src, since=SINCE)

    assert "rate-limited" in summary.error
    assert provider.hits(OTHER) == []  # the same key would only be refused again
    assert "rate-limited" in registry.health(src)
    assert src.retry_at > datetime.now(UTC) + timedelta(minutes=55)
    assert poll(src).skipped and len(provider.hits(TIPS)) == 1


def test_a_timeout_is_an_error_in_words(app, provider, fast_http):
    app.config["SOURCE_RETRIES"] = 0
    provider.route(TIPS, Reply(200, [], delay=1.5))
    src = source(provider)
    summary = poll(src, since=SINCE)

    assert "did not answer within 1 s" in summary.error
    assert registry.health(src).startswith("error:")


def test_a_malformed_second_page_keeps_the_first_and_not_the_cursor(app, provider, fast_http):
    provider.route(TIPS, linked(provider.payload("foursquare/moda_page1.json")),
                   Reply(200, b'[{"id": "x", "created_at": ', {"Content-Type": "application/json"}))
    src = source(provider)
    summary = poll(src, since=SINCE)

    assert summary.new == 2 and "malformed JSON" in summary.error
    assert set(items()) == {"67cedc00a1b2c3d4e5f60003", "67cdd1a0a1b2c3d4e5f60002"}
    assert f"venue:{MODA}" not in src.state  # the next poll walks the whole window again
    assert registry.health(src).startswith("error:")


@pytest.mark.parametrize("body", [
    {"results": []},  # an object where the documented list was
    [{"id": "67cedc00a1b2c3d4e5f60003", "text": "no created_at"}],
    [{"created_at": "2025-03-10T12:00:00.000Z", "text": "no id"}],
])
def test_a_changed_shape_stores_nothing_and_says_so(app, provider, fast_http, body):
    provider.route(TIPS, Reply(200, body))
    src = source(provider)
    summary = poll(src, since=SINCE)

    assert summary.new == 0 and items() == {}
    assert "expected" in summary.error
    assert registry.health(src).startswith("error:")


def test_a_venue_without_tips_is_healthy(app, provider):
    provider.route(TIPS, Reply(200, []))
    src = source(provider)
    summary = poll(src, since=SINCE)

    assert (summary.new, summary.error) == (0, None)
    assert registry.health(src) == "ok" and src.state.get(f"venue:{MODA}") is None


def test_the_key_must_be_a_reference_and_is_read_when_polling(app, provider, monkeypatch):
    with pytest.raises(SourceError, match="secret"):
        registry.add_source("fsq", "foursquare", {"venues": f"{MODA}:Moda",
                                                  "token": "fsq-clear-text"})
    with pytest.raises(SourceError, match="venues"):
        registry.add_source("fsq", "foursquare", {"token": "env:FSQ_KEY"})
    src = source(provider)
    monkeypatch.delenv("FSQ_KEY")
    summary = poll(src, since=SINCE)
    assert "FSQ_KEY is not set" in summary.error and provider.requests == []
    assert "fsq-service-key" not in str(src.settings)
