"""The morning huddle deck: yesterday's praise as full-screen slides."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("huddle", __name__)
