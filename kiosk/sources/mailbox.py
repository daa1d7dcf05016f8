"""Feedback e-mails from an IMAP mailbox (a feedback@ address), read with imaplib.

The folder is only ever selected read-only and bodies are fetched with BODY.PEEK, so Kiosk
never marks, moves or deletes customer mail; staff keep answering it as before.

The cursor is the IMAP pair (UIDVALIDITY, highest UID read): a poll asks the server only for
UIDs above it. When the server renumbers the folder (a new UIDVALIDITY), or the folder setting
changes, the old numbers mean nothing, so that poll falls back to SEARCH SINCE the poll's
`since`; ingest skips what it already has by Message-ID.

Not an HTTP source: every socket, TLS and protocol fault becomes a FetchError that names the
server, so `sources list` shows it like any other failing source.
"""

from __future__ import annotations

import base64
import email
import email.policy
import hashlib
import imaplib
import logging
import re
import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta, timezone
from email.message import EmailMessage

from kiosk.sources.base import Connector, Field, Page
from kiosk.sources.http import FetchError
from kiosk.sources.text import html_to_text, tidy

log = logging.getLogger(__name__)

SECURITY = {"ssl": 993, "starttls": 143, "none": 143}  # mode → its usual port
MAX_BYTES = 1_000_000  # a mail's text is in its first megabyte; big attachments are cut off
MAX_TEXT = 4000  # below the app's MAX_TEXT_LENGTH default, so a long mail is cut, not refused
SHORT = 200  # a body shorter than this gets its subject in front ("Great staff!" + "Thanks")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class MailboxConnector(Connector):
    kind = "imap"
    title = "IMAP mailbox (feedback e-mails)"
    fields = (
        Field("host", "the IMAP server, e.g. imap.example.com", required=True),
        Field("port", "IMAP port (default 993 with ssl, 143 with starttls or none)", kind="int"),
        Field("security", "ssl, starttls, or none (plain text: only on a trusted network)",
              default="ssl", choices=("ssl", "starttls", "none")),
        Field("username", "the mailbox's login name", required=True),
        Field("password", "the mailbox's password or app password", required=True,
              secret=True),
        Field("folder", "folder to read (read-only)", default="INBOX"),
        Field("timeout", "seconds to wait for the server", default="30", kind="int"),
        Field("batch", "messages fetched per request (one stored page each)", default="50",
              kind="int"),
    )

    def fetch(self, since: datetime) -> Iterator[Page]:
        security = self.settings.get("security", "ssl")
        self.host = self.settings["host"]
        self.port = self.settings.get("port") or SECURITY[security]
        self.timeout = self.settings.get("timeout", 30)
        conn = self._connect(security)
        try:
            yield from self._read(conn, since)
        except BaseException:
            _close(conn, polite=False)  # after a fault, LOGOUT could wait a whole timeout
            raise
        _close(conn, polite=True)

    # -- talking to the server ------------------------------------------------------------

    @contextmanager
    def _faults(self, doing: str):
        """Network and protocol faults as FetchError, in words that name the server."""
        where = f"{self.host}:{self.port}"
        try:
            yield
        except TimeoutError:
            raise FetchError(f"{where} did not answer within {self.timeout:g} s "
                             f"({doing})") from None
        except ssl.SSLCertVerificationError as exc:
            raise FetchError(f"{where}: TLS certificate not trusted "
                             f"({exc.verify_message})") from None
        except ssl.SSLError as exc:
            raise FetchError(f"TLS with {where} failed ({exc.reason or exc}); check the "
                             "security and port settings") from None
        except ConnectionRefusedError:
            raise FetchError(f"cannot connect to {where}: connection refused") from None
        except socket.gaierror as exc:
            raise FetchError(f"cannot find the mail server {self.host}: "
                             f"{exc.strerror or exc}") from None
        except OSError as exc:
            raise FetchError(f"cannot talk to {where} ({doing}): "
                             f"{exc.strerror or exc}") from None
        except imaplib.IMAP4.abort as exc:
            raise FetchError(f"{where} dropped the connection ({doing}): {_said(exc)}") from None
        except imaplib.IMAP4.error as exc:
            raise FetchError(f"{where} refused {doing}: {_said(exc)}") from None

    def _connect(self, security: str) -> imaplib.IMAP4:
        context = ssl.create_default_context()
        with self._faults("connecting"):
            if security == "ssl":
                conn = imaplib.IMAP4_SSL(self.host, self.port, ssl_context=context,
                                         timeout=self.timeout)
            else:
                conn = imaplib.IMAP4(self.host, self.port, timeout=self.timeout)
        try:
            if security == "starttls":
                if "STARTTLS" not in conn.capabilities:
                    raise FetchError(f"{self.host}:{self.port} does not offer STARTTLS; try "
                                     "security=ssl (port 993)")
                with self._faults("STARTTLS"):
                    conn.starttls(context)
            with self._faults(f"login for {self.settings['username']}"):
                self._login(conn)
        except BaseException:
            _close(conn, polite=False)
            raise
        return conn

    def _login(self, conn: imaplib.IMAP4) -> None:
        user, password = self.settings["username"], self.settings["password"]
        if (user + password).isascii():
            conn.login(user, password)
        else:  # imaplib's LOGIN is ASCII only; AUTHENTICATE PLAIN carries UTF-8 (RFC 4616)
            conn.authenticate("PLAIN", lambda _: f"\0{user}\0{password}".encode())

    def _search(self, conn: imaplib.IMAP4, *criteria: str) -> list[int]:
        with self._faults("SEARCH"):
            typ, data = conn.uid("SEARCH", *criteria)
        if typ != "OK":
            raise FetchError(f"{self.host} refused SEARCH {' '.join(criteria)}: {_said(data)}")
        return sorted({int(n) for chunk in data if chunk for n in chunk.split()})

    # -- the poll ---------------------------------------------------------------------------

    def _read(self, conn: imaplib.IMAP4, since: datetime) -> Iterator[Page]:
        folder = self.settings.get("folder", "INBOX")
        with self._faults(f"opening folder {folder}"):
            typ, data = conn.select(mailbox_name(folder), readonly=True)
            if typ != "OK":
                raise FetchError(f"{self.host} cannot open folder {folder!r} for "
                                 f"{self.settings['username']}: {_said(data)}")
            validity = _number(conn.response("UIDVALIDITY")[1])
            uidnext = _number(conn.response("UIDNEXT")[1])
        if uidnext is None:  # optional before IMAP4rev2; ask for the highest UID instead
            uidnext = max(self._search(conn, "UID", "*"), default=0) + 1

        saved = self.state
        if (validity is not None and saved.get("uidvalidity") == validity
                and saved.get("folder") == folder and isinstance(saved.get("last_uid"), int)):
            last = saved["last_uid"]
            # "N:*" always matches the newest message, even when N is above every UID.
            uids = [u for u in self._search(conn, "UID", f"{last + 1}:*") if u > last]
            cutoff, top = None, last
        else:
            if saved.get("uidvalidity") is not None:
                log.info("%s: %s renumbered %s (UIDVALIDITY %s → %s); reading since %s",
                         self.name, self.host, folder, saved.get("uidvalidity"), validity,
                         since.isoformat())
            # SEARCH SINCE compares dates only, in the server's zone: ask a day wider and
            # check each message's arrival time here.
            uids = self._search(conn, "SINCE", _imap_date(since - timedelta(days=1)))
            cutoff, top = since, uidnext - 1

        state = {"uidvalidity": validity, "folder": folder}
        if not uids:
            yield Page([], {**state, "last_uid": top})
            return
        size = self.settings.get("batch", 50)
        for start in range(0, len(uids), size):
            chunk = uids[start:start + size]
            records = []
            for uid, arrived, raw in self._fetch_batch(conn, chunk):
                if cutoff and arrived and arrived < cutoff:
                    continue
                record = self._record(uid, arrived, raw, validity, folder)
                if record:
                    records.append(record)
            end = chunk[-1] if start + size < len(uids) else max(chunk[-1], top)
            yield Page(records, {**state, "last_uid": end})

    def _fetch_batch(self, conn: imaplib.IMAP4,
                     uids: list[int]) -> list[tuple[int, datetime | None, bytes]]:
        with self._faults("FETCH"):
            typ, data = conn.uid("FETCH", ",".join(map(str, uids)),
                                 f"(UID INTERNALDATE BODY.PEEK[]<0.{MAX_BYTES}>)")
        if typ != "OK":
            raise FetchError(f"{self.host} refused to send messages: {_said(data)}")
        return fetched(data)

    def _record(self, uid: int, arrived: datetime | None, raw: bytes, validity: int | None,
                folder: str) -> dict | None:
        """One message as a feedback record; None for auto-replies and unreadable mail."""
        try:
            msg = email.message_from_bytes(raw, policy=email.policy.default)
            if automatic(msg):
                log.debug("%s: UID %s is an automatic message; skipped", self.name, uid)
                return None
            record = to_record(msg)
        except Exception as exc:  # one odd mail must not stop the mailbox
            log.warning("%s: skipped unreadable message UID %s in %s on %s: %s: %s",
                        self.name, uid, folder, self.host, type(exc).__name__, exc)
            return None
        record.setdefault("external_id", f"uid:{validity}:{uid}")
        if "created_at" not in record and arrived:
            record["created_at"] = arrived.isoformat()
        return record


