"""IMAP mailboxes through the real collector, against a real Dovecot (RFC 3501 IMAP4rev1).

Dovecot runs in the foreground for this module (Debian's dovecot-imapd; CI installs it), each
test gets a fresh user with an empty INBOX, and mail goes in with APPEND the way a delivery
would. A small TCP proxy records what the connector sends, so tests can see which UIDs a poll
asked for.
"""

from __future__ import annotations

import imaplib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from itertools import count
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk import db
from kiosk.models import Item
from kiosk.sources import collect, mailbox, registry

DOVECOT = "/usr/sbin/dovecot"
NOW = datetime.now(UTC)
PASSWORD = "secret"
SIGNATURE = "-- "  # the separator line, trailing space included (RFC 3676)

CONF = """\
protocols = imap
listen = 127.0.0.1
base_dir = {d}/run
state_dir = {d}/run
instance_name = kiosk-test-{port}
log_path = {d}/dovecot.log
info_log_path = {d}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
mail_location = maildir:{d}/mail/%u
first_valid_uid = {uid}
default_internal_user = {user}
default_login_user = {login_user}
default_internal_group = {group}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
service imap-login {{
  chroot =
}}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {d}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={d}/mail/%u
}}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Dovecot:
    def __init__(self, root: Path, port: int):
        self.root, self.port, self.users = root, port, count(1)

    def maildir(self, user: str) -> Path:
        return self.root / "mail" / user


@pytest.fixture(scope="module")
def dovecot():
    if not os.path.exists(DOVECOT):
        if os.environ.get("CI") == "true":
            pytest.fail("dovecot-imapd must be installed on CI (see .ci/run)")
        pytest.skip("dovecot-imapd is not installed")
    # Dovecot's own users must reach the maildir, so not under pytest's 700 tmp directory.
    root = Path(tempfile.mkdtemp(prefix="kiosk-imap-", dir="/tmp"))
    root.chmod(0o755)
    (root / "mail").mkdir()
    (root / "run").mkdir()
    if os.geteuid() == 0:  # Dovecot refuses root for mail and login processes
        mail_user, login_user = pwd.getpwnam("dovecot"), "dovenull"
        shutil.chown(root / "mail", "dovecot", "dovecot")
    else:  # unprivileged: everything runs as whoever runs the tests
        mail_user = pwd.getpwuid(os.getuid())
        login_user = mail_user.pw_name
    (root / "passwd").write_text("".join(f"user{n}:{{PLAIN}}{PASSWORD}::::::\n"
                                         for n in range(1, 60)))
    port = free_port()
    conf = root / "dovecot.conf"
    conf.write_text(CONF.format(d=root, port=port, uid=mail_user.pw_uid,
                                gid=mail_user.pw_gid, user=mail_user.pw_name,
                                group=_group(mail_user.pw_gid), login_user=login_user))
    proc = subprocess.Popen([DOVECOT, "-F", "-c", str(conf)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                log = (root / "dovecot.log")
                pytest.fail("dovecot did not start: " + proc.stderr.read().decode()
                            + (log.read_text() if log.exists() else ""))
            time.sleep(0.02)
    yield Dovecot(root, port)
    proc.terminate()
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    proc.stderr.close()
    shutil.rmtree(root, ignore_errors=True)


def _group(gid: int) -> str:
    import grp

    return grp.getgrgid(gid).gr_name


class Mailbox:
    """A fresh Dovecot user; mail is put in with APPEND, as a delivery would."""

    def __init__(self, server: Dovecot):
        self.server = server
        self.user = f"user{next(server.users)}"

    def imap(self) -> imaplib.IMAP4:
        conn = imaplib.IMAP4("127.0.0.1", self.server.port, timeout=5)
        conn.login(self.user, PASSWORD)
        return conn

    def append(self, raw: str | bytes, arrived: datetime | None = None,
               folder: str = "INBOX") -> None:
        data = raw.encode() if isinstance(raw, str) else raw
        data = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
        conn = self.imap()
        typ, said = conn.append(folder, None, arrived or datetime.now(UTC), data)
        conn.logout()
        assert typ == "OK", said

    def flags(self) -> list[bytes]:
        conn = self.imap()
        conn.select("INBOX", readonly=True)
        typ, data = conn.fetch("1:*", "(FLAGS)")
        conn.logout()
        return data

    def renumber(self) -> None:
        """Give INBOX a new UIDVALIDITY, as a server does after restoring or rebuilding it."""
        home = self.server.maildir(self.user)
        uidlist = home / "dovecot-uidlist"
        header, _, rest = uidlist.read_text().partition("\n")
        fields = [f"V{int(f[1:]) + 1000}" if f.startswith("V") else f for f in header.split()]
        uidlist.write_text(" ".join(fields) + "\n" + rest)  # in place: owner stays dovecot
        for index in home.glob("dovecot.index*"):
            index.unlink()


@pytest.fixture
def box(dovecot, monkeypatch):
    monkeypatch.setenv("KIOSK_TEST_IMAP_PASSWORD", PASSWORD)
    return Mailbox(dovecot)


class Wire:
    """A TCP proxy in front of Dovecot that keeps what the client sent, command by command."""

    def __init__(self, port: int):
        self.target = port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sent = bytearray()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target))
            threading.Thread(target=self._pump, args=(client, upstream, True),
                             daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, False),
                             daemon=True).start()

    def _pump(self, src, dst, record):
        try:
            while data := src.recv(65536):
                if record:
                    self.sent += data
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def commands(self) -> list[str]:
        """Commands since the last call, without their tags ("UID SEARCH UID 3:*")."""
        lines = bytes(self.sent).decode("utf-8", "replace").splitlines()
        self.sent.clear()
        return [line.split(" ", 1)[1] for line in lines if " " in line]

    def close(self):
        self.listener.close()


@pytest.fixture
def wire(dovecot):
    w = Wire(dovecot.port)
    yield w
    w.close()


def add(box: Mailbox, name: str = "feedback", port: int | None = None, **settings):
    return registry.add_source(name, "imap", {
        "host": "127.0.0.1", "port": str(port or box.server.port), "security": "none",
        "username": box.user, "password": "env:KIOSK_TEST_IMAP_PASSWORD", **settings})


def items(source: str = "feedback") -> dict[str, Item]:
    found = db.session().scalars(select(Item).where(Item.source == source))
    return {i.external_id: i for i in found}


def mail(n: int, text: str = "", *, hours_ago: float = 1, subject: str = "Feedback",
         sender: str = "Zeynep Arslan <zeynep@example.com>") -> str:
    return (f"From: {sender}\nTo: feedback@acme.example\nSubject: {subject}\n"
            f"Date: {format_datetime(NOW - timedelta(hours=hours_ago))}\n"
            f"Message-ID: <m{n}@example.com>\nMIME-Version: 1.0\n"
            "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
            f"{text or f'Message number {n}: the staff were friendly and quick.'}\n")


TURKISH = f"""\
From: =?utf-8?q?Ay=C5=9Fe_Kaya?= <ayse.kaya@example.com>
To: geribildirim@acme.example
Subject: =?utf-8?q?Kad=C4=B1k=C3=B6y_=C5=9Fubesi?=
Date: {format_datetime(NOW - timedelta(hours=3))}
Message-ID: <tr-1@example.com>
Content-Language: tr
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Kadıköy şubesindeki kasiyer Elif Hanım çok yardımcı oldu, siparişimi iki dakikada
hazırladı ve her şeyi sabırla anlattı. Mağaza tertemizdi, personel güler yüzlüydü.
Tekrar geleceğim, herkese tavsiye ederim.

