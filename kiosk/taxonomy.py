"""The theme taxonomy as admins edited it; the shipped default until they do."""

from __future__ import annotations

from sqlalchemy import select

from kiosk import db
from kiosk.analysis.themes import Theme, ThemeMatcher, default_matcher, default_themes
from kiosk.models import Theme as ThemeRow


def current_matcher() -> ThemeMatcher:
    rows = db.session().scalars(select(ThemeRow).order_by(ThemeRow.id)).all()
    if not rows:
        return default_matcher()
    return ThemeMatcher([Theme(r.slug, r.label_tr, r.label_en, tuple(r.keywords_tr or ()),
                               tuple(r.keywords_en or ())) for r in rows])


def seed_default_themes() -> int:
    """Copy the shipped taxonomy into an empty table, so admins have something to edit."""
    session = db.session()
    if session.scalar(select(ThemeRow.id).limit(1)) is not None:
        return 0
    themes = default_themes()
    session.add_all(ThemeRow(slug=t.slug, label_tr=t.label_tr, label_en=t.label_en,
                             keywords_tr=list(t.keywords_tr), keywords_en=list(t.keywords_en))
                    for t in themes)
    session.commit()
    return len(themes)
