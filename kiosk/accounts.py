"""Users, roles and bearer tokens."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime

from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from kiosk import db
from kiosk.models import ApiToken, Role, User


class AccountError(ValueError):
    pass


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


MIN_PASSWORD = 8


def create_user(username: str, password: str, role: str,
                min_length: int = MIN_PASSWORD) -> User:
    if role not in {r.value for r in Role}:
        raise AccountError(f"role must be one of: {', '.join(r.value for r in Role)}")
    if not username or len(username) > 80:
        raise AccountError("a username is 1 to 80 characters")
    if len(password) < max(min_length, 1):
        raise AccountError(f"password must be at least {max(min_length, 1)} characters")
    session = db.session()
    if session.scalar(select(User).where(User.username == username)):
        raise AccountError(f"user {username!r} exists")
    user = User(username=username, password_hash=generate_password_hash(password), role=role)
    session.add(user)
    session.commit()
    return user


def authenticate(username: str, password: str) -> User | None:
    user = db.session().scalar(select(User).where(User.username == username))
    if user is None:
        check_password_hash(generate_password_hash("x"), password)  # same time either way
        return None
    return user if check_password_hash(user.password_hash, password) else None


def create_token(username: str) -> str:
    """A new bearer token for the user; shown once, only its hash is stored."""
    session = db.session()
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise AccountError(f"no user {username!r}")
    token = "kiosk_" + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, token_hash=_digest(token)))
    session.commit()
    return token


def user_for_token(token: str) -> User | None:
    session = db.session()
    row = session.scalar(select(ApiToken).where(ApiToken.token_hash == _digest(token)))
    if row is None:
        return None
    row.last_used = datetime.now(UTC)
    session.commit()
    return row.user
