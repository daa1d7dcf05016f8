"""The morning digest, delivered to a real SMTP server (aiosmtpd) on a free local port."""

from __future__ import annotations

import email
import os
import re
import ssl
import subprocess
import sys
import threading
from datetime import UTC, date, datetime
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from markupsafe import escape

from kiosk import db, digest, digest_subscriptions, mail, roster, scheduler
from kiosk.models import AuditEntry, DigestSend, Subscription
from tests.conftest import free_port
from tests.test_console import csrf_of, sign_in

# Tuesday 24 November 2026, 08:00 in Istanbul: "yesterday" is Monday the 23rd.
NOW = datetime(2026, 11, 24, 5, 0, tzinfo=UTC)
DAY = date(2026, 11, 23)
MAIL_FROM = "Kiosk <digest@kiosk.example>"
TURKISH = "Ayşe Hanım'a çok teşekkürler! İyi ki varsınız 🙏😊"
HOSTILE = '<script>alert("x")</script> Wonderful staff at the till, thank you so much!'
KITCHEN = "Mehmet made the best pide I ever had, thank you so much!"
ROSTER = ("name,aliases,team,branch\n"
          "Ayşe Kaya,Ayşe,Kasa,Kadıköy\n"
          "Mehmet Demir,Mehmet,Mutfak,Beşiktaş\n")


# --- a real SMTP server ------------------------------------------------------------------

class Inbox:
    """aiosmtpd handler: keeps every message it accepts, raw and parsed."""

    def __init__(self):
        self.received: list[tuple[str, list[str], bytes]] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 — aiosmtpd's name
        with self.lock:
            self.received.append((envelope.mail_from, list(envelope.rcpt_tos),
                                  envelope.original_content))
        return "250 OK"

    @property
    def messages(self) -> list[EmailMessage]:
        return [email.message_from_bytes(raw, policy=policy.default)
                for _f, _t, raw in self.received]

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"] == address]


class Server:
    def __init__(self, inbox: Inbox | None = None, **smtp_options):
        self.inbox = inbox or Inbox()
        self.port = free_port()
        # No SMTPUTF8: the digest must pass any 7-bit relay, so nothing may rely on it.
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port,
                                     enable_SMTPUTF8=False, **smtp_options)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *_exc):
        self.controller.stop()


@pytest.fixture
def smtp():
    with Server() as server:
        yield server


@pytest.fixture
def app_mail(app, smtp):
    app.config.update(SMTP_URL=f"smtp://127.0.0.1:{smtp.port}", MAIL_FROM=MAIL_FROM,
                      PUBLIC_URL="https://kiosk.example", LANGUAGE="tr")
    return app


@pytest.fixture
def day_of_praise(app_mail, make_item):
    """Three approved praise items on the 23rd, and others that must never be sent."""
    roster.import_roster(ROSTER)
    items = {
        "turkish": make_item(TURKISH, status="approved", branch="Kadıköy", rating=5,
                             author="Zeynep Yıldız", created_at="2026-11-23T09:15:00+03:00"),
        "hostile": make_item(HOSTILE, status="approved", branch="Kadıköy", rating=4,
                             created_at="2026-11-23T13:40:00+03:00"),
        "kitchen": make_item(KITCHEN, status="pinned", branch="Beşiktaş",
                             created_at="2026-11-23T23:30:00+03:00"),
    }
    # Not for the digest: the day before and the day after in Istanbul, pending, rejected,
    # and a complaint.
    make_item("The day before: lovely service, thank you!", status="approved",
              created_at="2026-11-22T23:30:00+03:00")
    make_item("Already today: excellent help, thanks!", status="approved",
              created_at="2026-11-24T00:10:00+03:00")
    make_item("Pending praise: great coffee, thank you!", status="pending",
              created_at="2026-11-23T10:00:00+03:00")
    make_item("Rejected praise: great tea, thank you!", status="rejected",
              created_at="2026-11-23T10:00:00+03:00")
    make_item("Terrible, rude staff and cold food. Never again.", status="approved",
              created_at="2026-11-23T11:00:00+03:00")
    for item in items.values():
        assert item.analysis.label == "praise", item.text
    assert items["turkish"].analysis.mentions == ["Ayşe Kaya"]
    assert items["kitchen"].analysis.mentions == ["Mehmet Demir"]
    return items


