"""Sending e-mail through the SMTP server named by KIOSK_SMTP_URL.

    smtp://host:port                       plain SMTP (a relay on the LAN; port 25 by default)
    smtp+starttls://user:pw@host:port      STARTTLS, then log in (port 587 by default)
    smtps://user:pw@host:port              TLS from the first byte (port 465 by default)

A user name or password with `@`, `:` or `/` in it is percent-encoded in the URL
(`p%40ss` for `p@ss`). `?timeout=SECONDS` changes how long a connection or reply may take
(30 s by default). TLS certificates are always verified against the system's CA store.

Every failure is raised as MailError with a sentence an operator can act on; the SMTP URL in
it never shows the password.
"""

from __future__ import annotations

import smtplib
import socket
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from urllib.parse import parse_qs, unquote, urlsplit

SCHEMES = {"smtp": 25, "smtp+starttls": 587, "smtps": 465}
DEFAULT_TIMEOUT = 30.0


class MailError(Exception):
    """Mail could not be sent; the message says why in words."""


@dataclass(frozen=True)
class SmtpSettings:
    scheme: str
    host: str
    port: int
    username: str | None = None
    password: str | None = None
    timeout: float = DEFAULT_TIMEOUT

    @property
    def where(self) -> str:
        """The server as an operator would name it, without credentials."""
        user = f"{self.username}@" if self.username else ""
        return f"{self.scheme}://{user}{self.host}:{self.port}"


def parse_url(url: str | None) -> SmtpSettings:
    """KIOSK_SMTP_URL → settings; MailError says what is wrong with a bad one."""
    if not url or not url.strip():
        raise MailError("KIOSK_SMTP_URL is not set: give the mail server as "
                        "smtp://host:port, smtp+starttls://user:password@host:port or "
                        "smtps://user:password@host:port")
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise MailError(f"KIOSK_SMTP_URL is not a valid URL ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise MailError(f"KIOSK_SMTP_URL must start with smtp://, smtp+starttls:// or "
                        f"smtps://, not {scheme + '://' if scheme else 'nothing'}")
    if not parts.hostname:
        raise MailError("KIOSK_SMTP_URL names no host (smtp://host:port)")
    timeout = DEFAULT_TIMEOUT
    query = parse_qs(parts.query)
    if "timeout" in query:
        try:
            timeout = float(query["timeout"][-1])
            if timeout <= 0:
                raise ValueError
        except ValueError:
            raise MailError("KIOSK_SMTP_URL: timeout must be a number of seconds above 0"
                            ) from None
    username = unquote(parts.username) if parts.username else None
    password = unquote(parts.password) if parts.password is not None else None
    if username and password is None:
        raise MailError("KIOSK_SMTP_URL gives a user name but no password "
                        "(smtp+starttls://user:password@host:port)")
    if username and scheme == "smtp":
        # Logging in over plain text would hand the password to anyone on the path.
        raise MailError("KIOSK_SMTP_URL gives a password for plain smtp://; use "
                        "smtp+starttls:// or smtps:// so it travels encrypted")
    return SmtpSettings(scheme, parts.hostname, port or SCHEMES[scheme], username, password,
                        timeout)


