"""The monthly strengths report: numbers on hand-made months, the intranet page, its slide
and JSON, suggestions and who may read them, and the CLI's text and PDF."""

from __future__ import annotations

import itertools
import re
import subprocess
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner
from flask import g

from kiosk import accounts, db, report, report_render
from kiosk.models import Analysis, AuditEntry, Item, StaffMember, Suggestion
from kiosk.report import Month

TZ = "Europe/Istanbul"
APRIL = Month(2026, 4)
NOW = datetime(2026, 5, 20, 9, 0, tzinfo=UTC)
_ids = itertools.count(1)


def add(when: datetime, themes=(), mentions=(), branch=None, status="approved",
        label="praise", text=None, raw="raw text", author="Ayşe Kaya", flags=(),
        rating=None, edited=None) -> Item:
    """One item with exactly the analysis given (no pipeline: the numbers stay known)."""
    n = next(_ids)
    item = Item(source="test", external_id=f"r{n}", text=raw, author=author,
                created_at=when, branch=branch, status=status, rating=rating,
                edited_text=edited)
    item.analysis = Analysis(lang="tr", sentiment=0.8, label=label, themes=list(themes),
                             mentions=list(mentions), branches=[], flags=list(flags),
                             display_text=text or f"Teşekkürler, numara {n}.",
                             display_author="Ayşe K.")
    db.session().add(item)
    db.session().commit()
    return item


def day(month: Month, d: int, hour: int = 12) -> datetime:
    """Noon (Istanbul) on day d of the month, as UTC."""
    return datetime(month.year, month.month, d, hour - 3, tzinfo=UTC)


def history(app):
    """Jan–Mar 2026: staff 4 a month, price 6, delivery 3. April: staff 10, price 2, app 3."""
    # Collecting began at midnight on 1 January, Istanbul time.
    add(datetime(2025, 12, 31, 21, 0, tzinfo=UTC), label="neutral", status="pending")
    for m in (Month(2026, 1), Month(2026, 2), Month(2026, 3)):
        for i in range(4):
            add(day(m, 2 + i), ["staff"], ["Mehmet Demir"], branch="Kadıköy")
        for i in range(6):
            add(day(m, 10 + i), ["price"], branch="Alsancak")
        for i in range(3):
            add(day(m, 20 + i), ["delivery"])
    for i in range(10):
        add(day(APRIL, 1 + i), ["staff"], ["Ayşe Yılmaz"] if i < 6 else ["Mehmet Demir"],
            branch="Kadıköy" if i < 7 else "Alsancak")
    add(day(APRIL, 12), ["price"], branch="Alsancak")
    add(day(APRIL, 13), ["price", "staff"], ["Ayşe Yılmaz"], branch="Alsancak")
    for i in range(3):
        add(day(APRIL, 15 + i), ["app"])


def by_slug(data: dict) -> dict:
    return {t["slug"]: t for t in data["themes"]}


# --- computations ------------------------------------------------------------------------

def test_month_boundaries_are_the_company_zone(app):
    # 23:30 UTC on 31 March is 02:30 on 1 April in Istanbul: April's, not March's.
    add(datetime(2026, 3, 31, 23, 30, tzinfo=UTC), ["staff"])
    add(datetime(2026, 3, 31, 20, 59, tzinfo=UTC), ["price"])  # 23:59 local: March
    add(datetime(2026, 4, 30, 21, 0, tzinfo=UTC), ["app"])  # 00:00 on 1 May local: May
    march = report.monthly(Month(2026, 3), TZ, NOW)
    april = report.monthly(APRIL, TZ, NOW)
    may = report.monthly(Month(2026, 5), TZ, NOW)
    assert [t["slug"] for t in march["themes"]] == ["price"]
    assert [t["slug"] for t in april["themes"]] == ["staff"]
    assert [t["slug"] for t in may["themes"]] == ["app"]
    assert april["from"] == "2026-04-01T00:00:00+03:00"
    assert april["until"] == "2026-05-01T00:00:00+03:00"
    # Navigation stops at the first month anything was collected in.
    assert march["previous"] is None and april["previous"] == "2026-03"
    assert april["next"] == "2026-05" and may["next"] is None