# -- messages → records (pure functions) -------------------------------------------------------

def to_record(msg: EmailMessage) -> dict:
    """author, text, created_at, lang and external_id of a parsed mail; ValueError if unusable."""
    record = {"author": author(msg), "text": message_text(msg)}
    message_id = str(msg.get("Message-ID") or "").strip().strip("<>").strip()
    if message_id:
        record["external_id"] = (message_id if len(message_id) <= 255 else
                                 "mid:" + hashlib.sha256(message_id.encode()).hexdigest())
    date = msg.get("Date")
    when = getattr(date, "datetime", None) if date is not None else None
    if when:
        record["created_at"] = (when if when.tzinfo else when.replace(tzinfo=UTC)).isoformat()
    lang = str(msg.get("Content-Language") or "").strip()[:2].lower()
    if lang in ("tr", "en"):
        record["lang"] = lang
    return record


def automatic(msg: EmailMessage) -> bool:
    """Out-of-office answers, bounces and list mail (RFC 3834, RFC 2076), not customers."""
    submitted = str(msg.get("Auto-Submitted") or "no").split(";")[0].strip().lower()
    precedence = str(msg.get("Precedence") or "").strip().lower()
    return (submitted not in ("", "no") or precedence in ("bulk", "list", "junk")
            or msg.get("X-Autoreply") is not None or msg.get("X-Autorespond") is not None
            or msg.get_content_type() == "multipart/report")


