"""Reading-time dwell on a real wall: a 40-word quote stays visibly longer than an 8-word
one, and both stay within the channel's bounds."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

SHORT = "Thank you, the staff were lovely and kind."  # 8 words: 2 + 8 / 2.5 = 5.2 s
LONG = ("Thank you so much to the whole team at the Kadıköy branch today. The cashier noticed "
        "my daughter was tired, found her a chair, packed everything carefully and still smiled "
        "at every single customer in that long queue.")  # 40 words: 2 + 16 = 18 s, capped at 10

# Installed before the page's own scripts, so the first quote's start is seen too.
WATCH_JS = """{
  window.__shown = [];
  setInterval(() => {
    const q = document.querySelector(".slide.is-active .quote__text");
    const text = q ? q.textContent.slice(0, 12) : "";
    const last = window.__shown[window.__shown.length - 1];
    if (!last || last[1] !== text) window.__shown.push([performance.now(), text]);
  }, 25);
}"""


def test_a_long_quote_stays_longer_than_a_short_one_within_the_bounds(served, page):
    for n, text in enumerate((SHORT, LONG)):
        report = served.post_feedback(served.secret, {"external_id": f"d{n}", "text": text,
                                                      "lang": "en"})
        served.api("POST", f"/api/v1/items/{report['ids'][0]}/approve", served.token)
    (lobby,) = [c for c in served.api("GET", "/api/v1/channels", served.token)["channels"]
                if c["name"] == "lobby"]
    served.api("PATCH", f"/api/v1/channels/{lobby['id']}", served.token,
               {"slide_mix": {"praise": 6, "stats": 0, "announcements": 0, "fixed": 0},
                "dwell": {"min": 3, "max": 10}})

    page.add_init_script(WATCH_JS)
    page.goto(served.display_url)
    # One whole showing of each: nothing, the first quote, the second, the first again.
    page.wait_for_function("() => window.__shown.length >= 4", timeout=30_000)
    shown = [s for s in page.evaluate("window.__shown") if s[1]]
    stays = {}
    for (start, text), (end, _) in zip(shown, shown[1:], strict=False):
        stays.setdefault("long" if text == LONG[:12] else "short", []).append((end - start) / 1e3)
    print({k: [round(s, 2) for s in v] for k, v in stays.items()})
    short, long = stays["short"][0], stays["long"][0]
    assert 4.9 <= short <= 5.8, short  # its reading time, above the 3 s minimum
    assert 9.7 <= long <= 10.6, long  # 18 s to read, held to the 10 s maximum
    assert long - short > 4
    assert not page.errors, page.errors