def parts(message: EmailMessage) -> tuple[str, str]:
    return (message.get_body(("plain",)).get_content(),
            message.get_body(("html",)).get_content())


def quotes(text: str) -> list[str]:
    return re.findall(r"“(.*?)”", text)


# --- delivery -----------------------------------------------------------------------------

def test_the_digest_arrives_with_headers_both_parts_and_turkish_intact(day_of_praise, smtp):
    sub = digest_subscriptions.subscribe("Patron@Example.com", language="tr")
    outcomes = digest.send_day(now=NOW)
    assert [(o.address, o.status, o.items) for o in outcomes] == [
        ("patron@example.com", "sent", 3)]

    [(mail_from, rcpt_tos, raw)] = smtp.inbox.received
    assert mail_from == "digest@kiosk.example" and rcpt_tos == ["patron@example.com"]
    assert max(raw) < 128, "the message must be 7-bit clean for any relay"
    subject = "Dünün teşekkürleri: 3 müşteri yorumu — 23 Kasım 2026"
    assert b"=?utf-8?" in raw.split(b"\r\n\r\n", 1)[0]  # RFC 2047 on the wire
    [message] = smtp.inbox.messages
    assert message["Subject"] == subject  # …and decoded exactly
    assert message["From"] == MAIL_FROM and message["To"] == "patron@example.com"
    link = f"https://kiosk.example/digest/unsubscribe/{sub.token}"
    assert message["List-Unsubscribe"] == f"<{link}>"
    assert f"List-Unsubscribe: <{link}>".encode() in raw  # a URL, not encoded-words
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message.get_content_type() == "multipart/alternative"

    text, html = parts(message)
    # Pinned first, then the day as it happened; Turkish letters and emoji intact.
    assert quotes(text) == [KITCHEN, TURKISH, HOSTILE]
    assert escape(TURKISH) in html and "🙏😊" in html  # the apostrophe as &#39;
    assert "Kadıköy şubesi" in text and "Teşekkür edilen: Ayşe Kaya" in text
    assert "★★★★★" in text and "★★★★☆" in html
    assert "Zeynep Y." in text and "Zeynep Yıldız" not in text + html  # display_author
    assert link in text and f'href="{link}"' in html
    assert "https://kiosk.example/huddle?date=2026-11-23&amp;lang=tr" in html
    # Customer text is escaped in HTML (and plain text is plain text).
    assert "<script>" not in html and "&lt;script&gt;alert(" in html
    assert HOSTILE in text
    assert '<html lang="tr">' in html and "Pazartesi, 23 Kasım 2026" in html
    assert ("Bu e-postayı Kiosk sabah özetine (Tüm şubeler) abone olduğunuz için "
            "alıyorsunuz.") in text

    [claim] = db.session().query(DigestSend).all()
    assert (claim.day, claim.address, claim.items) == ("2026-11-23", "patron@example.com", 3)


def test_english_subscribers_get_english(day_of_praise, smtp):
    digest_subscriptions.subscribe("lead@example.com", language="en")
    digest.send_day(now=NOW)
    [message] = smtp.inbox.messages
    assert message["Subject"] == \
        "Yesterday's praise: 3 customer comments — 23 November 2026"
    text, html = parts(message)
    assert "Monday, 23 November 2026" in text and "Shout-out: Ayşe Kaya" in text
    assert "Kadıköy branch" in html and '<html lang="en">' in html


def test_an_older_day_is_not_called_yesterday(day_of_praise, smtp):
    digest_subscriptions.subscribe("lead@example.com", language="en")
    digest.send_day(DAY, now=datetime(2026, 11, 30, 9, 0, tzinfo=UTC))
    assert smtp.inbox.messages[0]["Subject"] == \
        "Praise of the day: 3 customer comments — 23 November 2026"


