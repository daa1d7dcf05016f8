"""Themes: what a piece of feedback is about, from a taxonomy admins can edit."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from kiosk.analysis.text import key, tokens


@dataclass(frozen=True)
class Theme:
    slug: str
    label_tr: str
    label_en: str
    keywords_tr: tuple[str, ...] = ()
    keywords_en: tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        return self.label_tr if lang == "tr" else self.label_en


def parse_themes(text: str) -> list[Theme]:
    """Themes from TOML: one table per theme with tr, en, keywords_tr, keywords_en."""
    data = tomllib.loads(text)
    return [Theme(slug, t.get("tr", slug), t.get("en", slug),
                  tuple(t.get("keywords_tr", ())), tuple(t.get("keywords_en", ())))
            for slug, t in data.items()]


@cache
def default_themes() -> tuple[Theme, ...]:
    return tuple(parse_themes((files("kiosk.analysis") / "data" / "themes.toml")
                              .read_text("utf-8")))


@dataclass(frozen=True)
class _Keyword:
    keys: tuple[str, ...]
    prefix: bool  # the last word may continue ("bekle*")
    slug: str


class ThemeMatcher:
    """Keywords compiled once per taxonomy; matching is a dictionary walk over the words."""

    def __init__(self, themes: tuple[Theme, ...] | list[Theme]) -> None:
        self.themes = tuple(themes)
        self._by_lang: dict[str, dict[str, list[_Keyword]]] = {"tr": {}, "en": {}}
        for theme in self.themes:
            for lang, words in (("tr", theme.keywords_tr), ("en", theme.keywords_en)):
                for keyword in words:
                    prefix = keyword.endswith("*")
                    keys = tuple(key(m.group()) for m in tokens(keyword.rstrip("*")))
                    if keys:
                        # Index by the first three letters, so prefixes are found too.
                        self._by_lang[lang].setdefault(keys[0][:3], []).append(
                            _Keyword(keys, prefix, theme.slug))

    def find(self, text: str, lang: str) -> list[str]:
        index = self._by_lang.get(lang)
        if not index:
            return []
        words = [key(m.group()).split("'")[0] for m in tokens(text)]
        found: dict[str, None] = {}
        for i, word in enumerate(words):
            for kw in index.get(word[:3], ()):
                if kw.slug in found:
                    continue
                n = len(kw.keys)
                window = words[i:i + n]
                if len(window) == n and window[:-1] == list(kw.keys[:-1]) and (
                        window[-1] == kw.keys[-1]
                        or (kw.prefix and window[-1].startswith(kw.keys[-1]))):
                    found[kw.slug] = None
        order = {t.slug: n for n, t in enumerate(self.themes)}
        return sorted(found, key=order.__getitem__)


@cache
def default_matcher() -> ThemeMatcher:
    return ThemeMatcher(default_themes())
