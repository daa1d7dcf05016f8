"""The queue in a real browser: `r` then a digit gives a rejection its reason, and a focused
card says why it is there (its nearest labelled examples, looked up live)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

TEXTS = [
    ("Kasada 40 dakika bekledim, kimse ilgilenmedi.", "reject"),
    ("Siparişim eksik geldi, çok kötü.", "reject"),
    ("Ekip çok ilgiliydi, teşekkürler!", "approve"),
    ("Harika, yine 40 dakika kuyruk, süper!", None),  # the one the curator works on
]


def test_r_then_a_digit_gives_the_reason_and_the_card_says_why(served, browser):
    ids = []
    for n, (text, action) in enumerate(TEXTS):
        report = served.post_feedback(served.secret, {"external_id": f"l{n}", "text": text,
                                                      "lang": "tr"})
        ids.append(report["ids"][0])
        if action:
            served.api("POST", f"/api/v1/items/{ids[-1]}/{action}", served.token)
    target = ids[-1]
    served.api("POST", f"/api/v1/items/{target}/undo", served.token)  # pending, whatever
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(served.url + "/admin/login")
        page.fill("input[name=username]", "root")
        page.fill("input[name=password]", "s3cret-pass")
        page.click("button[type=submit].primary")
        page.goto(served.url + "/admin/?status=pending")
        card = page.locator(f'li.item[data-id="{target}"]')
        card.click()
        brief = card.locator("[data-why-brief]")
        brief.wait_for(state="attached")
        page.wait_for_function(
            f"document.querySelector('li.item[data-id=\"{target}\"] [data-why-brief]')"
            ".textContent.length > 0", timeout=5_000)
        card.locator("summary").click()
        nearest = card.locator("[data-nearest] li")
        assert nearest.count() >= 1
        assert "40 dakika" in nearest.first.inner_text()  # the nearest: the queue complaint

        page.keyboard.press("r")
        card.locator("[data-status]", has_text="rejected").wait_for(timeout=3_000)
        assert card.locator("[data-reasons]").is_visible()
        with page.expect_response(lambda r: r.url.endswith(f"/api/v1/items/{target}/reject")
                                  and "sarcasm" in (r.request.post_data or ""),
                                  timeout=5_000):
            page.keyboard.press("2")  # sarcasm
        card.locator("[data-reasons]").wait_for(state="hidden", timeout=3_000)
        audit = served.api("GET", "/api/v1/audit?limit=50", served.token)["entries"]
        reasons = [e["after"]["reason"] for e in audit
                   if e["action"] == "item.reason" and e["target"] == f"item:{target}"]
        assert reasons == ["sarcasm"]
        assert not errors, errors
    finally:
        context.close()