def test_last_full_month_is_asked_in_the_company_zone():
    # 21:30 UTC on 30 April is already 1 May in Istanbul, so April is the last full month.
    assert report.last_full_month(datetime(2026, 4, 30, 21, 30, tzinfo=UTC), TZ) == APRIL
    assert report.last_full_month(datetime(2026, 4, 30, 20, 30, tzinfo=UTC), TZ) == \
        Month(2026, 3)
    assert report.last_full_month(datetime(2026, 1, 5, tzinfo=UTC), TZ) == Month(2025, 12)
    assert Month.parse("2026-04") == APRIL and str(Month(2026, 4)) == "2026-04"
    for bad in ("2026-4", "2026-13", "april", "", "2026-04-01"):
        with pytest.raises(ValueError):
            Month.parse(bad)


def test_themes_rise_fall_appear_and_go_quiet(app):
    history(app)
    data = report.monthly(APRIL, TZ, NOW)
    themes = by_slug(data)
    assert data["totals"]["praise"] == 15
    assert data["totals"]["expected"] == 13.0  # 13 praise in each of Jan, Feb, Mar
    assert [t["slug"] for t in data["themes"]] == ["staff", "app", "price"]
    staff = themes["staff"]
    assert (staff["count"], staff["expected"], staff["trend"], staff["change_pct"]) == \
        (11, 4.0, "up", 175)
    assert staff["share"] == round(11 / 15, 4)
    price = themes["price"]
    assert (price["count"], price["expected"], price["trend"], price["change_pct"]) == \
        (2, 6.0, "down", -67)
    assert themes["app"]["trend"] == "new" and themes["app"]["change_pct"] is None
    changes = data["changes"]
    assert [t["slug"] for t in changes["rose"]] == ["staff"]
    assert [t["slug"] for t in changes["fell"]] == ["price"]
    assert [t["slug"] for t in changes["new"]] == ["app"]
    assert [t["slug"] for t in changes["quiet"]] == ["delivery"]
    assert report_render.change_text(175, "up", "en") == "↑ 175%"
    assert report_render.change_text(-67, "down", "tr") == "↓ %67"
    # Six months of history, the months before collecting began left out.
    assert [p["month"] for p in staff["series"]] == ["2026-01", "2026-02", "2026-03",
                                                     "2026-04"]
    assert len(staff["spark"].split()) == 4


def test_only_approved_and_pinned_praise_counts(app):
    add(day(APRIL, 3), ["staff"])
    add(day(APRIL, 3), ["staff"], status="pinned")
    add(day(APRIL, 4), ["staff"], status="pending")
    add(day(APRIL, 4), ["staff"], status="rejected")
    add(day(APRIL, 5), ["staff"], label="complaint")
    add(day(APRIL, 5), ["staff"], label="neutral")
    data = report.monthly(APRIL, TZ, NOW)
    assert data["totals"]["praise"] == 2 and by_slug(data)["staff"]["count"] == 2


def test_a_short_history_is_scaled_and_too_short_gives_no_trend(app):
    # Collecting began on 16 March (16 of 31 days): 8 praise then is ~15.5 a month.
    add(datetime(2026, 3, 16, 0, 0, tzinfo=UTC), label="neutral", status="pending")
    for i in range(8):
        add(day(Month(2026, 3), 17 + i), ["staff"])
    for i in range(10):
        add(day(APRIL, 1 + i), ["staff"])
    staff = by_slug(report.monthly(APRIL, TZ, NOW))["staff"]
    assert staff["expected"] == pytest.approx(8 / (15.875 / 31), abs=0.1)
    assert staff["trend"] == "down"
    # Two and a half days of history are not a baseline.
    session = db.session()
    for item in session.query(Item).filter(Item.created_at < day(Month(2026, 4), 1)):
        session.delete(item)
    session.commit()
    add(day(Month(2026, 3), 29), ["staff"])
    short = report.monthly(APRIL, TZ, NOW)
    assert short["baseline"]["available"] is False
    assert by_slug(short)["staff"]["trend"] is None


def test_a_running_month_is_compared_with_the_part_that_passed(app):
    history(app)
    for i in range(3):
        add(day(Month(2026, 5), 2 + i), ["staff"])
    may = report.monthly(Month(2026, 5), TZ, NOW)  # 20 May 12:00 local: ~62% of May
    assert may["complete"] is False and may["next"] is None
    share = (NOW - datetime(2026, 4, 30, 21, 0, tzinfo=UTC)) / timedelta(days=31)
    expected = (4 + 4 + 11) / 3 * share
    assert by_slug(may)["staff"]["expected"] == pytest.approx(expected, abs=0.05)


