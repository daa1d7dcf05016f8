"""A curator and an admin at work in the console, with a display open beside them."""

import os
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
DOCS = Path(__file__).resolve().parents[2] / "docs"
SCREENSHOTS = os.environ.get("KIOSK_SCREENSHOTS") == "1"  # refresh docs/ screenshots


def sign_in(page, url, username, password):
    page.goto(url + "/admin/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit].primary")
    page.wait_for_url(url + "/admin/")


def open_display(browser, url):
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    page.goto(url)
    page.locator("body[data-state=live]").wait_for(state="attached", timeout=10_000)
    return context, page


def test_curator_moderates_with_the_keyboard(served, browser):
    served.cli("users", "create", "--username", "cem", "--password", "curator-pass",
               "--role", "curator")
    report = served.post_feedback(served.secret, {
        "external_id": "q1", "author": "Zeynep Kaya",
        "text": "Moda şubesindeki kasiyer çok yardımcı oldu, acaba pazar günü açık mısınız?"})
    assert report["accepted"] == 1
    display_context, display = open_display(browser, served.display_url)
    console_context = browser.new_context(viewport={"width": 1440, "height": 900})
    console = console_context.new_page()
    try:
        sign_in(console, served.url, "cem", "curator-pass")
        card = console.locator("li.item").first
        card.wait_for()
        assert "yardımcı" in card.inner_text()
        quote = display.locator(".slide.is-active .quote__text")

        console.keyboard.press("a")  # approve
        quote.filter(has_text="yardımcı").wait_for(timeout=1_000)
        # The screen hears of it by socket, maybe before the console has the answer.
        expect(card.locator("[data-status]")).to_have_text("approved", timeout=5_000)

        console.keyboard.press("k")
        console.keyboard.press("e")  # edit what the screens show
        console.locator("li.item textarea").first.fill("Kasiyerimiz çok yardımcı oldu!")
        console.locator("li.item .item__edit button[type=submit]").first.click()
        quote.filter(has_text="Kasiyerimiz").wait_for(timeout=1_000)
        # The form closes (and the card takes the keys back) once the console has the answer.
        expect(card.locator(".item__edit")).to_be_hidden(timeout=5_000)
        console.keyboard.press("p")  # pin
        console.locator("li.item [data-status]", has_text="pinned").wait_for(timeout=2_000)
        if SCREENSHOTS:
            console.screenshot(path=str(DOCS / "console-queue.png"))

        console.keyboard.press("r")  # reject: the item leaves the wall
        quote.filter(has_text="Kasiyerimiz").wait_for(state="detached", timeout=2_000)

        console.click("text=Sign out")
        console.wait_for_url(served.url + "/admin/login")
        console.goto(served.url + "/admin/")
        assert console.url.startswith(served.url + "/admin/login")
    finally:
        console_context.close()
        display_context.close()


def test_admin_sees_screen_health_and_offline_within_30s(served, browser):
    console_context = browser.new_context(viewport={"width": 1440, "height": 900})
    console = console_context.new_page()
    display_context, _display = open_display(browser, served.display_url)
    try:
        sign_in(console, served.url, "root", "s3cret-pass")
        console.goto(served.url + "/admin/screens")
        row = console.locator("tr[data-screen=tv]")
        assert "online" in row.inner_text()
        if SCREENSHOTS:
            console.screenshot(path=str(DOCS / "console-screens.png"))
        display_context.close()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            console.reload()
            if "offline" in console.locator("tr[data-screen=tv]").inner_text():
                break
            time.sleep(1)
        assert "offline" in console.locator("tr[data-screen=tv]").inner_text()
    finally:
        console_context.close()


def test_a_curator_cannot_open_admin_pages(served, browser):
    served.cli("users", "create", "--username", "cem", "--password", "curator-pass",
               "--role", "curator")
    context = browser.new_context()
    page = context.new_page()
    try:
        sign_in(page, served.url, "cem", "curator-pass")
        response = page.goto(served.url + "/admin/screens")
        assert response.status == 403
    finally:
        context.close()
