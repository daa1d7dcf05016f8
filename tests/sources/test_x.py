# Payload shapes follow docs.x.com: x-api/posts/search/quickstart/recent-search (response),
# x-api/posts/search/integrate/paginate (next_token, newest_id), fundamentals/rate-limits.
"""The X connector against a stand-in API: recent search, since_id cursor, faults."""

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

SEARCH = "/2/tweets/search/recent"
NOW = datetime.now(UTC).replace(microsecond=0)


def snowflake(when: datetime) -> str:
    """A post id as X makes them: milliseconds since X's epoch, shifted left 22 bits."""
    return str((int(when.timestamp() * 1000) - 1288834974657) << 22)


# Five posts, newest first: t0 is the "newer" one a second poll finds.
TIMES = {f"t{n}": NOW - timedelta(minutes=5 + 60 * n) for n in range(5)}
FILL = {**{k: v.strftime("%Y-%m-%dT%H:%M:%S.000Z") for k, v in TIMES.items()},
        **{f"id{n}": snowflake(TIMES[f"t{n}"]) for n in range(5)}}
ID = {n: FILL[f"id{n}"] for n in range(5)}


@pytest.fixture
def token(monkeypatch):
    monkeypatch.setenv("X_BEARER", "AAAA-bearer")


def source(provider, **settings):
    return registry.add_source("x", "x", {"base_url": provider.url, "token": "env:X_BEARER",
                                          "query": "@acme OR #acme -is:retweet", **settings})


def page(provider, name: str) -> Reply:
    return provider.payload(f"x/{name}", **FILL)


def items() -> dict[str, Item]:
    return {i.external_id: i for i in db.session().scalars(select(Item))}


def test_search_page_becomes_items(app, provider, token):
    provider.route(SEARCH, page(provider, "page1.json"), page(provider, "page2.json"))
    summary = poll(source(provider, branch="Kadıköy"))

    assert summary.error is None
    got = items()
    assert set(got) == {ID[1], ID[3], ID[4]}  # the repost (ID[2]) is skipped
    fan = got[ID[1]]
    assert fan.text == "Loved the service & the simit at @acme Kadıköy! Thanks Ayşe <3"
    assert fan.author == "@acmefan"
    assert fan.url == f"https://x.com/acmefan/status/{ID[1]}"
    assert fan.lang == "en" and fan.branch == "Kadıköy" and fan.source == "x"
    assert fan.created_at.replace(tzinfo=None) == TIMES["t1"].replace(tzinfo=None)
    long = got[ID[3]]  # a long post: the full note, not the cut-off `text`
    assert long.text.endswith("tatlılar hoşuma gitti.\n\nHerkese tavsiye ederim.")
    assert long.lang == "tr"
    assert got[ID[4]].lang is None  # "und" is no language

    first = provider.hits(SEARCH)[0]
    assert first.headers["Authorization"] == "Bearer AAAA-bearer"
    assert first.arg("query") == "@acme OR #acme -is:retweet"
    assert first.arg("max_results") == "100"
    assert first.arg("expansions") == "author_id"
    assert set(first.arg("tweet.fields").split(",")) >= {"created_at", "lang", "author_id"}
    assert first.arg("user.fields") == "username,name"
    assert first.arg("since_id") is None and first.arg("start_time")


def test_pagination_with_next_token(app, provider, token):
    provider.route(SEARCH, page(provider, "page1.json"), page(provider, "page2.json"))
    src = source(provider)
    poll(src)

    hits = provider.hits(SEARCH)
    assert len(hits) == 2
    assert hits[1].arg("next_token") == "b26v89c19zqg8o3fpzbkk"
    assert hits[1].arg("query") == hits[0].arg("query")
    assert hits[1].arg("start_time") == hits[0].arg("start_time")  # same search, next page
    assert ID[4] in items()
    assert src.state["since_id"] == ID[1]  # newest_id of the FIRST page


def test_cursor_is_saved_and_next_poll_asks_for_newer_only(app, provider, token):
    provider.route(SEARCH, page(provider, "page1.json"), page(provider, "page2.json"),
                   page(provider, "newer.json"))
    src = source(provider)
    poll(src)
    before = len(items())

    second = poll(src)

    assert second.error is None and second.new == 1 and second.duplicates == 0
    assert len(items()) == before + 1
    request = provider.hits(SEARCH)[2]
    assert request.arg("since_id") == ID[1]
    assert request.arg("start_time") is None  # X refuses both together
    assert src.state["since_id"] == ID[0]


def test_cursor_waits_for_the_last_page(app, provider, token, fast_http):
    provider.route(SEARCH, page(provider, "page1.json"), Reply(503, "over capacity"))
    src = source(provider)
    poll(src)
    assert registry.health(src).startswith("error")
    assert ID[1] in items()  # page 1 is stored …
    assert "since_id" not in src.state  # … but the cursor is not, so page 2 is read next time


