"""A team lead clicks through yesterday's praise, in a real browser against `kiosk serve`."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

pytestmark = pytest.mark.browser

TZ = ZoneInfo("Europe/Istanbul")  # the served app's default KIOSK_TIMEZONE


def yesterday_at(hour: int, minute: int = 0) -> str:
    """A fixed hour of yesterday in the company's zone, whatever the time of day now."""
    day = datetime.now(TZ).date() - timedelta(days=1)
    return datetime.combine(day, time(hour, minute), tzinfo=TZ).isoformat()


def post_approved(served, external_id: str, text: str, created_at: str, **fields) -> int:
    report = served.post_feedback(served.secret, {"external_id": external_id, "text": text,
                                                  "created_at": created_at, **fields})
    item_id = report["ids"][0]
    served.api("POST", f"/api/v1/items/{item_id}/approve", served.token)
    return item_id


def test_lead_clicks_through_yesterdays_praise(served, page):
    post_approved(served, "h1", "Kadıköy şubesindeki kasiyer çok güler yüzlüydü, "
                  "<b>harika</b> hizmet, çok teşekkürler!", yesterday_at(9, 15),
                  author="Gülşen Yıldız", lang="tr", rating=5, branch="Kadıköy")
    post_approved(served, "h2", "The staff were wonderful and so helpful, thank you!",
                  yesterday_at(17, 40), author="John Smith", lang="en")
    long_text = " ".join(["The team was wonderful, kind and patient with my elderly mother, "
                          "and we are so grateful for their help."] * 12)
    post_approved(served, "h3", long_text, yesterday_at(20, 5), lang="en")
    post_approved(served, "h4", "Lovely staff, thank you so much!", yesterday_at(23, 59),
                  lang="en")  # still yesterday
    served.post_feedback(served.secret, {"external_id": "h5", "created_at": yesterday_at(12),
                                         "text": "Terrible, rude staff and nobody helped."})

    page.goto(served.url + "/huddle?lang=en")
    page.locator("body[data-state=ready]").wait_for(state="attached", timeout=10_000)
    active = page.locator(".slide.is-active")
    counter = page.locator("#counter")
    assert active.get_attribute("data-kind") == "title"
    assert counter.inner_text() == "1 / 6"  # title, four praise, numbers
    assert page.locator(".title__n").inner_text() == "4"

    page.keyboard.press("ArrowRight")
    assert counter.inner_text() == "2 / 6"
    first = active.locator(".quote__text")
    assert first.inner_text().startswith("Kadıköy şubesindeki kasiyer")
    assert "<b>harika</b>" in first.inner_text()  # customer HTML stays literal text
    assert page.locator(".slide b, .slide script").count() == 0
    assert active.locator(".hl--branch").inner_text() == "Kadıköy"
    assert "— Gülşen Y." in active.inner_text() and "Yıldız" not in page.content()
    assert active.locator(".stars").inner_text() == "★★★★★"

    page.keyboard.press("Space")
    assert active.locator(".quote__text").inner_text().startswith("The staff were wonderful")
    page.keyboard.press("ArrowLeft")
    assert active.locator(".quote__text").inner_text().startswith("Kadıköy")
    page.keyboard.press("PageDown")
    page.keyboard.press("PageDown")

    # A long quote is cut at a word with "…", never set below 54 px at 1080 lines.
    long_quote = active.locator(".quote__text")
    assert counter.inner_text() == "4 / 6"
    assert long_quote.inner_text().endswith("…")
    assert len(long_quote.inner_text()) < len(long_text)
    size = float(long_quote.evaluate("q => getComputedStyle(q).fontSize").removesuffix("px"))
    assert size >= 54
    box = long_quote.bounding_box()
    assert box["y"] + box["height"] <= active.locator(".slide__foot").bounding_box()["y"]

    page.keyboard.press("End")
    assert counter.inner_text() == "6 / 6"
    assert active.get_attribute("data-kind") == "numbers"
    assert page.locator("#praise-week").inner_text() == "4"
    assert "praise this week" in active.inner_text()
    assert active.locator("svg polyline.spark__line").count() == 1
    page.keyboard.press("ArrowRight")  # the end stays the end
    assert counter.inner_text() == "6 / 6"

    page.keyboard.press("PageUp")
    assert active.locator(".quote__text").inner_text() == "Lovely staff, thank you so much!"
    page.keyboard.press("Home")
    assert active.get_attribute("data-kind") == "title"
    assert not page.errors


def test_empty_day_still_has_the_numbers(served, page):
    page.goto(served.url + "/huddle?lang=en")
    page.locator("body[data-state=ready]").wait_for(state="attached", timeout=10_000)
    page.keyboard.press("ArrowRight")
    assert "No customer praise came in yesterday." in page.locator(".slide.is-active").inner_text()
    page.keyboard.press("ArrowRight")
    assert page.locator(".slide.is-active").get_attribute("data-kind") == "numbers"
    assert page.locator("#counter").inner_text() == "3 / 3"
    assert not page.errors