def author(msg: EmailMessage) -> str:
    """The sender's display name, or the local part of the address: never a whole address."""
    header = msg.get("From")
    addresses = getattr(header, "addresses", ()) if header is not None else ()
    sender = next((a for a in addresses if a.username or a.display_name), None)
    if sender is None:
        raise ValueError("no From address")
    name = " ".join(sender.display_name.split())
    if "@" in name:
        name = name.split("@")[0].strip()
    return (name or sender.username)[:120]


# Reply and forward prefixes, also Outlook's Turkish YNT: (yanıt) and İLT: (ilet).
_SUBJECT_PREFIX = re.compile(r"^\s*((re|fwd?|aw|wg|ynt|[iİ]lt)\s*:\s*)+", re.I)


def message_text(msg: EmailMessage) -> str:
    """The customer's words: body without quotes and signature, subject first if short."""
    part = msg.get_body(preferencelist=("plain", "html"))
    body = ""
    if part is not None:
        content = part.get_content()
        if part.get_content_subtype() == "html":
            body = html_to_text(content)
        else:
            if part.get_param("format", "").lower() == "flowed":
                content = unflow(content, part.get_param("delsp", "").lower() == "yes")
            body = content
    body = tidy(strip_reply(body))
    subject = _SUBJECT_PREFIX.sub("", " ".join(str(msg.get("Subject") or "").split()))
    if subject and len(body) < SHORT and subject.casefold() not in body.casefold():
        body = f"{subject}\n{body}" if body else subject
    if not body:
        raise ValueError("no text in the message")
    if len(body) > MAX_TEXT:
        body = body[:MAX_TEXT].rsplit(" ", 1)[0] + " …"
    return body


def unflow(text: str, delsp: bool = False) -> str:
    """Join the soft line breaks of format=flowed text (RFC 3676)."""
    out: list[str] = []
    joining = False
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.startswith(" "):  # space-stuffed
            line = line[1:]
        if joining and out:
            out[-1] += line
        else:
            out.append(line)
        joining = line.endswith(" ") and line.rstrip() != "--"
        if joining and delsp:
            out[-1] = out[-1][:-1]
    return "\n".join(out)


# "On Mon, 1 Jan 2024, Ayşe <a@example.com> wrote:", Gmail in Turkish "… tarihinde … yazdı:",
# Outlook's "-----Original Message-----" and "From: …" + "Sent: …" blocks (also in Turkish).
_REPLY_HEADER = re.compile(
    r"^(On\s.*\swrote:|.*\starihinde\s.*yazdı:"
    r"|-{3,}\s*(Original Message|Özgün İleti|Orijinal İleti|Orijinal Mesaj)\s*-{3,})\s*$",
    re.I)