def test_first_poll_reaches_back_at_most_seven_days(app, provider, token):
    provider.route(SEARCH, page(provider, "empty.json"))
    poll(source(provider), since=NOW - timedelta(days=30))
    start = datetime.fromisoformat(provider.hits(SEARCH)[0].arg("start_time").replace("Z",
                                                                                     "+00:00"))
    assert NOW - timedelta(days=7) < start < NOW - timedelta(days=6, hours=23)


def test_a_cursor_older_than_seven_days_is_replaced_by_start_time(app, provider, token):
    provider.route(SEARCH, page(provider, "empty.json"))
    src = source(provider)
    src.state = {"since_id": snowflake(NOW - timedelta(days=10))}
    db.session().commit()
    poll(src)
    request = provider.hits(SEARCH)[0]
    assert request.arg("since_id") is None and request.arg("start_time")


def test_stops_at_posts_older_than_since(app, provider, token):
    provider.route(SEARCH, page(provider, "page1.json"), Reply(500, "must not be asked"))
    src = source(provider)
    summary = poll(src, since=NOW - timedelta(minutes=150))  # between t2 and t3
    assert summary.error is None
    assert set(items()) == {ID[1]}
    assert len(provider.hits(SEARCH)) == 1
    assert src.state["since_id"] == ID[1]


def test_empty_result(app, provider, token):
    provider.route(SEARCH, page(provider, "empty.json"))
    src = source(provider)
    summary = poll(src)
    assert summary.error is None and summary.new == 0
    assert registry.health(src) == "ok"
    assert "since_id" not in src.state


def test_clear_text_token_is_refused(app):
    with pytest.raises(SourceError, match="secret"):
        registry.add_source("x", "x", {"query": "@acme", "token": "AAAA-bearer"})


def test_token_is_required(app):
    with pytest.raises(SourceError, match="token"):
        registry.add_source("x", "x", {"query": "@acme"})


def test_missing_environment_variable_says_so(app, provider):
    src = source(provider)
    poll(src)
    assert "X_BEARER is not set" in registry.health(src)
    assert provider.requests == []


def test_short_rate_limit_is_waited_out(app, provider, token, fast_http):
    provider.route(SEARCH, Reply(429, {"title": "Too Many Requests"}, {"Retry-After": "1"}),
                   page(provider, "page2.json"))
    summary = poll(source(provider))
    assert summary.error is None and summary.new == 1
    assert len(provider.hits(SEARCH)) == 2


def test_rate_limit_reset_header_marks_the_source(app, provider, token, fast_http):
    reset = str(int(time.time()) + 900)  # X says when the 15-minute window reopens
    limited = page(provider, "rate_limited.json")
    provider.route(SEARCH, Reply(429, limited.body, {"x-rate-limit-limit": "450",
                                                     "x-rate-limit-remaining": "0",
                                                     "x-rate-limit-reset": reset,
                                                     "Content-Type": "application/json"}))
    src = source(provider)
    poll(src)
    assert "rate-limited" in registry.health(src)
    assert src.retry_at is not None
    assert poll(src).skipped
    assert len(provider.hits(SEARCH)) == 1


def test_long_retry_after_marks_the_source(app, provider, token, fast_http):
    provider.route(SEARCH, Reply(429, {"title": "Too Many Requests"}, {"Retry-After": "3600"}))
    src = source(provider)
    poll(src)
    assert "rate-limited" in registry.health(src)


def test_server_error_then_success_is_retried(app, provider, token, fast_http):
    provider.route(SEARCH, Reply(500, "oops"), page(provider, "page2.json"))
    src = source(provider)
    summary = poll(src)
    assert summary.error is None and summary.new == 1
    assert registry.health(src) == "ok"


def test_server_error_forever(app, provider, token, fast_http):
    provider.route(SEARCH, Reply(500, "oops"))
    src = source(provider)
    poll(src)
    assert registry.health(src).startswith("error")
    assert len(provider.hits(SEARCH)) == 3


def test_timeout(app, provider, token, fast_http):
    provider.route(SEARCH, Reply(200, {"meta": {"result_count": 0}}, delay=1.5))
    src = source(provider)
    poll(src)
    assert "did not answer" in registry.health(src)


def test_malformed_page_keeps_earlier_pages(app, provider, token, fast_http):
    provider.route(SEARCH, page(provider, "page1.json"),
                   Reply(200, b'{"data": [{"id": ', {"Content-Type": "application/json"}))
    src = source(provider)
    poll(src)
    assert registry.health(src).startswith("error: malformed JSON")
    assert ID[1] in items()
    assert "since_id" not in src.state


def test_changed_shape_is_an_error(app, provider, token, fast_http):
    provider.route(SEARCH, Reply(200, {"data": [{"id": ID[1], "text": "hi"}]}))  # no meta
    src = source(provider)
    poll(src)
    assert registry.health(src).startswith("error")
    assert "'meta'" in registry.health(src)
    assert items() == {}