{SIGNATURE}
Ayşe Kaya
+90 555 123 45 67
"""

HTML_ONLY = f"""\
From: mehmet.demir@example.com
Subject: =?iso-8859-9?q?Moda_=FEubesi?=
Date: {format_datetime(NOW - timedelta(hours=4))}
Message-ID: <html-1@example.com>
MIME-Version: 1.0
Content-Type: text/html; charset=iso-8859-9
Content-Transfer-Encoding: quoted-printable

<html><head><style>p {{ color: red }}</style></head><body>
<p>Personel &ccedil;ok ilgiliydi.</p><p>Te=FEekk=FCrler &amp; iyi =E7al=FD=FEmalar!</p>
</body></html>
"""

REPLY = f"""\
From: "Jake Miller" <jake@example.org>
Subject: Re: Your visit to our Moda branch
Date: {format_datetime(NOW - timedelta(hours=5))}
Message-ID: <reply-1@example.org>
In-Reply-To: <survey-9@acme.example>
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="b1"

--b1
Content-Type: text/plain; charset=us-ascii

The new opening hours are great and Deniz at the counter was lovely.

On Mon, 3 Jun 2024 at 10:00, Acme Support <support@acme.example>
wrote:
> Dear customer, how was your visit?
> Acme Support

--b1
Content-Type: text/html; charset=us-ascii