def test_branches_and_staff(app):
    history(app)
    db.session().add(StaffMember(name="Ayşe Yılmaz", team="Kasa", branch="Kadıköy"))
    db.session().commit()
    data = report.monthly(APRIL, TZ, NOW)
    assert data["staff"][0] == {"name": "Ayşe Yılmaz", "count": 7, "team": "Kasa",
                                "branch": "Kadıköy"}
    assert data["staff"][1]["name"] == "Mehmet Demir" and data["staff"][1]["team"] is None
    branches = {b["name"]: b for b in data["branches"]}
    assert branches["Kadıköy"]["count"] == 7 and branches["Kadıköy"]["top_theme"] == "staff"
    assert branches["Kadıköy"]["top_staff"] == "Ayşe Yılmaz"
    assert branches["Alsancak"]["count"] == 5
    assert branches["Alsancak"]["top_staff"] == "Mehmet Demir"  # 3 against 1
    assert data["totals"]["branches"] == 2 and data["totals"]["staff"] == 2


def test_quotes_show_display_text_never_the_original(app):
    add(day(APRIL, 2), ["staff"], text="Kasiyer çok ilgiliydi, teşekkürler! [telefon]",
        raw="Kasiyer çok ilgiliydi, teşekkürler! 0532 123 45 67", author="Zeynep Yıldız")
    add(day(APRIL, 3), ["staff"], text="Personel harikaydı, çok teşekkür ederiz.",
        edited="Personel harikaydı (düzeltildi).", branch="Nilüfer")
    add(day(APRIL, 4), ["staff"], text="Küfürlü ama olumlu bir yorum, ***", flags=["profanity"])
    quotes = by_slug(report.monthly(APRIL, TZ, NOW))["staff"]["quotes"]
    texts = [q["text"] for q in quotes]
    assert len(quotes) == 2
    assert "Kasiyer çok ilgiliydi, teşekkürler! [telefon]" in texts
    assert "Personel harikaydı (düzeltildi)." in texts  # a curator's edit wins
    assert not any("0532" in t or "***" in t for t in texts)
    assert {q["author"] for q in quotes} == {"Ayşe K."}


def test_long_quotes_are_cut_at_a_word():
    text = "kelime " * 80
    cut = report._shorten(text, 50)
    assert cut.endswith("kelime…") and len(cut) <= 51


# --- the pages ---------------------------------------------------------------------------

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> "Harika" & <b>iyi</b>'


def test_page_renders_in_both_languages_and_escapes_quotes(app, client):
    history(app)
    add(day(APRIL, 20), ["staff"], text=HOSTILE, status="pinned", rating=5)
    tr = client.get("/reports/monthly?month=2026-04&lang=tr")
    en = client.get("/reports/monthly?month=2026-04", headers={"Accept-Language": "en"})
    assert tr.status_code == en.status_code == 200
    tr_html, en_html = tr.get_data(as_text=True), en.get_data(as_text=True)
    assert "Nisan 2026" in tr_html and "Müşterilerin en çok övdüğü konular" in tr_html
    assert "Personelin ilgisi" in tr_html and "↑ %" in tr_html
    assert "April 2026" in en_html and "Themes customers praised most" in en_html
    assert "Staff friendliness" in en_html and "↑ " in en_html
    for html in (tr_html, en_html):
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;" in html and "&lt;b&gt;iyi&lt;/b&gt;" in html
        assert "raw text" not in html and "Ayşe Kaya" not in html
    assert "style=" not in tr_html and "<script" not in tr_html  # the CSP has no room
    assert "month=2026-03" in tr_html and "month=2026-05" in tr_html  # navigation
    assert tr.headers["Content-Security-Policy"].startswith("default-src 'self'")


def test_page_defaults_to_last_full_month_and_refuses_bad_months(app, client):
    last = report.last_full_month(datetime.now(UTC), TZ)
    html = client.get("/reports/monthly?lang=en").get_data(as_text=True)
    assert report_render.month_label(last, "en") in html
    assert "No approved praise in this month yet." in html
    assert client.get("/reports/monthly?month=2026-13").status_code == 404
    assert client.get("/reports/monthly?month=<b>").status_code == 404
    future = report.current_month(datetime.now(UTC), TZ).shift(1)
    assert client.get(f"/reports/monthly?month={future}").status_code == 404