def test_branch_and_team_subscribers_get_only_their_praise(day_of_praise, smtp):
    digest_subscriptions.subscribe("kadikoy@example.com", branch="Kadıköy")
    digest_subscriptions.subscribe("kasa@example.com", team="Kasa", language="en")
    digest_subscriptions.subscribe("mutfak@example.com", team="Mutfak")
    digest_subscriptions.subscribe("besiktas-kasa@example.com", branch="Beşiktaş", team="Kasa")
    digest_subscriptions.subscribe("uskudar@example.com", branch="Üsküdar")

    outcomes = {o.address: o for o in digest.send_day(now=NOW)}
    assert set(outcomes) == {"kadikoy@example.com", "kasa@example.com", "mutfak@example.com"}

    def got(address):
        [message] = smtp.inbox.to(address)
        return message, quotes(parts(message)[0])

    message, seen = got("kadikoy@example.com")
    assert seen == [TURKISH, HOSTILE]
    assert message["Subject"] == "Dünün teşekkürleri: 2 müşteri yorumu — 23 Kasım 2026"
    assert "Kadıköy şubesi" in parts(message)[0].splitlines()[1]
    message, seen = got("kasa@example.com")
    assert seen == [TURKISH]
    assert message["Subject"] == "Yesterday's praise: 1 customer comment — 23 November 2026"
    assert "team=Kasa" in parts(message)[0]  # the huddle link keeps the scope
    assert got("mutfak@example.com")[1] == [KITCHEN]
    # Nothing to read, nothing sent, nothing claimed.
    assert not smtp.inbox.to("uskudar@example.com")
    assert not smtp.inbox.to("besiktas-kasa@example.com")
    assert db.session().query(DigestSend).count() == 3


def test_an_address_with_two_subscriptions_gets_one_email(day_of_praise, smtp):
    digest_subscriptions.subscribe("ops@example.com", team="Kasa")
    digest_subscriptions.subscribe("ops@example.com", team="Mutfak")
    digest.send_day(now=NOW)
    [message] = smtp.inbox.messages
    assert quotes(parts(message)[0]) == [KITCHEN, TURKISH]
    assert "Kasa ekibi, Mutfak ekibi" in parts(message)[0]


def test_running_twice_sends_once(day_of_praise, smtp):
    digest_subscriptions.subscribe("patron@example.com")
    digest_subscriptions.subscribe("lead@example.com", language="en")
    assert {o.status for o in digest.send_day(now=NOW)} == {"sent"}
    assert {o.status for o in digest.send_day(now=NOW)} == {"already sent"}
    assert {o.status for o in digest.send_day(DAY, now=NOW)} == {"already sent"}
    assert sorted(t[0] for _f, t, _r in smtp.inbox.received) == [
        "lead@example.com", "patron@example.com"]


def test_two_schedulers_at_once_send_each_address_once(app_mail, day_of_praise, smtp):
    addresses = [f"person{n}@example.com" for n in range(8)]
    for address in addresses:
        digest_subscriptions.subscribe(address)
    start = threading.Barrier(3)
    results, errors = [], []

    def run():
        with app_mail.app_context():
            start.wait()
            try:
                results.append(digest.send_day(now=NOW))
            except Exception as exc:  # surfaced below
                errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors
    assert sorted(t[0] for _f, t, _r in smtp.inbox.received) == sorted(addresses)
    statuses = [o.status for outcomes in results for o in outcomes]
    assert statuses.count("sent") == 8 and statuses.count("failed") == 0
    assert db.session().query(DigestSend).count() == 8


def test_a_server_that_is_down_leaves_no_claim_and_says_why(app_mail, day_of_praise, smtp):
    digest_subscriptions.subscribe("patron@example.com")
    app_mail.config["SMTP_URL"] = f"smtp://127.0.0.1:{free_port()}"  # nobody listens
    [outcome] = digest.send_day(now=NOW)
    assert outcome.status == "failed"
    assert "could not connect to the mail server smtp://127.0.0.1:" in outcome.error
    assert "connection refused" in outcome.error
    assert db.session().query(DigestSend).count() == 0

    app_mail.config["SMTP_URL"] = f"smtp://127.0.0.1:{smtp.port}"  # back up: a retry works
    assert [o.status for o in digest.send_day(now=NOW)] == ["sent"]
    assert len(smtp.inbox.received) == 1


