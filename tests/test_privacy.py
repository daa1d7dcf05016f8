"""Personal data: erasure leaves no trace anywhere, export holds only the person, retention
ages data out, and a staff member leaves the roster and the walls at once."""

from __future__ import annotations

import gzip
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, select

from kiosk import (
    audit,
    backup,
    curation,
    db,
    digest_subscriptions,
    personal_export,
    privacy,
    retention,
    roster,
    rules,
    staff_removal,
)
from kiosk.analysis.neutral import neutralise
from kiosk.extensions import socketio
from kiosk.models import (
    AuditEntry,
    Base,
    Decision,
    DigestSend,
    Item,
    JobRun,
    Poster,
    Screen,
    StaffMember,
    Subscription,
)

HANDLE = "zeynep_k"
EMAIL = "zeynep.k@example.com"
PHRASE = "periwinkle teapot"  # in every item she wrote, and nowhere else


def events(client, name):
    return [e["args"][0] for e in client.get_received("/live") if e["name"] == name]


def dump(url: str) -> str:
    """Every row of every table, as one lower-cased string."""
    engine = create_engine(url)
    rows = []
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            rows += [f"{table.name}: {tuple(r)!r}" for r in conn.execute(select(table))]
    engine.dispose()
    return json.dumps(rows, ensure_ascii=False).lower()


def assert_no_trace(text: str, where: str) -> None:
    text = text.lower()
    for needle in (HANDLE, EMAIL, PHRASE):
        assert needle not in text, f"{needle!r} is still in {where}"


@pytest.fixture
def scene(app, make_item, admin_token, screen):
    """Zeynep's feedback across sources, with everything the product builds on it: a
    curator's decision and edit, a poster, a digest subscription and send, a block rule."""
    hers = [
        make_item(f"Wonderful staff, thank you! The {PHRASE} corner is lovely.",
                  status="pending", author="@Zeynep_K", source="x",
                  url="https://x.example/zeynep_k/1"),
        make_item(f"My {PHRASE} order was late and cold.", author="zeynep_k",
                  source="survey"),
        make_item(f"Lovely people, thank you for the {PHRASE}!", status="approved",
                  author="ZEYNEP_K", source="mastodon"),
    ]
    curation.approve_item(hers[0].id, "ada")
    curation.edit_text(hers[0].id, f"Thank you! The {PHRASE} corner is lovely.", "ada")
    mention = make_item("@zeynep_k told me about this place: wonderful staff, thank you!",
                        status="approved", author="Mert Demir", source="x")
    other = make_item("Lovely service from the Kadıköy team, thank you!",
                      status="approved", author="Bob Stone", source="google",
                      url="https://maps.example/r/9")
    session = db.session()
    session.add(Poster(item_id=hers[0].id, created_by="ada"))
    session.get(Screen, screen.id).current_item_id = hers[0].id
    session.commit()
    digest_subscriptions.subscribe(EMAIL, actor="ada")
    session.add(DigestSend(day="2026-01-05", address=EMAIL, items=3))
    session.commit()
    rules.save_rules(rules.Rules(blocked_authors=["@zeynep_k", "spammer"]), "ada")
    return {"hers": [i.id for i in hers], "mention": mention.id, "other": other.id,
            "other_text": other.text, "admin_token": admin_token, "token": screen.token}


