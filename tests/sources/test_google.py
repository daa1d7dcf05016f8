# Payload shapes follow the My Business API v4 reference, developers.google.com/my-business/
# reference/rest/v4/accounts.locations.reviews (Review, Reviewer, StarRating) and its /list.
"""The Google Business Profile connector against a stand-in API: reviews, cursors, faults."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from kiosk import db
from kiosk.models import Item
from kiosk.sources import registry
from kiosk.sources.collect import poll
from kiosk.sources.google import original_text
from kiosk.sources.registry import SourceError
from tests.sources.conftest import Reply

MODA, KADIKOY = "accounts/111/locations/222", "accounts/111/locations/333"
REVIEWS, OTHER = f"/v4/{MODA}/reviews", f"/v4/{KADIKOY}/reviews"
SINCE = datetime(2025, 3, 8, tzinfo=UTC)
DENIZ = f"{MODA}/reviews/AbFvOqn5"


@pytest.fixture(autouse=True)
def token(monkeypatch):
    monkeypatch.setenv("GBP_TOKEN", "ya29.access-token")


def source(provider, locations=f"{MODA}:Moda", **settings):
    return registry.add_source("google", "google", {"base_url": provider.url,
                                                    "locations": locations,
                                                    "token": "env:GBP_TOKEN", **settings})


def items() -> dict[str, Item]:
    return {i.external_id: i for i in db.session().scalars(select(Item))}


def test_reviews_become_items_with_stars_branch_and_the_original_words(app, provider):
    provider.route(REVIEWS, provider.payload("google/moda_page1.json"),
                   provider.payload("google/moda_page2.json"))
    src = source(provider)
    summary = poll(src, since=SINCE)

    assert summary.error is None and summary.invalid == []
    assert summary.empty == 1  # the stars-only review (AbFvOqn4), counted, not stored
    got = items()
    # the stars-only review is skipped, the February one is before `since`
    assert set(got) == {DENIZ, f"{MODA}/reviews/AbFvOqn3", f"{MODA}/reviews/AbFvOqn2"}
    deniz = got[DENIZ]
    assert deniz.text == "Personel çok güler yüzlüydü, Ayşe Hanım'a teşekkürler!"
    assert (deniz.rating, deniz.author, deniz.branch) == (5, "Deniz Yılmaz", "Moda")
    assert deniz.created_at.replace(tzinfo=None) == datetime(2025, 3, 10, 11, 58, 3, 123456)
    queue = got[f"{MODA}/reviews/AbFvOqn3"]
    assert queue.text == "The queue was long and nobody explained why."  # translation dropped
    assert queue.rating == 1 and queue.author is None  # an anonymous reviewer stays anonymous
    assert got[f"{MODA}/reviews/AbFvOqn2"].rating is None  # STAR_RATING_UNSPECIFIED

    first = provider.hits(REVIEWS)[0]
    assert first.headers["Authorization"] == "Bearer ya29.access-token"
    assert (first.arg("pageSize"), first.arg("orderBy")) == ("50", "updateTime desc")
    assert first.arg("pageToken") is None
    assert registry.health(src) == "ok"


def test_pagination_follows_next_page_token_until_reviews_are_older_than_since(app, provider):
    provider.route(REVIEWS, provider.payload("google/moda_page1.json"),
                   provider.payload("google/moda_page2.json"), Reply(500, "must not be asked"))
    src = source(provider)
    summary = poll(src, since=SINCE)

    assert summary.error is None
    hits = provider.hits(REVIEWS)
    assert [h.arg("pageToken") for h in hits] == [None, "CAESBggBEAIYAg"]
    assert f"{MODA}/reviews/AbFvOqn1" not in items()
    assert src.state[f"location:{MODA}"].startswith("2025-03-10T12:00:00.123456")


def test_the_cursor_is_saved_and_an_edited_review_keeps_its_id(app, provider):
    provider.route(REVIEWS, provider.payload("google/moda_page1.json"),
                   provider.payload("google/moda_page2.json"),
                   provider.payload("google/moda_newer.json"), Reply(500, "must not be asked"))
    src = source(provider)
    poll(src, since=SINCE)
    before = len(items())

    second = poll(src, since=SINCE)

    # Lale's review is new; Deniz's edit (newer updateTime, same name) is not a second item.
    assert (second.error, second.new, second.duplicates) == (None, 1, 1)
    assert len(items()) == before + 1
    assert items()[DENIZ].text.startswith("Personel çok güler yüzlüydü")
    assert len(provider.hits(REVIEWS)) == 3  # one request: it reached the stored reviews
    assert src.state[f"location:{MODA}"].startswith("2025-03-11T09:00:00")


def test_a_failing_location_keeps_the_other_locations_reviews(app, provider, fast_http):
    provider.route(REVIEWS, Reply(403, {"error": {"code": 403, "status": "PERMISSION_DENIED"}}))
    provider.route(OTHER, provider.payload("google/kadikoy.json"))
    src = source(provider, locations=f"{MODA}:Moda,{KADIKOY}:Kadıköy")
    summary = poll(src, since=SINCE)

    assert summary.new == 1 and items()[f"{KADIKOY}/reviews/ZxKd1"].branch == "Kadıköy"
    assert f"location:{KADIKOY}" in src.state and f"location:{MODA}" not in src.state
    health = registry.health(src)
    assert health.startswith("error: location Moda:") and "403" in health


def test_a_500_is_retried_then_the_reviews_are_read(app, provider, fast_http):
    provider.route(REVIEWS, Reply(500, "oops"), provider.payload("google/moda_page2.json"))
    src = source(provider)
    summary = poll(src, since=SINCE)

    assert (summary.new, summary.error) == (1, None)
    assert len(provider.hits(REVIEWS)) == 2 and registry.health(src) == "ok"


def test_a_location_that_keeps_failing_marks_the_source_with_an_error(app, provider, fast_http):
    provider.route(REVIEWS, Reply(503, "unavailable"))
    src = source(provider)
    summary = poll(src, since=SINCE)

    assert summary.new == 0 and "answered 503" in summary.error
    assert registry.health(src).startswith("error:")


def test_429_with_a_short_retry_after_waits_and_succeeds(app, provider, fast_http):
    provider.route(REVIEWS, Reply(429, {"error": {"status": "RESOURCE_EXHAUSTED"}},
                                  {"Retry-After": "1"}),
                   provider.payload("google/moda_page2.json"))
    started = time.monotonic()
    summary = poll(source(provider), since=SINCE)

    assert (summary.new, summary.error) == (1, None)
    assert time.monotonic() - started >= 0.9


def test_429_with_a_long_retry_after_postpones_the_source(app, provider, fast_http):
    provider.route(REVIEWS, Reply(429, {"error": {"status": "RESOURCE_EXHAUSTED"}},
                                  {"Retry-After": "3600"}))
    provider.route(OTHER, provider.payload("google/kadikoy.json"))
    src = source(provider, locations=f"{MODA}:Moda,{KADIKOY}:Kadıköy")
    summary = poll(src, since=SINCE)

    assert "rate-limited" in summary.error and provider.hits(OTHER) == []
    assert "rate-limited" in registry.health(src)
    assert src.retry_at > datetime.now(UTC) + timedelta(minutes=55)


def test_a_timeout_is_an_error_in_words(app, provider, fast_http):
    app.config["SOURCE_RETRIES"] = 0
    provider.route(REVIEWS, Reply(200, {}, delay=1.5))
    src = source(provider)
    summary = poll(src, since=SINCE)

    assert "did not answer within 1 s" in summary.error
    assert registry.health(src).startswith("error:")


def test_a_malformed_second_page_keeps_the_first(app, provider, fast_http):
    provider.route(REVIEWS, provider.payload("google/moda_page1.json"),
                   Reply(200, "<html>Sign in</html>", {"Content-Type": "text/html"}))
    src = source(provider)
    summary = poll(src, since=SINCE)

    assert summary.new == 2 and "malformed JSON" in summary.error
    assert f"location:{MODA}" not in src.state
    assert registry.health(src).startswith("error:")


@pytest.mark.parametrize("body", [
    [],  # a list where the documented object was
    {"reviews": {"name": "not a list"}},
    {"reviews": [{"name": DENIZ, "comment": "no times", "starRating": "FIVE"}]},
    {"reviews": [{"comment": "no name", "createTime": "2025-03-10T12:00:00Z",
                  "updateTime": "2025-03-10T12:00:00Z"}]},
])
def test_a_changed_shape_stores_nothing_and_says_so(app, provider, fast_http, body):
    provider.route(REVIEWS, Reply(200, body))
    src = source(provider)
    summary = poll(src, since=SINCE)

    assert summary.new == 0 and items() == {}
    assert "expected" in summary.error
    assert registry.health(src).startswith("error:")


def test_a_location_without_reviews_is_healthy(app, provider):
    provider.route(REVIEWS, Reply(200, {}))  # Google leaves out "reviews" when there are none
    src = source(provider)
    summary = poll(src, since=SINCE)

    assert (summary.new, summary.error) == (0, None)
    assert registry.health(src) == "ok"


def test_settings_are_checked_and_the_token_is_read_when_polling(app, provider, monkeypatch):
    with pytest.raises(SourceError, match="secret"):
        registry.add_source("g", "google", {"locations": f"{MODA}:Moda", "token": "ya29.x"})
    with pytest.raises(SourceError, match="accounts/ID/locations/ID"):
        source(provider, locations="locations/222:Moda")
    with pytest.raises(SourceError, match="client_id and client_secret"):
        source(provider, refresh_token="env:GBP_REFRESH")

    src = registry.add_source("g2", "google", {"base_url": provider.url,
                                               "locations": f"{MODA}:Moda",
                                               "token": "env:GBP_TOKEN"})
    monkeypatch.delenv("GBP_TOKEN")
    assert "GBP_TOKEN is not set" in poll(src, since=SINCE).error
    assert provider.requests == []


@pytest.mark.parametrize(("comment", "kept"), [
    ("(Translated by Google) Great!\n\n(Original)\nHarika!", "Harika!"),
    ("Harika!\n\n(Translated by Google)\nGreat!", "Harika!"),
    ("(Translated by Google) Great!", "Great!"),  # only a translation: better than nothing
    ("Just   words\r\n\r\n\r\nand more", "Just words\n\nand more"),
])
def test_only_the_reviewers_own_words_are_kept(comment, kept):
    assert original_text(comment) == kept


def test_a_refresh_token_gets_a_fresh_access_token_each_poll(app, provider, monkeypatch):
    monkeypatch.setenv("GBP_REFRESH", "1//refresh")
    monkeypatch.setenv("GBP_CLIENT_SECRET", "shh")
    provider.route("/token", Reply(200, {"access_token": "ya29.fresh", "expires_in": 3599,
                                         "token_type": "Bearer"}))
    provider.route(REVIEWS, Reply(200, {"reviews": [], "totalReviewCount": 0}))
    src = registry.add_source("gr", "google", {
        "base_url": provider.url, "locations": f"{MODA}:Moda", "token_url": provider.url + "/token",
        "refresh_token": "env:GBP_REFRESH", "client_id": "123.apps.googleusercontent.com",
        "client_secret": "env:GBP_CLIENT_SECRET"})
    assert poll(src, since=SINCE).error is None
    (grant,) = provider.hits("/token")
    assert grant.method == "POST" and grant.form == {
        "grant_type": ["refresh_token"], "refresh_token": ["1//refresh"],
        "client_id": ["123.apps.googleusercontent.com"], "client_secret": ["shh"]}
    (listing,) = provider.hits(REVIEWS)
    assert listing.headers["Authorization"] == "Bearer ya29.fresh"
    provider.route("/token", Reply(400, {"error": "invalid_grant"}))
    failed = poll(src, since=SINCE)
    assert "400" in failed.error and "invalid_grant" in failed.error