def test_a_refused_recipient_is_released_and_the_others_still_go(app_mail, day_of_praise):
    class Picky(Inbox):
        async def handle_RCPT(self, server, session, envelope, address, options):  # noqa: N802
            if address.startswith("gone"):
                return "550 5.1.1 no such mailbox"
            envelope.rcpt_tos.append(address)
            return "250 OK"

    with Server(Picky()) as server:
        app_mail.config["SMTP_URL"] = f"smtp://127.0.0.1:{server.port}"
        for address in ("a@example.com", "gone@example.com", "z@example.com"):
            digest_subscriptions.subscribe(address)
        outcomes = {o.address: o for o in digest.send_day(now=NOW)}
    assert outcomes["gone@example.com"].status == "failed"
    assert "refused the recipient" in outcomes["gone@example.com"].error
    assert "550" in outcomes["gone@example.com"].error
    assert outcomes["a@example.com"].status == outcomes["z@example.com"].status == "sent"
    assert sorted(a for (a,) in db.session().query(DigestSend.address)) == [
        "a@example.com", "z@example.com"]


def test_dry_run_sends_nothing_and_claims_nothing(day_of_praise, smtp):
    digest_subscriptions.subscribe("patron@example.com")
    [outcome] = digest.send_day(now=NOW, dry_run=True)
    assert outcome.status == "dry run" and outcome.items == 3
    assert outcome.subject == "Dünün teşekkürleri: 3 müşteri yorumu — 23 Kasım 2026"
    assert quotes(outcome.text) == [KITCHEN, TURKISH, HOSTILE]
    assert smtp.inbox.received == []
    assert db.session().query(DigestSend).count() == 0


def test_nobody_subscribed_or_no_praise_sends_nothing(app_mail, smtp, make_item):
    assert digest.send_day(now=NOW) == []
    digest_subscriptions.subscribe("patron@example.com")
    assert digest.send_day(now=NOW) == []  # a quiet day: no empty e-mail
    app_mail.config["SMTP_URL"] = None  # not even needed when there is nothing to send
    assert digest.send_day(now=NOW) == []
    assert smtp.inbox.received == []


def test_without_an_smtp_url_the_error_says_so(app_mail, day_of_praise):
    digest_subscriptions.subscribe("patron@example.com")
    app_mail.config["SMTP_URL"] = None
    with pytest.raises(mail.MailError, match="KIOSK_SMTP_URL is not set"):
        digest.send_day(now=NOW)
    assert db.session().query(DigestSend).count() == 0


def test_to_sends_the_full_day_once_per_address(day_of_praise, smtp):
    digest_subscriptions.subscribe("kasa@example.com", team="Kasa")
    outcomes = digest.send_day(DAY, to=("Boss@Example.com", "kasa@example.com"),
                               language="en", now=NOW)
    assert [(o.address, o.status, o.items) for o in outcomes] == [
        ("boss@example.com", "sent", 3), ("kasa@example.com", "sent", 3)]
    boss = smtp.inbox.to("boss@example.com")[0]
    assert boss["List-Unsubscribe"] is None  # not a subscriber: nothing to unsubscribe from
    assert "you are not subscribed" in parts(boss)[0]
    assert smtp.inbox.to("kasa@example.com")[0]["List-Unsubscribe"]
    # Recorded like any send: neither --to again nor the subscriber run repeats it.
    assert [o.status for o in digest.send_day(DAY, to=("boss@example.com",), now=NOW)] == [
        "already sent"]
    assert [o.status for o in digest.send_day(now=NOW)] == ["already sent"]
    assert len(smtp.inbox.received) == 2