def test_erase_leaves_no_trace_in_the_database_screens_archive_exports_or_backups(
        app, scene, monkeypatch, tmp_path):
    url = app.config["DATABASE_URL"]
    http = app.test_client()
    # Everything the test looks through shows her before: the checks below can fail.
    assert PHRASE in dump(url) and HANDLE in dump(url) and EMAIL in dump(url)
    assert PHRASE in http.get("/archive").get_data(as_text=True)
    assert 'id="summary">0 ' not in http.get(f"/archive?q={PHRASE}").get_data(as_text=True)
    assert PHRASE in http.get("/widget/feed.json?channel=default").get_data(as_text=True)
    display = socketio.test_client(app, namespace="/live",
                                   auth={"screen": scene["token"]})
    shown = {i["id"] for i in events(display, "feed")[0]["items"]}
    on_screen = {scene["hers"][0], scene["hers"][2]}
    assert on_screen <= shown

    # The command, in this process's app, so the screen connected above hears it (in
    # production the CLI and the server share KIOSK_MESSAGE_QUEUE).
    monkeypatch.setattr("kiosk.cli._app", lambda **_kw: app)
    from kiosk.cli import main

    done = CliRunner().invoke(main, ["erase", "--author", "@Zeynep_K", "--email",
                                     "Zeynep.K@example.com", "--yes"])
    assert done.exit_code == 0, done.output
    assert "erased: 3 items, 1 decisions, 1 posters, 1 mentions, 1 subscriptions" \
        in done.output
    erase_id = re.search(r"erase id: ([0-9a-f]{16})", done.output).group(1)

    # Screens: the connected one was told, a new one never sees her.
    removed = {e["id"] for e in events(display, "item_removed")}
    assert removed == on_screen
    fresh = socketio.test_client(app, namespace="/live",
                                 auth={"screen": scene["token"]})
    feed = events(fresh, "feed")[0]
    assert not on_screen & {i["id"] for i in feed["items"]}
    assert_no_trace(json.dumps(feed, ensure_ascii=False), "a new screen's feed")

    # The intranet: archive and widget feed (its cache was dropped).
    assert_no_trace(http.get("/archive").get_data(as_text=True), "/archive")
    assert 'id="summary">0 ' in http.get(f"/archive?q={PHRASE}").get_data(as_text=True)
    assert_no_trace(http.get("/widget/feed.json?channel=default").get_data(as_text=True),
                    "/widget/feed.json")

    # The database, every row of every table, and the file's bytes (freed pages zeroed).
    assert_no_trace(dump(url), "the database")
    path = Path(url.removeprefix("sqlite:///"))
    raw = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
    for needle in (HANDLE, EMAIL, PHRASE):
        assert needle.encode() not in raw.lower(), f"{needle} in the SQLite file's bytes"

    # Exports: the API, the audit CSV, an access request.
    listed = http.get("/api/v1/items?limit=100",
                      headers={"Authorization": f"Bearer {scene['admin_token']}"})
    assert_no_trace(listed.get_data(as_text=True), "/api/v1/items")
    assert_no_trace(audit.export_csv(), "audit.csv")
    export = personal_export.export_author("@zeynep_k", EMAIL)
    assert export["items"] == [] and export["digest_subscriptions"] == []
    assert export["named_in_other_items"] == 0 and export["on_block_list"] is False

    # A backup made afterwards.
    file = tmp_path / "after.gz"
    backup.backup(url, file)
    with gzip.open(file, "rt", encoding="utf-8") as fh:
        assert_no_trace(fh.read(), "a backup")

    # Other people: the bystander untouched, the one who named her keeps the item.
    session = db.session()
    session.expire_all()
    other = session.get(Item, scene["other"])
    assert other.text == scene["other_text"] and other.author == "Bob Stone"
    assert other.url == "https://maps.example/r/9" and other.status == "approved"
    mention = session.get(Item, scene["mention"])
    assert mention.text == "@… told me about this place: wonderful staff, thank you!"
    assert mention.author == "Mert Demir" and mention.status == "approved"
    assert rules.current_rules().blocked_authors == ["spammer"]

    # The audit entry: counts and the erase id, nothing about her.
    entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "privacy.erase"))
    assert entry.target == f"erasure:{erase_id}" and entry.actor == "cli"
    assert entry.after["items"] == 3 and entry.after["erase_id"] == erase_id
    assert_no_trace(json.dumps([entry.target, entry.before, entry.after]), "the audit entry")
    assert "zeynep" not in json.dumps(entry.after).lower()
    # Who decided what stays in the audit trail, without her text.
    edit = session.scalar(select(AuditEntry).where(AuditEntry.action == "item.edit"))
    assert edit.actor == "ada" and edit.after["edited_text"] == privacy.ERASED


