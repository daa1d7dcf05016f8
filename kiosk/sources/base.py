"""What every connector is: a kind, a settings schema, and fetch(since) → pages of items.

Connectors never touch the database. They turn a provider's answer into plain feedback
records (the DESIGN schema) and say, page by page, which cursor to save once those records
are stored; `kiosk.sources.collect` does the storing, idempotently.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar
from urllib.parse import urlparse

from kiosk.sources.http import FetchError, Http, RateLimited, ShapeError


class ConfigError(ValueError):
    """A source's settings are wrong; the message names the setting."""


@dataclass(frozen=True)
class Field:
    name: str
    help: str
    required: bool = False
    secret: bool = False  # must be env:VAR or config:KEY, never clear text in the database
    default: str | None = None
    kind: str = "str"  # str | int | url | list (comma-separated) | map (key:value,…)
    choices: tuple[str, ...] = ()  # when given, the only values allowed


@dataclass
class Page:
    """Records from one request, and the cursor that is safe to save once they are stored."""

    items: list[dict[str, Any]]
    state: dict[str, Any] = field(default_factory=dict)
    skipped: int = 0  # provider items with nothing to show (stars without words, …)


# Every polling connector has these, on top of its own.
COMMON = (
    Field("interval", "minutes between polls", default="60", kind="int"),
    Field("branch", "branch given to items that name none"),
    Field("lookback_days", "how far back the first poll reaches", default="2", kind="int"),
)

_REFERENCE = re.compile(r"^(env|config):[A-Za-z_][A-Za-z0-9_.\-]*$")


class Connector:
    kind: ClassVar[str]
    title: ClassVar[str]
    fields: ClassVar[tuple[Field, ...]] = ()

    def __init__(self, name: str, settings: dict[str, Any], state: dict[str, Any],
                 http: Http):
        self.name, self.settings, self.state, self.http = name, settings, dict(state), http

    def fetch(self, since: datetime) -> Iterator[Page]:
        """Pages of records created at or after `since` (a tz-aware datetime), oldest cursor
        first so that a crash between pages resumes where it stopped."""
        raise NotImplementedError

    @classmethod
    def schema(cls) -> tuple[Field, ...]:
        return cls.fields + COMMON

    @classmethod
    def check(cls, settings: dict[str, str]) -> None:
        """Rules across settings (e.g. "mentions need a token"); raise ConfigError."""


def each_place(places: dict[str, str], kind: str,
               read: Callable[[str, str], Iterator[Page]]) -> Iterator[Page]:
    """Read several places (venues, locations) so one place's fault costs the others
    nothing: its error is raised after the rest are read, so health still says so. A rate
    limit stops them all, since they share one key."""
    failed: list[FetchError] = []
    for place, branch in places.items():
        try:
            yield from read(place, branch)
        except RateLimited:
            raise
        except FetchError as exc:
            failed.append(type(exc)(f"{kind} {branch or place}: {exc}"))
    if len(failed) == 1:
        raise failed[0]
    if failed:
        raise FetchError("; ".join(str(exc) for exc in failed))


def validate(connector: type[Connector], raw: dict[str, str]) -> dict[str, str]:
    """Check settings as given to `sources add`; returns them as they will be stored."""
    schema = {f.name: f for f in connector.schema()}
    unknown = sorted(set(raw) - set(schema))
    if unknown:
        raise ConfigError(f"unknown setting {unknown[0]!r} for kind {connector.kind}; "
                          f"known: {', '.join(schema)}")
    out = {}
    for f in schema.values():
        value = raw.get(f.name, f.default)
        if value in (None, ""):
            if f.required:
                raise ConfigError(f"{connector.kind} needs --set {f.name}=… ({f.help})")
            continue
        value = str(value).strip()
        if f.secret and not _REFERENCE.match(value):
            raise ConfigError(f"{f.name} is a secret: give it as env:VARNAME (or config:KEY "
                              "from the KIOSK_CONFIG file); it is never stored in clear")
        if not f.secret:
            _check(f, value)
        out[f.name] = value
    connector.check(out)
    return out


def _check(f: Field, value: str) -> None:
    if f.choices and value not in f.choices:
        raise ConfigError(f"{f.name} must be {' or '.join(f.choices)}, not {value!r}")
    if f.kind == "int":
        try:
            if int(value) < 1:
                raise ValueError
        except ValueError:
            raise ConfigError(f"{f.name} must be a positive whole number, not {value!r}") from None
    elif f.kind == "url":
        parsed = urlparse(value)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise ConfigError(f"{f.name} must be an http(s) URL, not {value!r}")
    elif f.kind == "map":
        for pair in split_list(value):
            if ":" not in pair:
                raise ConfigError(f"{f.name} must be key:value pairs separated by commas")


def resolve(connector: type[Connector], stored: dict[str, str],
            config: dict[str, Any]) -> dict[str, Any]:
    """Settings ready for a run: secrets read now from the environment or the config file."""
    out: dict[str, Any] = {}
    for f in connector.schema():
        value = stored.get(f.name, f.default)
        if value is None:
            continue
        if f.secret:
            value = _secret(f.name, value, config)
        elif f.kind == "int":
            value = int(value)
        elif f.kind == "list":
            value = split_list(value)
        elif f.kind == "map":
            value = {k.strip(): v.strip() for k, v in
                     (pair.rsplit(":", 1) for pair in split_list(value))}
        out[f.name] = value
    return out


def _secret(name: str, ref: str, config: dict[str, Any]) -> str:
    where, _, key = ref.partition(":")
    if where == "env":
        value = os.environ.get(key)
        if not value:
            raise ConfigError(f"{name}: environment variable {key} is not set")
        return value
    node: Any = config.get("SECRETS", {})
    for part in key.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    if not isinstance(node, str) or not node:
        raise ConfigError(f"{name}: [secrets] {key} is not in the KIOSK_CONFIG file")
    return node


def split_list(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def need(obj: Any, key: str, kind: type | tuple[type, ...], where: str) -> Any:
    """obj[key] of the expected type, or a ShapeError that says which field changed."""
    value = obj.get(key) if isinstance(obj, dict) else None
    if not isinstance(value, kind):
        raise ShapeError(f"{where}: expected {key!r} to be "
                         f"{getattr(kind, '__name__', kind)}, got {type(value).__name__}")
    return value