def test_json_summary_and_slide(app, client):
    history(app)
    response = client.get("/reports/monthly.json?month=2026-04")
    assert response.status_code == 200
    data = response.get_json()
    assert data["month"] == "2026-04" and data["totals"]["praise"] == 15
    assert [t["slug"] for t in data["themes"]] == ["staff", "app", "price"]
    assert data["themes"][0]["label"] == {"tr": "Personelin ilgisi",
                                          "en": "Staff friendliness"}
    assert data["themes"][0]["quote"]["text"].startswith("Teşekkürler")
    assert data["staff"][0]["name"] == "Ayşe Yılmaz"
    assert "text" not in str(data["staff"]) and "raw text" not in response.get_data(True)
    slide = client.get("/reports/monthly/slide?month=2026-04&lang=en").get_data(as_text=True)
    assert "What customers loved most" in slide and "Staff friendliness" in slide
    assert "Ayşe Yılmaz" in slide and 'http-equiv="refresh"' in slide
    tr = client.get("/reports/monthly/slide?month=2026-04&lang=tr").get_data(as_text=True)
    assert "Müşterilerin en çok sevdikleri" in tr and "övgülerde %73" in tr


# --- suggestions -------------------------------------------------------------------------

def csrf_of(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def token_for(client, path: str) -> str:
    """The form token `client` is given on `path`.

    The app fixture keeps one app context open, which every request reuses, and Flask-WTF
    caches the token in `g`: forget it, or a second client would be handed the first's.
    """
    g.pop("csrf_token", None)
    return csrf_of(client.get(path).get_data(as_text=True))


def sign_in(client, username):
    accounts.create_user(username, "correct-horse", "admin" if username == "ada" else
                         "curator")
    token = token_for(client, "/admin/login")
    response = client.post("/admin/login", data={"username": username,
                                                 "password": "correct-horse",
                                                 "csrf_token": token})
    assert response.status_code == 302


def suggest(client, text, name="", month="2026-04", token=None):
    if token is None:
        token = token_for(client, f"/reports/monthly?month={month}")
    return client.post("/reports/monthly/suggestions",
                       data={"csrf_token": token, "month": month, "lang": "en",
                             "text": text, "name": name})


def test_a_visitor_leaves_a_suggestion_and_an_admin_reads_it(app, client):
    response = suggest(client, "Put the <b>top quote</b> on the huddle deck too.",
                       name="Deniz")
    assert response.status_code == 303
    assert "sent=1" in response.headers["Location"]
    assert "Thank you!" in client.get(response.headers["Location"]).get_data(as_text=True)
    suggest(client, "A second, newer one.")
    rows = db.session().query(Suggestion).order_by(Suggestion.id).all()
    assert [(s.month, s.name) for s in rows] == [("2026-04", "Deniz"), ("2026-04", None)]

    admin = app.test_client()
    sign_in(admin, "ada")
    page = admin.get("/admin/suggestions").get_data(as_text=True)
    assert page.index("A second, newer one.") < page.index("top quote")  # newest first
    assert "&lt;b&gt;top quote&lt;/b&gt;" in page and "2 okunmamış" in page  # Turkish by default
    first = rows[0]
    assert admin.post(f"/admin/suggestions/{first.id}/read").status_code == 400  # no CSRF
    response = admin.post(f"/admin/suggestions/{first.id}/read",
                          data={"csrf_token": csrf_of(page)})
    assert response.status_code == 302
    db.session().expire_all()
    assert db.session().get(Suggestion, first.id).read_at is not None
    entry = db.session().query(AuditEntry).filter_by(action="suggestion.read").one()
    assert entry.actor == "ada" and entry.target == f"suggestion:{first.id}"
    assert "1 okunmamış" in admin.get("/admin/suggestions").get_data(as_text=True)


def test_suggestions_need_the_form_token_and_a_sane_length(app, client):
    response = suggest(client, "Forged from another site.", token="forged")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "This form had expired" in html and "Forged from another site." in html
    assert suggest(client, "   ").status_code == 400
    too_long = suggest(client, "x" * 1001)
    assert too_long.status_code == 400 and "under 1000 characters" in too_long.get_data(True)
    assert suggest(client, "x" * 1000).status_code == 303
    assert db.session().query(Suggestion).count() == 1


def test_suggestions_are_rate_limited(app, client):
    app.config["SUGGESTION_RATE_LIMIT"] = "3 per minute"
    token = token_for(client, "/reports/monthly")
    codes = [suggest(client, f"idea {i}", token=token).status_code for i in range(4)]
    assert codes == [303, 303, 303, 429]
    assert db.session().query(Suggestion).count() == 3


def test_who_may_see_what(app, client):
    # The report is for every employee on the intranet: no account needed.
    for path in ("/reports/monthly", "/reports/monthly.json", "/reports/monthly/slide"):
        assert client.get(path).status_code == 200, path
    # Suggestions are for admins: a visitor is sent to sign in, a curator is refused.
    response = client.get("/admin/suggestions")
    assert response.status_code == 302 and "/admin/login" in response.headers["Location"]
    assert client.post("/admin/suggestions/1/read").status_code in (302, 400)
    curator = app.test_client()
    sign_in(curator, "cem")
    assert curator.get("/admin/suggestions").status_code == 403
    token = token_for(curator, "/reports/monthly")
    assert curator.post("/admin/suggestions/1/read",
                        data={"csrf_token": token}).status_code == 403


# --- the CLI -----------------------------------------------------------------------------

def test_cli_prints_a_summary_and_writes_a_pdf(app, tmp_path, monkeypatch):
    history(app)
    add(day(APRIL, 21), ["app"], text="<b>Harika</b> uygulama, teşekkürler ekip!",
        status="pinned", rating=5)
    env = {"KIOSK_DATABASE_URL": app.config["DATABASE_URL"],
           "KIOSK_INSTANCE_DIR": str(tmp_path), "KIOSK_SECRET_KEY": "cli",
           "KIOSK_TIMEZONE": TZ, "KIOSK_LANGUAGE": "tr"}
    for k in ("KIOSK_CONFIG",):
        monkeypatch.delenv(k, raising=False)
    from kiosk.cli import main

    runner = CliRunner()
    text = runner.invoke(main, ["report", "monthly", "--month", "2026-04"], env=env)
    assert text.exit_code == 0, text.output
    assert "Nisan 2026" in text.output and "Personelin ilgisi" in text.output
    assert "↑ %175" in text.output and "Ayşe Yılmaz (7)" in text.output
    english = runner.invoke(main, ["report", "monthly", "--month", "2026-04", "--lang", "en"],
                            env=env)
    assert "Staff friendliness" in english.output and "↑ 175%" in english.output
    bad = runner.invoke(main, ["report", "monthly", "--month", "April"], env=env)
    assert bad.exit_code != 0 and "YYYY-MM" in bad.output

    pdf = tmp_path / "april.pdf"
    made = runner.invoke(main, ["report", "monthly", "--month", "2026-04", "--pdf",
                                str(pdf)], env=env)
    assert made.exit_code == 0, made.output
    assert pdf.read_bytes().startswith(b"%PDF-")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert re.search(r"Pages:\s+[1-9]", info.stdout)
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+", info.stdout)  # A4
    body = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Personelin ilgisi" in body and "Nisan 2026" in body
    assert "<b>Harika</b>" in body  # customer text is text in the PDF too, never markup
    assert "raw text" not in body


def test_staff_appear_as_they_chose(app):
    """The report is public (intranet, wall slide, PDF): consent-first shout-outs hold."""
    add(day(APRIL, 2), ["staff"], ["Ayşe Yılmaz"], branch="Kadıköy",
        text="Ayşe Yılmaz çok yardımcı oldu, teşekkürler!")
    add(day(APRIL, 3), ["staff"], ["Ayşe Yılmaz"], branch="Kadıköy")
    add(day(APRIL, 4), ["staff"], ["Mehmet Demir"], branch="Kadıköy")
    db.session().add_all([StaffMember(name="Ayşe Yılmaz", team="Kasa", branch="Kadıköy",
                                      shown_as="none"),
                          StaffMember(name="Mehmet Demir", team="Kasap", branch="Kadıköy",
                                      shown_as="first")])
    db.session().commit()
    data = report.monthly(APRIL, TZ, NOW)
    assert [s["name"] for s in data["staff"]] == ["Mehmet"]
    assert {b["name"]: b["top_staff"] for b in data["branches"]} == {"Kadıköy": "Mehmet"}
    quotes = " ".join(q["text"] for q in by_slug(data)["staff"]["quotes"])
    assert "Ayşe" not in quotes and "Yılmaz" not in quotes