def test_preview_counts_what_erase_removes_and_changes_nothing(app, scene):
    before = dump(app.config["DATABASE_URL"])
    preview = privacy.preview_erasure("zeynep_k", EMAIL)
    assert dump(app.config["DATABASE_URL"]) == before
    report = privacy.erase_author("zeynep_k", "ada", EMAIL)
    assert preview.counts() == report.counts()
    assert report.counts() == {"items": 3, "decisions": 1, "posters": 1, "mentions": 1,
                               "subscriptions": 1, "digest_sends": 1, "audit_entries": 3,
                               "block_lists": 1, "channels": 1}
    again = privacy.erase_author("zeynep_k", "ada", EMAIL)  # a repeated request: nothing left
    assert again.items == again.mentions == again.subscriptions == again.audit_entries == 0
    assert again.erase_id != report.erase_id


def test_a_source_limits_the_erasure(app, scene):
    report = privacy.erase_author("zeynep_k", "ada", source="survey")
    assert report.items == 1 and report.subscriptions == 0
    left = db.session().scalars(select(Item.source).where(Item.id.in_(scene["hers"]))).all()
    assert sorted(left) == ["mastodon", "x"]


def test_handles_match_whole_values_only(app, make_item):
    make_item("Great coffee, thank you!", author="ali")
    alice = make_item("Great tea, thank you @alice and @ali.k!", author="Alice")
    assert privacy.preview_erasure("@ALI").items == 1
    assert privacy.preview_erasure("ali").mentions == 0  # @alice, @ali.k are others
    privacy.erase_author("ali", "ada")
    assert db.session().get(Item, alice.id).text == "Great tea, thank you @alice and @ali.k!"
    with pytest.raises(privacy.PrivacyError):
        privacy.preview_erasure("  @ ")
    with pytest.raises(privacy.PrivacyError, match="not an e-mail"):
        privacy.preview_erasure("ali", "not-an-address")


def test_export_holds_the_person_and_nothing_of_others(app, scene):
    data = personal_export.export_author("@zeynep_k", EMAIL, actor="ada")
    assert sorted(i["id"] for i in data["items"]) == sorted(scene["hers"])
    first = next(i for i in data["items"] if i["id"] == scene["hers"][0])
    assert first["author"] == "@Zeynep_K" and first["url"] == "https://x.example/zeynep_k/1"
    assert PHRASE in first["text"] and PHRASE in first["edited_text"]
    assert first["analysis"]["label"] and first["posters"] == 1
    assert [d["after"] for d in first["decisions"]] == ["approved"]
    assert "ada" not in json.dumps(first["decisions"])  # the curator's name is not hers
    assert [s["email"] for s in data["digest_subscriptions"]] == [EMAIL]
    assert [s["day"] for s in data["digest_sends"]] == ["2026-01-05"]
    assert data["named_in_other_items"] == 1 and data["on_block_list"] is True
    text = json.dumps(data, ensure_ascii=False)
    for foreign in ("Mert", "Bob Stone", "Kadıköy team", "told me about", scene["other_text"]):
        assert foreign not in text
    entry = db.session().scalar(select(AuditEntry).where(
        AuditEntry.action == "privacy.export"))
    assert entry.after["items"] == 3 and "zeynep" not in json.dumps(entry.after).lower()


