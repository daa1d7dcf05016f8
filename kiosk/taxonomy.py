"""The theme taxonomy as admins edited it; the shipped default until they do."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from kiosk import audit, db
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
    try:
        session.commit()
    except IntegrityError:  # another process (a second web unit starting) seeded it first
        session.rollback()
        return 0
    return len(themes)


def save_theme(slug: str, body: dict, actor: str) -> ThemeRow:
    """Create or replace one theme; the first edit copies the shipped taxonomy in first."""
    slug = slug.strip().lower()
    if not slug or len(slug) > 60 or not slug.replace("-", "").replace("_", "").isalnum():
        raise ValueError("a theme's slug is letters, digits, - and _ (at most 60)")
    lists = {}
    for field in ("keywords_tr", "keywords_en"):
        value = body.get(field, [])
        if not isinstance(value, list) or not all(isinstance(k, str) and k.strip()
                                                  for k in value):
            raise ValueError(f"{field} must be a list of words or phrases")
        lists[field] = [k.strip() for k in value][:500]
    seed_default_themes()
    session = db.session()
    theme = session.scalar(select(ThemeRow).where(ThemeRow.slug == slug))
    before = None
    if theme is None:
        theme = ThemeRow(slug=slug, label_tr=slug, label_en=slug)
        session.add(theme)
    else:
        before = {"tr": theme.label_tr, "en": theme.label_en,
                  "keywords_tr": theme.keywords_tr, "keywords_en": theme.keywords_en}
    theme.label_tr = str(body.get("tr") or theme.label_tr)[:120]
    theme.label_en = str(body.get("en") or theme.label_en)[:120]
    theme.keywords_tr, theme.keywords_en = lists["keywords_tr"], lists["keywords_en"]
    audit.record(actor, "theme.save", f"theme:{slug}", before,
                 {"tr": theme.label_tr, "en": theme.label_en,
                  "keywords_tr": theme.keywords_tr, "keywords_en": theme.keywords_en})
    session.commit()
    return theme