def test_a_long_day_is_cut_with_a_pointer_to_the_rest(app_mail, smtp, make_item, monkeypatch):
    monkeypatch.setattr(digest, "MAX_ITEMS", 2)
    for n in range(4):
        make_item(f"Great service number {n}, thank you!", status="approved",
                  created_at=f"2026-11-23T1{n}:00:00+03:00")
    digest_subscriptions.subscribe("lead@example.com", language="en")
    digest.send_day(now=NOW)
    [message] = smtp.inbox.messages
    text, _html = parts(message)
    assert message["Subject"].startswith("Yesterday's praise: 4 customer comments")
    assert len(quotes(text)) == 2 and "And 2 more comments." in text


# --- unsubscribing ------------------------------------------------------------------------

def test_the_unsubscribe_link_asks_then_unsubscribes_and_stops_the_next_digest(
        day_of_praise, smtp, client, make_item):
    digest_subscriptions.subscribe("patron@example.com")
    digest_subscriptions.subscribe("patron@example.com", branch="Kadıköy")
    digest_subscriptions.subscribe("other@example.com")
    digest.send_day(now=NOW)
    [message] = smtp.inbox.to("patron@example.com")
    path = message["List-Unsubscribe"].strip("<>").removeprefix("https://kiosk.example")

    page = client.get(path)  # a link scanner's GET changes nothing
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "patron@example.com adresine sabah özeti gönderilmesi durdurulsun mu?" in html
    assert page.headers["Referrer-Policy"] == "no-referrer"
    assert db.session().query(Subscription).filter_by(unsubscribed_at=None).count() == 3

    done = client.post(path, data={"csrf_token": csrf_of(html)})
    assert done.status_code == 200
    assert "patron@example.com artık sabah özeti almayacak." in done.get_data(as_text=True)
    active = db.session().query(Subscription.email).filter_by(unsubscribed_at=None).all()
    assert active == [("other@example.com",)]  # both of patron's subscriptions ended
    assert db.session().query(AuditEntry).filter_by(action="digest.unsubscribe").count() == 2

    make_item("Next day: wonderful staff, thank you!", status="approved",
              created_at="2026-11-24T12:00:00+03:00")
    outcomes = digest.send_day(now=datetime(2026, 11, 25, 5, 0, tzinfo=UTC))
    assert [o.address for o in outcomes] == ["other@example.com"]
    assert len(smtp.inbox.to("patron@example.com")) == 1