def test_the_commands_through_the_database_url(app, scene, tmp_path, monkeypatch):
    from kiosk.cli import main

    monkeypatch.setenv("KIOSK_DATABASE_URL", app.config["DATABASE_URL"])
    monkeypatch.setenv("KIOSK_SECRET_KEY", "x")
    monkeypatch.setenv("KIOSK_INSTANCE_DIR", str(tmp_path))
    out = tmp_path / "zeynep.json"
    done = CliRunner().invoke(main, ["export", "--author", "zeynep_k", "--email", EMAIL,
                                     "--out", str(out)])
    assert done.exit_code == 0, done.output
    assert "3 items, 1 subscriptions" in done.output
    data = json.loads(out.read_text("utf-8"))
    assert len(data["items"]) == 3 and scene["other_text"] not in out.read_text("utf-8")

    done = CliRunner().invoke(main, ["erase", "--author", "zeynep_k"], input="n\n")
    assert done.exit_code == 1 and "found: 3 items" in done.output
    assert "Aborted" in done.output
    assert PHRASE in dump(app.config["DATABASE_URL"])  # nothing happened

    done = CliRunner().invoke(main, ["erase", "--author", "zeynep_k", "--email", EMAIL],
                              input="y\n")
    assert done.exit_code == 0, done.output
    assert "erased: 3 items" in done.output and "erase id:" in done.output
    assert_no_trace(dump(app.config["DATABASE_URL"]), "the database")

    done = CliRunner().invoke(main, ["export", "--author", "zeynep_k"])
    assert done.exit_code == 0 and json.loads(done.output)["items"] == []
    done = CliRunner().invoke(main, ["erase", "--author", "  "])
    assert done.exit_code == 1 and "handle" in done.output


# --- retention ----------------------------------------------------------------------------

def test_retention_anonymises_or_deletes_old_items_and_leaves_new_ones(app, make_item,
                                                                         screen):
    old = (datetime.now(UTC) - timedelta(days=400)).isoformat()
    approved = make_item("Thanks Ayşe, call me on 0532 111 22 33!", status="approved",
                         author="Ayşe Kaya", url="https://r.example/1", created_at=old)
    edited = make_item("Wonderful team, my e-mail is a@b.co", status="approved",
                       author="Can Öz", created_at=old)
    curation.edit_text(edited.id, "Wonderful team!", "ada")
    pending = make_item("Where is my order?", status="pending", author="Deniz", created_at=old)
    curation.reject_item(pending.id, "ada")
    recent = make_item("Thank you, lovely people!", status="approved", author="Ali Veli",
                       url="https://r.example/2")
    display_text = approved.analysis.display_text
    assert "0532" not in display_text
    session = db.session()
    session.add_all([JobRun(job="close-day", slot="old", holder="h",
                            started_at=datetime.now(UTC) - timedelta(days=100)),
                     JobRun(job="close-day", slot="new", holder="h"),
                     DigestSend(day="2025-01-01", address="x@example.com",
                                sent_at=datetime.now(UTC) - timedelta(days=100)),
                     DigestSend(day="2026-01-01", address="x@example.com")])
    session.commit()

    assert retention.apply_retention() == {"anonymised": 0, "deleted": 0, "audit_entries": 0,
                                         "job_runs": 1, "digest_sends": 1}  # days = 0: keep
    assert session.get(Item, approved.id).author == "Ayşe Kaya"

    app.config["RETENTION_DAYS"] = 365
    counts = retention.apply_retention()
    assert counts["anonymised"] == 2 and counts["deleted"] == 1
    assert counts["audit_entries"] == 1  # the edit held text; the rejection did not
    session.expire_all()
    kept = session.get(Item, approved.id)
    assert kept.text == display_text and kept.author is None and kept.url is None
    assert kept.external_id == f"anon:{kept.id}" and kept.status == "approved"
    assert kept.analysis.display_text == display_text  # what screens showed stays
    kept_edit = session.get(Item, edited.id)
    assert kept_edit.text == "Wonderful team!" == kept_edit.edited_text
    assert session.get(Item, pending.id) is None
    assert not session.scalars(select(Decision).where(Decision.item_id == pending.id)).all()
    audited = session.scalars(select(AuditEntry).where(
        AuditEntry.target.in_([f"item:{edited.id}", f"item:{pending.id}"]))).all()
    assert "e-mail is" not in json.dumps([a.before for a in audited] + [a.after
                                                                       for a in audited])
    fresh = session.get(Item, recent.id)
    assert fresh.author == "Ali Veli" and fresh.url == "https://r.example/2"
    assert fresh.text == "Thank you, lovely people!"
    assert [r.slot for r in session.scalars(select(JobRun))] == ["new"]
    assert [r.day for r in session.scalars(select(DigestSend))] == ["2026-01-01"]
    assert retention.apply_retention()["anonymised"] == 0  # done once