<p>HTML version that must not be used</p>
--b1--
"""

TURKISH_REPLY = """\
From: Can <can@example.com>
Subject: YNT: Ziyaretiniz
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Çok memnun kaldım, kahveler harikaydı.
> Bu satır alıntı.

3 Haz 2024 Pzt, saat 10:00 tarihinde Acme Destek <destek@acme.example> şunu
yazdı:

> Merhaba, ziyaretiniz nasıldı?
"""

AUTO_REPLY = mail(90, "I am out of the office until Monday.", subject="Out of office",
                  sender="Office <office@example.com>").replace(
                      "MIME-Version", "Auto-Submitted: auto-replied\nMIME-Version")
NEWSLETTER = mail(91, "Our weekly deals!", sender="Deals <news@example.com>").replace(
    "MIME-Version", "Precedence: bulk\nMIME-Version")
UNKNOWN_CHARSET = mail(92, "hello").replace("charset=utf-8", "charset=x-no-such-charset")
NOT_AN_EMAIL = "\x7f\x80garbage that has no headers at all\n\nand no sender\n"
OLD = mail(93, "An old letter from before the lookback.", hours_ago=24 * 10)


def test_first_poll_stores_the_customers_words_and_leaves_the_mail_alone(app, box):
    box.append(TURKISH)
    box.append(HTML_ONLY)
    box.append(REPLY)
    box.append(TURKISH_REPLY, arrived=NOW - timedelta(hours=2))  # no Date, no Message-ID
    for raw in (AUTO_REPLY, NEWSLETTER, UNKNOWN_CHARSET, NOT_AN_EMAIL):
        box.append(raw)
    box.append(OLD, arrived=NOW - timedelta(days=10))
    before = box.flags()

    source = add(box)
    summary = collect.poll(source)

    assert (summary.new, summary.error, summary.invalid) == (4, None, [])
    got = items()
    validity = source.state["uidvalidity"]
    assert set(got) == {"tr-1@example.com", "html-1@example.com", "reply-1@example.org",
                        f"uid:{validity}:4"}
    assert source.state["last_uid"] == 9 and source.state["folder"] == "INBOX"

    tr = got["tr-1@example.com"]
    assert tr.author == "Ayşe Kaya"
    assert tr.text.startswith("Kadıköy şubesindeki kasiyer Elif Hanım")
    assert tr.text.endswith("Tekrar geleceğim, herkese tavsiye ederim.")  # no signature
    assert "+90 555" not in tr.text and "Kadıköy şubesi\n" not in tr.text  # long: no subject
    assert abs(tr.created_at - (NOW - timedelta(hours=3))) < timedelta(seconds=2)
    assert tr.analysis.lang == "tr"

    html = got["html-1@example.com"]
    assert html.author == "mehmet.demir"  # never the whole address
    assert html.text == "Moda şubesi\nPersonel çok ilgiliydi.\n\nTeşekkürler & iyi çalışmalar!"

    reply = got["reply-1@example.org"]
    assert reply.author == "Jake Miller"
    assert reply.text == ("Your visit to our Moda branch\nThe new opening hours are great and "
                          "Deniz at the counter was lovely.")

    quoted = got[f"uid:{validity}:4"]
    assert quoted.author == "Can"
    assert quoted.text == "Ziyaretiniz\nÇok memnun kaldım, kahveler harikaydı."
    assert abs(quoted.created_at - (NOW - timedelta(hours=2))) < timedelta(seconds=2)

    assert all(i.url is None for i in got.values())
    assert registry.health(source) == "ok"
    assert box.flags() == before  # read-only: nothing marked \Seen, nothing removed
    assert len(before) == 9 and all(b"\\Seen" not in f for f in before)


def test_next_polls_ask_only_for_new_uids(app, box, wire):
    box.append(mail(1))
    box.append(mail(2))
    source = add(box, port=wire.port)

    assert collect.poll(source).new == 2
    first = wire.commands()
    assert any(c.startswith("UID SEARCH SINCE ") for c in first)
    assert "UID FETCH 1,2 (UID INTERNALDATE BODY.PEEK[]<0.1000000>)" in first
    assert any(c.startswith("EXAMINE ") for c in first)  # read-only SELECT
    assert source.state["last_uid"] == 2

    again = collect.poll(source)  # the server answers "3:*" with UID 2: it must be dropped
    assert (again.new, again.duplicates, again.error) == (0, 0, None)
    second = wire.commands()
    assert "UID SEARCH UID 3:*" in second
    assert not any("FETCH" in c or "SINCE" in c for c in second)

    box.append(mail(3))
    third = collect.poll(source)
    assert (third.new, third.duplicates) == (1, 0)
    commands = wire.commands()
    assert "UID SEARCH UID 3:*" in commands
    assert "UID FETCH 3 (UID INTERNALDATE BODY.PEEK[]<0.1000000>)" in commands
    assert set(items()) == {"m1@example.com", "m2@example.com", "m3@example.com"}
    assert source.state["last_uid"] == 3


def test_messages_are_fetched_in_batches_each_saved_as_a_page(app, box, wire):
    for n in range(1, 6):
        box.append(mail(n))
    box.append(AUTO_REPLY)  # the last batch holds only an auto-reply: the cursor still moves
    source = add(box, port=wire.port, batch="2")
    pages = []
    summary = collect.poll(source, progress=lambda s: pages.append(
        (s.new, db.session().get(type(source), source.id).state["last_uid"])))
    assert summary.new == 5
    assert pages == [(2, 2), (4, 4), (5, 6)]
    assert [c for c in wire.commands() if c.startswith("UID FETCH")] == [
        f"UID FETCH {uids} (UID INTERNALDATE BODY.PEEK[]<0.1000000>)"
        for uids in ("1,2", "3,4", "5,6")]


def test_an_empty_mailbox_saves_a_cursor_and_later_mail_is_found(app, box, wire):
    box.append(OLD, arrived=NOW - timedelta(days=10))  # before `since`: never read
    source = add(box, port=wire.port)
    assert (collect.poll(source).new, source.state["last_uid"]) == (0, 1)
    box.append(mail(1))
    assert collect.poll(source).new == 1
    assert "UID SEARCH UID 2:*" in wire.commands()
    assert set(items()) == {"m1@example.com"}


def test_a_renumbered_folder_is_searched_by_date_again(app, box, wire):
    box.append(mail(1))
    box.append(mail(2))
    source = add(box, port=wire.port)
    collect.poll(source)
    old_validity = source.state["uidvalidity"]
    wire.commands()

    box.renumber()
    box.append(mail(3))
    summary = collect.poll(source)

    assert (summary.new, summary.duplicates, summary.error) == (1, 2, None)
    assert any(c.startswith("UID SEARCH SINCE ") for c in wire.commands())
    assert source.state["uidvalidity"] == old_validity + 1000
    assert source.state["last_uid"] == 3
    assert set(items()) == {"m1@example.com", "m2@example.com", "m3@example.com"}


def test_changing_the_folder_starts_over_in_the_new_folder(app, box):
    conn = box.imap()
    name = mailbox.mailbox_name("Müşteri Yorumları")
    assert conn.create(name)[0] == "OK"
    conn.logout()
    box.append(mail(1))
    box.append(mail(2, "Şikayet değil, teşekkür!"), folder=name)
    source = add(box)
    collect.poll(source)
    source.settings = {**source.settings, "folder": "Müşteri Yorumları"}
    db.session().commit()
    summary = collect.poll(source)
    assert (summary.new, summary.error) == (1, None)
    assert source.state["folder"] == "Müşteri Yorumları"
    assert set(items()) == {"m1@example.com", "m2@example.com"}


def test_wrong_password_says_login_failed(app, box, monkeypatch):
    monkeypatch.setenv("KIOSK_TEST_IMAP_PASSWORD", "not-the-password")
    source = add(box)
    summary = collect.poll(source)
    health = registry.health(source)
    assert health.startswith("error: ") and "login" in health and box.user in health
    assert "AUTHENTICATIONFAILED" in summary.error
    assert "not-the-password" not in health


def test_a_server_that_is_down_is_an_error_in_words(app, box):
    source = add(box, port=free_port())
    collect.poll(source)
    assert registry.health(source).startswith("error: cannot connect to 127.0.0.1:")
    assert "connection refused" in registry.health(source)
    assert source.retry_at is not None  # backed off like any failing provider


def test_a_server_that_never_answers_times_out(app, box):
    with socket.create_server(("127.0.0.1", 0)) as silent:  # accepts, never greets
        port = silent.getsockname()[1]
        source = add(box, port=port, timeout="1")
        started = time.monotonic()
        collect.poll(source)
    assert time.monotonic() - started < 3
    assert registry.health(source).startswith(
        f"error: 127.0.0.1:{port} did not answer within 1 s")


def test_security_settings_that_do_not_match_the_server(app, box):
    tls = add(box, name="tls", security="ssl")  # Dovecot here speaks plain text only
    collect.poll(tls)
    assert registry.health(tls).startswith("error: TLS with 127.0.0.1:")
    starttls = add(box, name="starttls", security="starttls")
    collect.poll(starttls)
    assert "does not offer STARTTLS" in registry.health(starttls)
    with pytest.raises(registry.SourceError, match="security must be ssl or starttls or none"):
        add(box, name="odd", security="tls1.3")


def test_a_missing_folder_is_named(app, box):
    source = add(box, folder="Feedback")
    collect.poll(source)
    assert registry.health(source).startswith(
        f"error: 127.0.0.1 cannot open folder 'Feedback' for {box.user}")


def test_password_is_a_reference_read_when_the_poll_runs(app, box, monkeypatch):
    with pytest.raises(registry.SourceError, match="password is a secret"):
        registry.add_source("clear", "imap", {"host": "imap.example.com",
                                              "username": "feedback", "password": "hunter2"})
    source = add(box)
    assert source.settings["password"] == "env:KIOSK_TEST_IMAP_PASSWORD"
    assert source.settings["security"] == "none" and "port" in source.settings
    monkeypatch.delenv("KIOSK_TEST_IMAP_PASSWORD")
    collect.poll(source)
    assert "KIOSK_TEST_IMAP_PASSWORD is not set" in registry.health(source)
    monkeypatch.setenv("KIOSK_TEST_IMAP_PASSWORD", PASSWORD)
    box.append(mail(1))
    assert collect.poll(source, force=True).new == 1
    assert registry.health(source) == "ok"


# -- the text rules, one case each -------------------------------------------------------------

@pytest.mark.parametrize("body, words", [
    ("Great!\n\nOn Tue, 4 Jun 2024, Acme <a@acme.example> wrote:\n> old", "Great!"),
    ("Harika!\n\n4 Haz 2024 Sal, 10:00 tarihinde Acme <a@acme.example> şunu yazdı:\n> x",
     "Harika!"),
    ("Fine.\n\n-----Original Message-----\nFrom: Acme\nold", "Fine."),
    ("Fine.\n\nFrom: Acme Support <a@acme.example>\nSent: Tuesday\nSubject: x", "Fine."),
    ("Top.\n> quoted line\nBottom.", "Top.\nBottom."),
    ("Thanks\n-- \nJane Doe\nCEO", "Thanks"),
    ("Teşekkürler\n\niPhone'umdan gönderildi", "Teşekkürler"),
    ("Siparişim geç gönderildi ama kibar davrandılar.",
     "Siparişim geç gönderildi ama kibar davrandılar."),
    ("On time and friendly, I wrote: thanks!", "On time and friendly, I wrote: thanks!"),
])
def test_quotes_and_signatures_are_cut(body, words):
    assert mailbox.strip_reply(body) == words


def test_flowed_text_is_joined_and_folder_names_are_modified_utf7():
    assert mailbox.unflow("one long \nline\n-- \nsig") == "one long line\n-- \nsig"
    # RFC 3501 section 5.1.3's own example.
    assert mailbox.mailbox_name("~peter/mail/日本語/台北") == '"~peter/mail/&ZeVnLIqe-/&U,BTFw-"'
    assert mailbox.mailbox_name('A&B "x"') == '"A&-B \\"x\\""'


def test_fetch_answers_with_the_uid_after_the_body_are_read():
    data = [(b'7 (INTERNALDATE "05-Jan-2024 10:00:00 +0300" BODY[]<0> {3}', b"abc"),
            b" UID 12)", b"8 (FLAGS (\\Seen))"]
    assert mailbox.fetched(data) == [(12, datetime(2024, 1, 5, 7, tzinfo=UTC), b"abc")]