def test_one_click_unsubscribe_rfc8058_needs_no_csrf_token(app, client):
    sub = digest_subscriptions.subscribe("patron@example.com", language="en")
    response = client.post(f"/digest/unsubscribe/{sub.token}",
                           data={"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert "will get no more morning digests" in response.get_data(as_text=True)
    assert db.session().get(Subscription, sub.id).unsubscribed_at is not None
    again = client.get(f"/digest/unsubscribe/{sub.token}").get_data(as_text=True)
    assert "will get no more morning digests" in again


def test_an_unknown_unsubscribe_token_is_a_friendly_404(client):
    response = client.get("/digest/unsubscribe/not-a-token")
    assert response.status_code == 404
    assert response.headers["Cache-Control"] == "no-store"
    assert client.post("/digest/unsubscribe/" + "x" * 300).status_code == 404


def test_subscribing_again_reactivates_with_a_new_token(app):
    old = digest_subscriptions.subscribe("Patron@Example.com ")
    old_token = old.token
    digest_subscriptions.unsubscribe(old_token)
    again = digest_subscriptions.subscribe("patron@example.com", language="en")
    assert again.id == old.id and again.unsubscribed_at is None
    assert again.token != old_token and again.language == "en"
    assert digest_subscriptions.by_token(old_token) is None


@pytest.mark.parametrize("bad", ["", "patron", "a@b", "a b@example.com",
                                 "x@example.com\r\nBcc: all@example.com", "ş@example.com"])
def test_addresses_are_checked(app, bad):
    with pytest.raises(digest_subscriptions.DigestError):
        digest_subscriptions.subscribe(bad)


# --- the scheduler ------------------------------------------------------------------------

def test_the_daily_close_sends_the_digest_through_the_hook(
        app_mail, day_of_praise, smtp, monkeypatch):
    monkeypatch.setattr(scheduler, "DAILY_HOOKS", [digest.send_daily])
    digest_subscriptions.subscribe("patron@example.com")
    assert scheduler.close_day(DAY)
    assert [t for _f, t, _r in smtp.inbox.received] == [["patron@example.com"]]
    assert not scheduler.close_day(DAY)  # the same close never runs twice…
    digest.send_daily(DAY)  # …and a second hook call sends nothing new
    assert len(smtp.inbox.received) == 1


def test_the_hook_never_raises(app_mail, day_of_praise, caplog):
    digest_subscriptions.subscribe("patron@example.com")
    app_mail.config["SMTP_URL"] = f"smtp://127.0.0.1:{free_port()}"
    digest.send_daily(DAY)
    assert "retry with `kiosk digest send --date 2026-11-23`" in caplog.text
    app_mail.config["SMTP_URL"] = None
    digest.send_daily(DAY)
    assert "KIOSK_SMTP_URL is not set" in caplog.text


# --- SMTP URLs, STARTTLS, SMTPS, log-in ---------------------------------------------------

@pytest.mark.parametrize("url, expected", [
    ("smtp://mail.lan", ("smtp", "mail.lan", 25, None, None)),
    ("smtp://mail.lan:2525", ("smtp", "mail.lan", 2525, None, None)),
    ("smtp+starttls://kiosk:s3cret@mail.example.com",
     ("smtp+starttls", "mail.example.com", 587, "kiosk", "s3cret")),
    ("smtps://kiosk%40example.com:p%40ss%3Aw%2Frd%25@mail.example.com:465",
     ("smtps", "mail.example.com", 465, "kiosk@example.com", "p@ss:w/rd%")),
    ("SMTPS://u:@mail.example.com", ("smtps", "mail.example.com", 465, "u", "")),
])
def test_smtp_urls_are_parsed(url, expected):
    s = mail.parse_url(url)
    assert (s.scheme, s.host, s.port, s.username, s.password) == expected


@pytest.mark.parametrize("url, words", [
    (None, "KIOSK_SMTP_URL is not set"),
    ("", "KIOSK_SMTP_URL is not set"),
    ("http://mail.example.com", "must start with smtp://"),
    ("mail.example.com:25", "must start with smtp://"),
    ("smtp://", "names no host"),
    ("smtp://mail.example.com:port", "not a valid URL"),
    ("smtp://user:pw@mail.example.com", "use smtp+starttls:// or smtps://"),
    ("smtps://user@mail.example.com", "no password"),
    ("smtp://mail.example.com?timeout=soon", "timeout must be a number"),
])
def test_bad_smtp_urls_say_what_is_wrong(url, words):
    with pytest.raises(mail.MailError, match=re.escape(words)):
        mail.parse_url(url)


def test_the_password_never_appears_in_errors():
    settings = mail.parse_url("smtps://kiosk:hunter2@127.0.0.1:1?timeout=2")
    assert settings.timeout == 2 and "hunter2" not in settings.where


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """A self-signed certificate for 127.0.0.1, and a client context that trusts it."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True)
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server.load_cert_chain(cert, key)
    return server, ssl.create_default_context(cafile=str(cert))


USER, PASSWORD = "digest@kiosk.example", "p@ss:w/rd% +#"
QUOTED = "digest%40kiosk.example:p%40ss%3Aw%2Frd%25%20%2B%23"


def check_password(server, session, envelope, mechanism, auth_data):
    return AuthResult(success=isinstance(auth_data, LoginPassword)
                      and auth_data.login == USER.encode()
                      and auth_data.password == PASSWORD.encode(), handled=False)


def a_message(to="patron@example.com") -> EmailMessage:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = MAIL_FROM, to, "Teşekkürler 🙏"
    message.set_content("Ayşe'ye teşekkürler", cte="quoted-printable")
    return message


def test_starttls_with_a_percent_encoded_password(certificate):
    server_tls, client_tls = certificate
    with Server(tls_context=server_tls, require_starttls=True, authenticator=check_password,
                auth_required=True) as server:
        mail.send(a_message(), f"smtp+starttls://{QUOTED}@127.0.0.1:{server.port}",
                  client_tls)
        assert server.inbox.messages[0]["Subject"] == "Teşekkürler 🙏"

        with pytest.raises(mail.MailError, match="refused the user name or password"):
            mail.send(a_message(), f"smtp+starttls://{USER}:wrong@127.0.0.1:{server.port}",
                      client_tls)
        # Without trusting the certificate, nothing is sent in the clear instead.
        with pytest.raises(mail.MailError, match="certificate this machine does not trust"):
            mail.send(a_message(), f"smtp+starttls://{QUOTED}@127.0.0.1:{server.port}")
        assert len(server.inbox.received) == 1


def test_starttls_is_required_when_asked_for():
    with Server() as server, pytest.raises(mail.MailError, match="does not offer STARTTLS"):
        mail.send(a_message(), f"smtp+starttls://{QUOTED}@127.0.0.1:{server.port}")


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_smtps_sends_a_whole_digest(certificate, app_mail, day_of_praise):
    server_tls, client_tls = certificate
    # TLS from the first byte; aiosmtpd only knows STARTTLS as "secure", hence the flag.
    with Server(ssl_context=server_tls, authenticator=check_password, auth_required=True,
                auth_require_tls=False) as server:
        app_mail.config["SMTP_URL"] = f"smtps://{QUOTED}@127.0.0.1:{server.port}"
        digest_subscriptions.subscribe("patron@example.com")
        assert [o.status for o in digest.send_day(now=NOW, ssl_context=client_tls)] == [
            "sent"]
        [message] = server.inbox.messages
        assert TURKISH in parts(message)[0]


def test_a_silent_server_times_out_in_words():
    import socket

    with socket.socket() as listener:  # accepts the connection, never says hello
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        with pytest.raises(mail.MailError, match=r"did not answer within 0\.3 s"):
            mail.send(a_message(), f"smtp://127.0.0.1:{port}?timeout=0.3")


# --- the console --------------------------------------------------------------------------

@pytest.fixture
def admin(app_mail, client):
    from kiosk import accounts

    accounts.create_user("ada", "correct-horse", "admin")
    sign_in(client, "ada", "correct-horse")
    return client


def test_admins_add_list_and_remove_subscriptions(admin, day_of_praise):
    page = admin.get("/admin/digest").get_data(as_text=True)
    assert "Kadıköy" in page and "Mutfak" in page  # branch and team choices
    response = admin.post("/admin/digest", data={
        "csrf_token": csrf_of(page), "do": "add", "email": "lead@example.com",
        "language": "en", "branch": "", "team": "Kasa"})
    assert response.status_code == 302
    sub = db.session().query(Subscription).one()
    assert (sub.email, sub.language, sub.branch, sub.team) == (
        "lead@example.com", "en", None, "Kasa")
    page = admin.get("/admin/digest").get_data(as_text=True)
    assert "lead@example.com" in page
    admin.post("/admin/digest", data={"csrf_token": csrf_of(page), "do": "add",
                                      "email": "not an address", "language": "tr"})
    assert "is not an e-mail address" in admin.get("/admin/digest").get_data(as_text=True)
    admin.post("/admin/digest", data={"csrf_token": csrf_of(page), "do": "remove",
                                      "id": str(sub.id)})
    assert db.session().query(Subscription).count() == 0
    actions = [a for (a,) in db.session().query(AuditEntry.action)]
    assert "digest.subscribe" in actions and "digest.remove" in actions
    assert admin.post("/admin/digest", data={"do": "add", "email": "x@example.com"}
                      ).status_code == 400  # no CSRF token


def test_curators_and_visitors_cannot_manage_the_digest(app, client):
    from kiosk import accounts

    assert client.get("/admin/digest").status_code == 302
    accounts.create_user("cem", "correct-horse", "curator")
    sign_in(client, "cem", "correct-horse")
    assert client.get("/admin/digest").status_code == 403
    assert client.get("/admin/digest/preview").status_code == 403


def test_the_preview_is_the_email_under_a_script_free_policy(admin, day_of_praise):
    response = admin.get("/admin/digest/preview?date=2026-11-23&language=en&team=Kasa")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert escape(TURKISH) in html and "Mehmet" not in html and "1 customer comment" in html
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp
    assert admin.get("/admin/digest/preview?date=23.11.2026").status_code == 400


def test_send_a_test_from_the_console(admin, day_of_praise, smtp):
    page = admin.get("/admin/digest").get_data(as_text=True)
    admin.post("/admin/digest", data={"csrf_token": csrf_of(page), "do": "test",
                                      "email": "ada@example.com", "date": "2026-11-23",
                                      "language": "tr"})
    [message] = smtp.inbox.messages
    assert message["Subject"].startswith("[Test] ")
    assert message["Subject"].endswith("teşekkürleri: 3 müşteri yorumu — 23 Kasım 2026")
    assert db.session().query(DigestSend).count() == 0  # a test is not the day's digest
    assert "Deneme gönderildi: [Test]" in admin.get("/admin/digest").get_data(as_text=True)


# --- the command line, end to end ---------------------------------------------------------

def kiosk(app, smtp_port, *args):
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env.update(KIOSK_DATABASE_URL=app.config["DATABASE_URL"],
               KIOSK_INSTANCE_DIR=app.config["INSTANCE_DIR"], KIOSK_SECRET_KEY="cli-secret",
               KIOSK_SMTP_URL=f"smtp://127.0.0.1:{smtp_port}", KIOSK_MAIL_FROM=MAIL_FROM,
               KIOSK_TIMEZONE="Europe/Istanbul", KIOSK_LANGUAGE="en")
    command = [str(Path(sys.executable).with_name("kiosk")), "digest", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)


def test_the_cli_end_to_end(app_mail, day_of_praise, smtp):
    done = kiosk(app_mail, smtp.port, "subscribe", "Patron@Example.com", "--branch", "Kadıköy")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "subscribed patron@example.com (tr, Kadıköy)"

    dry = kiosk(app_mail, smtp.port, "send", "--date", "2026-11-23", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "dry run: patron@example.com (tr, Kadıköy şubesi) 2 items" in dry.stdout
    # "Dünün" (yesterday's) or "Günün" (the day's), depending on when the test runs.
    assert re.search(r"(Dün|Gün)ün teşekkürleri: 2 müşteri yorumu — 23 Kasım 2026", dry.stdout)
    assert f"“{TURKISH}”" in dry.stdout  # the text part itself
    assert smtp.inbox.received == []

    sent = kiosk(app_mail, smtp.port, "send", "--date", "2026-11-23")
    assert sent.returncode == 0, sent.stderr
    assert sent.stdout.startswith("sent: patron@example.com")
    assert quotes(parts(smtp.inbox.messages[0])[0]) == [TURKISH, HOSTILE]

    again = kiosk(app_mail, smtp.port, "send", "--date", "2026-11-23")
    assert again.stdout.startswith("already sent: patron@example.com")
    assert len(smtp.inbox.received) == 1

    boss = kiosk(app_mail, smtp.port, "send", "--date", "2026-11-23", "--to", "boss@example.com")
    assert boss.returncode == 0 and "sent: boss@example.com (en, All branches) 3 items" in \
        boss.stdout
    assert smtp.inbox.to("boss@example.com")[0]["Subject"].endswith(
        ": 3 customer comments — 23 November 2026")

    bad = kiosk(app_mail, smtp.port, "send", "--date", "23/11/2026")
    assert bad.returncode != 0 and "YYYY-MM-DD" in bad.stderr

    listed = kiosk(app_mail, smtp.port, "list")
    assert listed.stdout.strip() == "patron@example.com\ttr\tKadıköy\t*\tactive"


def test_the_cli_fails_loudly_when_the_server_is_down(app_mail, day_of_praise):
    digest_subscriptions.subscribe("patron@example.com")
    down = kiosk(app_mail, free_port(), "send", "--date", "2026-11-23")
    assert down.returncode == 1
    assert "failed: patron@example.com" in down.stdout and "connection refused" in down.stdout
    assert db.session().query(DigestSend).count() == 0