def test_retention_without_keeping_approved_takes_pinned_items_off_the_screens(
        app, make_item, screen):
    old = (datetime.now(UTC) - timedelta(days=40)).isoformat()
    pinned = make_item("Thank you, wonderful people!", status="pinned", created_at=old)
    display = socketio.test_client(app, namespace="/live", auth={"screen": screen.token})
    assert [i["id"] for i in events(display, "feed")[0]["items"]] == [pinned.id]
    app.config.update(RETENTION_DAYS=30, RETENTION_KEEP_APPROVED="false")
    assert retention.apply_retention()["deleted"] == 1
    assert events(display, "item_removed") == [{"id": pinned.id}]
    assert db.session().get(Item, pinned.id) is None


def test_the_daily_hook_applies_retention_and_never_raises(app, make_item, caplog):
    old = make_item("Thank you, lovely people!", status="approved", author="Ali Veli",
                    created_at=(datetime.now(UTC) - timedelta(days=10)).isoformat())
    app.config["RETENTION_DAYS"] = 7
    retention.daily_retention(datetime.now(UTC).date())
    db.session().expire_all()
    assert db.session().get(Item, old.id).author is None
    app.config["RETENTION_DAYS"] = "soon"
    retention.daily_retention(datetime.now(UTC).date())  # logged, not raised
    assert "retention failed" in caplog.text


# --- staff --------------------------------------------------------------------------------

ROSTER = """name,aliases,team,branch,email
Ayşe Kaya,,Kasa,Kadıköy,ayse@example.com
Ayşe Yılmaz,,Mutfak,Çankaya,
Mehmet Demir,Memo,Mutfak,Kadıköy,
"""


def test_remove_staff_takes_the_name_off_every_screen_at_once(app, make_item, screen):
    roster.import_roster(ROSTER)
    tr = make_item("Ayşe Hanım'a çok teşekkürler, harika hizmet!", status="approved",
                   branch="Kadıköy")
    en = make_item("Thanks to Ayşe Kaya and Mehmet at the till, so kind!", status="approved")
    other = make_item("Mehmet Bey'e çok teşekkürler, harika!", status="approved")
    assert tr.analysis.mentions == ["Ayşe Kaya"]
    assert en.analysis.mentions == ["Ayşe Kaya", "Mehmet Demir"]
    display = socketio.test_client(app, namespace="/live", auth={"screen": screen.token})
    display.get_received("/live")

    done = staff_removal.remove_staff("ayşe kaya", "ada")
    assert (done.staff, done.items) == (1, 2)
    received = display.get_received("/live")
    updated = {e["args"][0]["id"]: e["args"][0]["item"] for e in received
               if e["name"] == "item_updated"}
    assert set(updated) == {tr.id, en.id}
    (numbers,) = [e["args"][0] for e in received if e["name"] == "stats"]  # the weekly slide
    assert [p["name"] for p in numbers["top_staff"]] == ["Mehmet Demir"]
    assert updated[tr.id]["text"] == "Bir çalışanımıza çok teşekkürler, harika hizmet!"
    assert updated[en.id]["text"] == \
        "Thanks to a colleague and Mehmet at the till, so kind!"
    assert updated[tr.id]["mentions"] == [] and updated[en.id]["mentions"] == ["Mehmet Demir"]
    session = db.session()
    session.expire_all()
    assert session.get(Item, other.id).analysis.display_text == \
        "Mehmet Bey'e çok teşekkürler, harika!"
    assert [s.name for s in session.scalars(select(StaffMember).order_by(StaffMember.name))] \
        == ["Ayşe Yılmaz", "Mehmet Demir"]
    fresh = socketio.test_client(app, namespace="/live", auth={"screen": screen.token})
    assert "Ayşe" not in json.dumps(events(fresh, "feed")[0], ensure_ascii=False)
    entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "staff.remove"))
    assert entry.after["items"] == 2 and "Ayşe" not in json.dumps(entry.after,
                                                                  ensure_ascii=False)
    with pytest.raises(privacy.PrivacyError):
        staff_removal.remove_staff("Ayşe Kaya", "ada")  # gone from the roster and the screens