_OUTLOOK_HEADER = re.compile(r"^(From|Kimden):\s.*\s(Sent|Date|Gönderildi|Tarih):\s", re.I)
_MOBILE_FOOTER = re.compile(r"^(Sent from my \S.*|Get Outlook for \S+|\S+['’]\w*(dan|den|tan|ten)"
                            r" gönderildi\.?)$", re.I)


def strip_reply(text: str) -> str:
    """Cut the quoted message a reply carries, the signature ("-- ") and "> " lines."""
    lines = text.replace("\r\n", "\n").split("\n")
    kept: list[str] = []
    for i, line in enumerate(lines):
        here = line.strip()
        if line.rstrip() == "--":  # the RFC 3676 signature separator "-- "
            break
        following = lines[i + 1].strip() if i + 1 < len(lines) else ""
        pair = f"{here} {following}"  # clients wrap a long "On … wrote:" over two lines
        if (_REPLY_HEADER.match(here) or _OUTLOOK_HEADER.match(pair)
                or (not _REPLY_HEADER.match(following) and _REPLY_HEADER.match(pair))):
            break
        if here.startswith(">"):
            continue
        kept.append(line)
    text = "\n".join(kept).strip()
    last = text.rsplit("\n", 1)[-1].strip()
    if _MOBILE_FOOTER.match(last):
        text = text[:len(text) - len(last)].strip()
    return text


# -- IMAP details ------------------------------------------------------------------------------

_UID = re.compile(rb"\bUID (\d+)")
_INTERNALDATE = re.compile(
    rb'INTERNALDATE "\s*(\d{1,2})-([A-Za-z]{3})-(\d{4}) (\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d)"')


def fetched(data: list) -> list[tuple[int, datetime | None, bytes]]:
    """(uid, arrival time, raw message) from imaplib's answer to UID FETCH, by UID."""
    found: dict[int, tuple[int, datetime | None, bytes]] = {}
    meta, raw = b"", None

    def keep():
        match = _UID.search(meta)
        if match and raw is not None:
            uid = int(match.group(1))
            found[uid] = (uid, _arrival(meta), raw)

    for part in data:
        if isinstance(part, tuple):
            keep()
            meta, raw = part[0], part[1]
        elif isinstance(part, bytes) and raw is not None and not part[:1].isdigit():
            meta += part  # the rest of this message's answer, after the literal (e.g. " UID 7)")
    keep()
    return [found[uid] for uid in sorted(found)]


def _arrival(meta: bytes) -> datetime | None:
    match = _INTERNALDATE.search(meta)
    if not match:
        return None
    day, month, year, hh, mm, ss, sign, zh, zm = (g.decode() for g in match.groups())
    if month.title() not in MONTHS:
        return None
    offset = timedelta(hours=int(zh), minutes=int(zm)) * (-1 if sign == "-" else 1)
    return datetime(int(year), MONTHS.index(month.title()) + 1, int(day), int(hh), int(mm),
                    int(ss), tzinfo=timezone(offset)).astimezone(UTC)


def _imap_date(when: datetime) -> str:
    """IMAP's date-text (1-Jan-2024) without the locale that strftime's %b would use."""
    when = when.astimezone(UTC)
    return f"{when.day}-{MONTHS[when.month - 1]}-{when.year}"


def mailbox_name(folder: str) -> str:
    """A folder name as IMAP wants it: modified UTF-7 (RFC 3501 5.1.3), quoted."""
    out, pending = [], []

    def flush():
        if pending:
            packed = base64.b64encode("".join(pending).encode("utf-16-be")).decode()
            out.append("&" + packed.rstrip("=").replace("/", ",") + "-")
            pending.clear()

    for ch in folder:
        if 0x20 <= ord(ch) <= 0x7E:
            flush()
            out.append("&-" if ch == "&" else ch)
        else:
            pending.append(ch)
    flush()
    name = "".join(out)
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _number(data: list) -> int | None:
    value = data[0] if data else None
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _said(exc_or_data) -> str:
    """What the server said, as text (imaplib hands over bytes, lists of bytes, exceptions)."""
    value = exc_or_data.args[0] if isinstance(exc_or_data, Exception) and exc_or_data.args \
        else exc_or_data
    if isinstance(value, list):
        value = b" ".join(v for v in value if isinstance(v, bytes))
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return " ".join(str(value).split())[:200] or "no reason given"


def _close(conn: imaplib.IMAP4, polite: bool) -> None:
    try:
        if polite:
            conn.logout()
        else:
            conn.shutdown()
    except (imaplib.IMAP4.error, OSError):
        pass


CONNECTOR = MailboxConnector
