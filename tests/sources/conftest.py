"""A stand-in provider: a real HTTP server on a real port that answers from a script.

Each path gets a list of replies served in order (the last one repeats), so a test can say
"first a 500, then the page" or "429 with Retry-After, then the page". Payloads are files
under payloads/, shaped after each provider's public API documentation.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

PAYLOADS = Path(__file__).parent / "payloads"


@dataclass
class Reply:
    status: int = 200
    body: bytes | str | dict | list = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (for timeouts)

    def encoded(self) -> tuple[bytes, str]:
        if isinstance(self.body, (dict, list)):
            return json.dumps(self.body).encode(), "application/json"
        if isinstance(self.body, str):
            return self.body.encode(), "text/plain; charset=utf-8"
        return self.body, "application/octet-stream"


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    form: dict[str, list[str]] = field(default_factory=dict)  # a POST's urlencoded body

    def arg(self, name: str) -> str | None:
        values = self.query.get(name)
        return values[0] if values else None


class Provider:
    def __init__(self):
        self.routes: dict[str, list[Reply]] = {}
        self.requests: list[Request] = []
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("utf-8", "replace")
                self.answer("POST", parse_qs(body))

            def do_GET(self):  # noqa: N802 (http.server's naming)
                self.answer("GET", {})

            def answer(self, method, form):
                parts = urlsplit(self.path)
                provider.requests.append(Request(method, parts.path, parse_qs(parts.query),
                                                 dict(self.headers), form))
                replies = provider.routes.get(parts.path)
                reply = (replies.pop(0) if len(replies) > 1 else replies[0]) if replies \
                    else Reply(404, {"error": "not found"})
                if reply.delay:
                    time.sleep(reply.delay)
                body, ctype = reply.encoded()
                try:
                    self.send_response(reply.status)
                    headers = {"Content-Type": ctype, **reply.headers}
                    for k, v in headers.items():
                        self.send_header(k, v.replace("{base}", provider.url))
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                         daemon=True).start()

    def route(self, path: str, *replies: Reply) -> None:
        self.routes[path] = list(replies)

    def payload(self, name: str, **subst: str) -> Reply:
        """A recorded payload file; {base} in it becomes this server's URL."""
        path = PAYLOADS / name
        text = path.read_text(encoding="utf-8").replace("{base}", self.url)
        for k, v in subst.items():
            text = text.replace("{" + k + "}", v)
        ctype = {"json": "application/json", "xml": "application/xml",
                 "atom": "application/atom+xml", "rss": "application/rss+xml"}.get(
                     path.suffix.lstrip("."), "text/plain")
        return Reply(200, text.encode(), {"Content-Type": ctype})

    def hits(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path == path]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def provider():
    p = Provider()
    yield p
    p.close()


@pytest.fixture
def fast_http(app):
    """Retries without long sleeps, and a short timeout, so fault tests stay quick."""
    app.config.update(SOURCE_TIMEOUT=1.0, SOURCE_RETRIES=2, SOURCE_BACKOFF=0.05,
                      SOURCE_MAX_WAIT=2.0)
    return app