@pytest.mark.parametrize("text, lang, expected", [
    ("Ayşe Hanım'a çok teşekkürler!", "tr", "Bir çalışanımıza çok teşekkürler!"),
    ("Kadıköy'deki Ayşe'ye teşekkürler", "tr", "Kadıköy'deki bir çalışanımıza teşekkürler"),
    ("Ayşe Kaya'nın ilgisi süperdi", "tr", "Bir çalışanımızın ilgisi süperdi"),
    ("Ayşeden çok memnun kaldık", "tr", "Bir çalışanımızdan çok memnun kaldık"),
    ("Ayşe'yi tebrik ederim", "tr", "Bir çalışanımızı tebrik ederim"),
    ("Ayşe ile konuştuk, Ayşe Yılmaz da iyiydi", "tr",
     "Bir çalışanımız ile konuştuk, Ayşe Yılmaz da iyiydi"),
    ("Ayşe's smile made my day. Mrs Kaya too.", "en",
     "A colleague's smile made my day. A colleague too."),
    ("Thanks to AYŞE KAYA!", "en", "Thanks to a colleague!"),
    ("Nothing about her here.", "en", "Nothing about her here."),
])
def test_neutralise(text, lang, expected):
    assert neutralise(text, "Ayşe Kaya", ["Kaya"], lang, ["Ayşe Yılmaz"]) == expected


def test_neutralise_leaves_ordinary_words_alone():
    assert neutralise("I can say Can was great.", "Can Öz", lang="en") == \
        "I can say a colleague was great."
    assert neutralise("Deniz ürünleri harika. Deniz Hanım'a teşekkürler", "Deniz Ak",
                              lang="tr") == "Deniz ürünleri harika. Bir çalışanımıza teşekkürler"


_WORDS = st.sampled_from(["çok", "teşekkürler", "harika", "thanks", "to", "the", "team", ",",
                          "!", ".", "kasada", "and", "Ali"])


@settings(max_examples=150, deadline=None)
@given(before=st.lists(_WORDS, max_size=6), after=st.lists(_WORDS, max_size=6),
       form=st.sampled_from(["Ayşe", "Ayşe Kaya", "Ayşe'ye", "AYŞE", "Ayşe Hanım'ın",
                             "Ayşeye", "Ayşe Kaya'dan", "ayşe"]),
       lang=st.sampled_from(["tr", "en"]))
def test_the_name_never_survives_neutralise(before, after, form, lang):
    text = " ".join([*before, form, *after])
    out = neutralise(text, "Ayşe Kaya", [], lang)
    assert "ayşe" not in out.lower() and "kaya" not in out.lower()
    assert " ".join(after) in out  # what follows the name is kept


# --- the console page ---------------------------------------------------------------------

