"""Language of a short customer text: tr, en, or other."""

from __future__ import annotations

from functools import cache

# Languages a Turkish company's customers plausibly write in; restricting py3langid to
# them cut its errors on short texts (see ../shared/RESOURCES.md, section 4).
CANDIDATES = ["tr", "en", "de", "fr", "es", "it", "ru", "ar", "az", "nl", "pt", "pl", "uk",
              "fa", "el", "ku"]
SUPPORTED = ("tr", "en")
_TURKISH_LETTERS = set("çğıöşüÇĞİÖŞÜ")


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(CANDIDATES)
    return ident


def detect_language(text: str, hint: str | None = None) -> str:
    """The source's own language tag wins; otherwise py3langid, with a Turkish-letter tiebreak."""
    if hint in SUPPORTED:
        return hint
    lang, confidence = _identifier().classify(text)
    if lang in SUPPORTED:
        return lang
    if confidence < 0.9:
        # Short texts ("Harika!", "ok") are guessed badly; Turkish letters settle it.
        if any(ch in _TURKISH_LETTERS for ch in text):
            return "tr"
        if text.isascii():
            return "en"
    return "other"