class Mailer:
    """One SMTP connection for a batch of messages; reconnects after a dropped connection.

        with Mailer(settings) as mailer:
            mailer.send(message)
    """

    def __init__(self, settings: SmtpSettings, context: ssl.SSLContext | None = None):
        self.settings = settings
        self.context = context  # tests pass one that trusts their own certificate
        self._smtp: smtplib.SMTP | None = None

    def __enter__(self) -> Mailer:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def close(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (smtplib.SMTPException, OSError):
                self._smtp.close()
            self._smtp = None

    def send(self, message: EmailMessage) -> None:
        """Send one message, connecting first if needed; MailError on any failure."""
        s = self.settings
        try:
            if self._smtp is None:
                self._smtp = self._connect()
            refused = self._smtp.send_message(message)
        except smtplib.SMTPRecipientsRefused as exc:
            self._reset()
            detail = "; ".join(f"{addr}: {_reply(code, text)}"
                               for addr, (code, text) in exc.recipients.items())
            raise MailError(f"the mail server {s.where} refused the recipient ({detail})"
                            ) from None
        except smtplib.SMTPSenderRefused as exc:
            self._reset()
            raise MailError(f"the mail server {s.where} refused the sender {exc.sender} "
                            f"({_reply(exc.smtp_code, exc.smtp_error)}); check "
                            "KIOSK_MAIL_FROM") from None
        except smtplib.SMTPDataError as exc:
            self._reset()
            raise MailError(f"the mail server {s.where} refused the message "
                            f"({_reply(exc.smtp_code, exc.smtp_error)})") from None
        except MailError:
            self._drop()
            raise
        except smtplib.SMTPServerDisconnected as exc:
            self._drop()
            if "timed out" in str(exc):  # smtplib reports a read timeout this way
                raise MailError(f"the mail server {s.where} did not answer within "
                                f"{s.timeout:g} s") from None
            raise MailError(f"the mail server {s.where} closed the connection") from None
        except TimeoutError:
            self._drop()
            raise MailError(f"the mail server {s.where} did not answer within "
                            f"{s.timeout:g} s") from None
        except smtplib.SMTPException as exc:
            self._drop()
            raise MailError(f"the mail server {s.where} answered with an error: {exc}"
                            ) from None
        except OSError as exc:
            self._drop()
            raise MailError(_connect_error(s, exc)) from None
        if refused:  # some of several recipients refused; ours are one per message
            raise MailError(f"the mail server {s.where} refused {', '.join(refused)}")

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        context = self.context or ssl.create_default_context()
        if s.scheme == "smtps":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout,
                                                  context=context)
        else:
            smtp = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
        try:
            smtp.ehlo()
            if s.scheme == "smtp+starttls":
                if not smtp.has_extn("starttls"):
                    raise MailError(f"the mail server {s.where} does not offer STARTTLS; "
                                    "use smtp:// (no password) or smtps://")
                smtp.starttls(context=context)
                smtp.ehlo()
            if s.username:
                try:
                    smtp.login(s.username, s.password or "")
                except smtplib.SMTPAuthenticationError as exc:
                    raise MailError(f"the mail server {s.where} refused the user name or "
                                    f"password ({_reply(exc.smtp_code, exc.smtp_error)})"
                                    ) from None
                except UnicodeEncodeError:  # smtplib sends log-ins as ASCII only
                    raise MailError("the user name or password in KIOSK_SMTP_URL has "
                                    "characters other than ASCII, which SMTP log-in cannot "
                                    "carry") from None
                except smtplib.SMTPNotSupportedError:
                    raise MailError(f"the mail server {s.where} does not accept a log-in; "
                                    "remove user:password from KIOSK_SMTP_URL") from None
        except BaseException:
            smtp.close()
            raise
        return smtp

    def _reset(self) -> None:
        """After a refused message the connection is still good; clear its state."""
        try:
            if self._smtp is not None:
                self._smtp.rset()
        except (smtplib.SMTPException, OSError):
            self._drop()

    def _drop(self) -> None:
        if self._smtp is not None:
            self._smtp.close()
            self._smtp = None


def send(message: EmailMessage, url: str | None, context: ssl.SSLContext | None = None
         ) -> None:
    """Send a single message through KIOSK_SMTP_URL."""
    with Mailer(parse_url(url), context) as mailer:
        mailer.send(message)


def _reply(code, text) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return f"{code} {text}".strip()


def _connect_error(s: SmtpSettings, exc: OSError) -> str:
    if isinstance(exc, ssl.SSLCertVerificationError):
        return (f"the mail server {s.where} has a certificate this machine does not trust "
                f"({exc.verify_message})")
    if isinstance(exc, ssl.SSLError):
        hint = " (is it really smtps://? try smtp+starttls:// on port 587)" \
            if s.scheme == "smtps" else ""
        return f"a secure connection to the mail server {s.where} failed{hint}: {exc.reason}"
    if isinstance(exc, ConnectionRefusedError):
        return (f"could not connect to the mail server {s.where}: connection refused "
                "(is it running, and is the port right?)")
    if isinstance(exc, socket.gaierror):
        return f"could not find the mail server {s.host}: {exc.strerror}"
    return f"could not connect to the mail server {s.where}: {exc.strerror or exc}"