def _csrf(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


@pytest.fixture
def admin(app, client):
    from kiosk import accounts

    accounts.create_user("root", "correct-horse", "admin").language = "en"
    db.session().commit()
    token = _csrf(client.get("/admin/login").get_data(as_text=True))
    client.post("/admin/login", data={"username": "root", "password": "correct-horse",
                                      "csrf_token": token})
    # The test's app context outlives requests, and Flask-Babel keeps the first locale in it.
    from flask_babel import refresh

    refresh()
    return client


def test_the_console_page_previews_exports_and_erases(app, scene, admin):
    page = admin.get("/admin/privacy")
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    token = _csrf(page.get_data(as_text=True))
    form = {"author": "@zeynep_k", "email": EMAIL, "source": "", "csrf_token": token}
    assert admin.post("/admin/privacy", data={**form, "do": "preview",
                                              "csrf_token": ""}).status_code == 400
    shown = admin.post("/admin/privacy", data={**form, "do": "preview"})
    html = shown.get_data(as_text=True)
    assert shown.status_code == 200 and 'id="erase"' in html
    assert PHRASE not in html  # counts, not a dump
    assert re.search(r"<td class=\"num\">3</td>", html)

    exported = admin.post("/admin/privacy", data={**form, "do": "export"})
    assert exported.mimetype == "application/json"
    assert "zeynep" not in exported.headers["Content-Disposition"]
    assert len(json.loads(exported.get_data())["items"]) == 3

    refused = admin.post("/admin/privacy", data={**form, "do": "erase", "confirm": "zeynep"},
                         follow_redirects=True)
    assert "Type the author" in refused.get_data(as_text=True)
    assert len(personal_export.export_author("zeynep_k")["items"]) == 3

    done = admin.post("/admin/privacy", data={**form, "do": "erase",
                                              "confirm": "ZEYNEP_K"}, follow_redirects=True)
    assert "Erased 3 items" in done.get_data(as_text=True)
    assert_no_trace(dump(app.config["DATABASE_URL"]), "the database")
    entry = db.session().scalar(select(AuditEntry).where(AuditEntry.action == "privacy.erase"))
    assert entry.actor == "root"
    assert not db.session().scalars(select(Subscription)).all()


def test_the_console_page_removes_a_staff_member(app, admin, make_item, screen):
    roster.import_roster(ROSTER)
    item = make_item("Ayşe Hanım'a çok teşekkürler, harika hizmet!", status="approved",
                     branch="Kadıköy")
    page = admin.get("/admin/privacy").get_data(as_text=True)
    assert "<option>Ayşe Kaya</option>" in page
    form = {"csrf_token": _csrf(page), "do": "remove_staff", "name": "Ayşe Kaya"}
    admin.post("/admin/privacy", data=form)
    assert db.session().scalar(select(StaffMember).where(StaffMember.name == "Ayşe Kaya"))
    done = admin.post("/admin/privacy", data={**form, "confirm_staff": "1"},
                      follow_redirects=True)
    assert "1 shout-outs" in done.get_data(as_text=True)
    db.session().expire_all()
    assert db.session().get(Item, item.id).analysis.mentions == []


def test_the_page_speaks_turkish(app, client):
    from kiosk import accounts

    accounts.create_user("kök", "correct-horse", "admin")
    token = _csrf(client.get("/admin/login").get_data(as_text=True))
    client.post("/admin/login", data={"username": "kök", "password": "correct-horse",
                                      "csrf_token": token})
    page = client.get("/admin/privacy", headers={"Accept-Language": "tr"})
    html = page.get_data(as_text=True)
    assert "Kişisel veriler" in html and "Listeden ve ekranlardan çıkar" in html


def test_curators_cannot_open_the_page(app, client):
    from kiosk import accounts

    accounts.create_user("cem", "correct-horse", "curator")
    token = _csrf(client.get("/admin/login").get_data(as_text=True))
    client.post("/admin/login", data={"username": "cem", "password": "correct-horse",
                                      "csrf_token": token})
    assert client.get("/admin/privacy").status_code == 403
