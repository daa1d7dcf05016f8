"""The praised hear it first, in a real browser against `kiosk serve` and a real SMTP server:
an item naming a roster member is approved, the e-mail arrives, its link opens the personal
page, and each choice made there reaches an open display, the widget, the archive and the
digest."""

from __future__ import annotations

import json
import re
import time
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.conftest import Served
from tests.test_digest import Server, parts

pytestmark = pytest.mark.browser

ROSTER = ("name,aliases,team,branch,email\n"
          "Ayşe Yılmaz,,Kasa,Kadıköy,ayse@example.com\n"
          "Mehmet Demir,,Mutfak,Kadıköy,\n")
TEXT = "Kadıköy'deki kasada Ayşe Yılmaz'a çok teşekkürler, harika bir gün geçirdim!"


@pytest.fixture
def mailed(tmp_path):
    """`kiosk serve` that mails through a local aiosmtpd server; curators decide."""
    with Server() as smtp:
        srv = Served(tmp_path)
        srv.env.update(KIOSK_SMTP_URL=f"smtp://127.0.0.1:{smtp.port}",
                       KIOSK_MAIL_FROM="Kiosk <kiosk@example.com>", KIOSK_PUBLIC_URL=srv.url,
                       KIOSK_LANGUAGE="tr", KIOSK_AUTO_APPROVE_SCORE="")
        srv.cli("init")
        srv.secret = srv.cli("sources", "add", "shop", "--kind", "webhook")
        srv.cli("users", "create", "--username", "root", "--password", "s3cret-pass",
                "--role", "admin")
        srv.token = srv.cli("tokens", "create", "root")
        srv.display_url = srv.cli("screens", "create", "tv", "--channel", "lobby")
        roster = tmp_path / "roster.csv"
        roster.write_text(ROSTER, encoding="utf-8")
        srv.cli("roster", "import", str(roster))
        srv.start()
        srv.smtp = smtp
        yield srv
        log = srv.stop()
        if "Traceback" in log:
            print(log)


def wait_for_mail(smtp, seconds: float = 10.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if smtp.inbox.messages:
            return smtp.inbox.messages
        time.sleep(0.05)
    raise AssertionError("no e-mail reached the SMTP server")


def watched(page):
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.on("console", lambda m: page.errors.append(f"{m.text} {m.location.get('url')}")
            if m.type == "error" else None)
    return page


def choose(me, item_id: int, choice: str, default: str | None = None) -> float:
    """Pick a choice on the personal page and save; the time the save was clicked."""
    me.check(f"input[name='item-{item_id}'][value='{choice}']")
    if default:
        me.check(f"input[name='default'][value='{default}']")
    started = time.monotonic()
    me.click("button[type=submit].primary")
    return started


def test_the_praised_choose_and_every_channel_follows(mailed, page):
    display = page
    display.goto(mailed.display_url)
    display.locator("body[data-state=live]").wait_for(state="attached", timeout=10_000)
    widget = watched(page.context.new_page())
    widget.goto(mailed.url + "/widget?channel=lobby")
    widget.locator("body[data-state=live]").wait_for(state="attached", timeout=10_000)

    report = mailed.post_feedback(mailed.secret, {"external_id": "p1", "text": TEXT,
                                                  "author": "Zeynep Kurt", "lang": "tr",
                                                  "branch": "Kadıköy"})
    item_id = report["ids"][0]
    assert mailed.smtp.inbox.messages == []  # pending: nobody hears of it yet
    mailed.api("POST", f"/api/v1/items/{item_id}/approve", mailed.token)
    quote = display.locator(".slide.is-active .quote__text")
    quote.filter(has_text="Ayşe Yılmaz'a").wait_for(timeout=2_000)

    # The e-mail reaches the SMTP server, with the quote and a personal link.
    [message] = wait_for_mail(mailed.smtp)
    assert message["To"] == "ayse@example.com"
    text = parts(message)[0]
    assert TEXT in text
    link = re.search(re.escape(mailed.url) + r"/me/\S+", text).group(0)

    me = watched(page.context.new_page())
    me.goto(link)
    assert me.locator(f"#item-{item_id} blockquote").inner_text() == f"“{TEXT}”"

    # First name only: the open display re-renders within a second.
    started = choose(me, item_id, "first")
    quote.filter(has_text="Ayşe'ye").wait_for(timeout=1_000)
    first_name_s = time.monotonic() - started
    assert first_name_s < 1.0
    assert "Yılmaz" not in quote.inner_text()
    expect(me.locator(".flash--ok")).to_have_count(1, timeout=5_000)  # after the redirect
    widget.locator(".slide.is-active .quote__text", has_text="Ayşe'ye").wait_for(timeout=1_000)
    archive = page.context.new_page()
    archive.goto(mailed.url + "/archive")
    card = archive.locator("main").inner_text()
    assert "Ayşe'ye" in card and "Yılmaz" not in card
    day = datetime.now(ZoneInfo("Europe/Istanbul")).date().isoformat()
    dry = mailed.cli("digest", "send", "--dry-run", "--date", day, "--to", "lead@example.com")
    assert "Kadıköy'deki kasada Ayşe'ye çok teşekkürler" in dry and "Yılmaz" not in dry

    # Not named, for this comment and by default: the name leaves every channel.
    started = choose(me, item_id, "none", default="none")
    quote.filter(has_text="bir çalışanımıza").wait_for(timeout=1_000)
    not_named_s = time.monotonic() - started
    assert not_named_s < 1.0
    widget.locator(".slide.is-active .quote__text", has_text="bir çalışanımıza").wait_for(
        timeout=1_000)
    for shown in (display, widget):
        assert "Ayşe" not in shown.locator(".slide.is-active").inner_text()
    # What the display keeps for an outage (the feed and the week's numbers) follows too.
    # The week's numbers come in their own event, after the item's.
    stored_js = "Object.values(localStorage).join('\\n')"
    display.wait_for_function(f"() => {{ const s = {stored_js}; "
                              "return s.includes('bir çalışanımıza') && !s.includes('Ayşe'); }",
                              timeout=5_000)
    stored = display.evaluate(stored_js)
    assert "bir çalışanımıza" in stored and "Ayşe" not in stored
    archive.reload()
    assert "Ayşe" not in archive.locator("main").inner_text()
    dry = mailed.cli("digest", "send", "--dry-run", "--date", day, "--to", "lead@example.com")
    assert "bir çalışanımıza" in dry and "Ayşe" not in dry
    feed = json.loads(display.evaluate(
        "fetch('/widget/feed.json?channel=lobby&fresh=' + Date.now())"
        ".then(r => r.text())"))
    assert "Ayşe" not in json.dumps(feed, ensure_ascii=False)
    print(f"display changed {first_name_s * 1000:.0f} ms after saving 'first name', "
          f"{not_named_s * 1000:.0f} ms after 'not named'")
    assert not [e for e in display.errors + widget.errors + me.errors if "WebSocket" not in e]
