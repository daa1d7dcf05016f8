"""The intranet widget (/widget, /widget.js) and the praise archive."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("widget", __name__)
