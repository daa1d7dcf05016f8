"""Language of a short customer text: tr, en, or other."""

from __future__ import annotations

import re
from functools import cache

from kiosk.analysis.text import lower_tr

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


# Turkish typed without Turkish letters ("ilkay hanim cok sagolun") looks like English to a
# character model: common Turkish words, and no English ones, settle it.
_TURKISH_WORDS = frozenset(
    "cok tesekkur tesekkurler tesekkurederim sagol sagolun sagolsun hanim bey abi abla guzel "
    "harika ve icin ama degil yok ile gibi kadar daha hic iyi kotu berbat siparis urun kargo "
    "magaza hizmet personel ellerinize eline saglik helal olsun gercekten simdi artik neden "
    "nasil biz siz oldu geldi gelmedi hala teslim musteri sube calisan kibar ilgili".split())
_ENGLISH_WORDS = frozenset(
    "the and is was you i to of it for my this that with so very thank thanks great good but "
    "not we they are were in on at a an me our your".split())


def _turkish_without_letters(text: str) -> bool:
    words = [w.strip(".,!?;:'\"()").lower() for w in text.split()]
    return len(_TURKISH_WORDS.intersection(words)) >= 2 and not any(
        w in _ENGLISH_WORDS for w in words)


# Words only one of the two languages writes (Azerbaijani shares Turkish letters, not these
# words: "çox", "üçün", "və", "yaxşı"). Two of them, and none of the other language's,
# settle a text without the character model, which costs a fifth of the pipeline's time.
# (A schwa, Azerbaijani's, is settled before this, in detect_language.)
_ONLY_TURKISH = frozenset(
    "için icin çok cok değil degil ama gibi ve hiç hic güzel guzel yok benim bana iyi kötü kotu "
    "hizmet sipariş siparis ürün urun mağaza magaza şube sube teşekkürler tesekkurler teşekkür "
    "tesekkur ederim bile daha sonra önce kadar bey hanım hanim olarak oldu geldi gelmedi "
    "değildi şey sey çünkü cunku artık artik hala hâlâ nedir misiniz mısınız musunuz "
    "müsünüz miyim mıyım gerçekten gercekten istiyorum başka baska teslimat yazıyor yaziyor "
    "dakika dakikada nasıl nasil harika seferinde şubesinde subesinde kurye uygulama yine aynı "
    "ayni".split())
# Neither list has words other languages write too: "is", "was", "we", "of", "to", "me", "no"
# (Dutch, German, Spanish …) or "de", "da", "ne", "mi", "ben", "her", "var".
_ONLY_ENGLISH = frozenset(
    "the and with this that they were have but very you my our your would could should there "
    "their been from what when which because thank thanks great good staff service it after "
    "every how about does never got arrived just again really ordered please honestly only "
    "lovely nothing absolutely before asked actually charged nobody quick who where why "
    "waited".split())
# Greek, Cyrillic, Hebrew, Arabic … CJK: never Turkish or English
_FOREIGN_LETTERS = re.compile("[\u0370-\u03ff\u0400-\u04ff\u0590-\u06ff\u0e00-\u9fff]")
_WORDS = re.compile(r"[^\W\d_]+")


def _evident(text: str) -> str | None:
    """"tr" or "en" when the words alone say so; None when the model must decide."""
    if len(text) > 2000 or _FOREIGN_LETTERS.search(text):
        return None
    found = _WORDS.findall(text)
    words = set(lower_tr(w) for w in found)  # Turkish case: "IRMAK" is "ırmak"
    turkish = len(words & _ONLY_TURKISH)
    english = len({w.lower() for w in found} & _ONLY_ENGLISH)  # English case: "It" is "it"
    if turkish >= 2 and not english:
        return "tr"
    if english >= 2 and not turkish and not words & _TURKISH_WORDS and not any(
            ch.isalpha() and not ch.isascii() for ch in text):  # emoji and “quotes” may pass
        return "en"
    return None


_SENTENCE_END = re.compile(r"[.!?…:;\n]\s*$")


def _without_inner_names(text: str) -> str:
    """Capitalised words with Turkish letters inside a sentence dropped: in "The Yıldız clinic
    is spotless" the branch's name is no Turkish, and the character model thinks it is."""
    words = text.split(" ")
    kept = [w for k, w in enumerate(words)
            if not (k and w[:1].isupper() and not _SENTENCE_END.search(words[k - 1])
                    and any(ch in _TURKISH_LETTERS for ch in w))]
    return " ".join(kept) if len(kept) > 1 and len(kept) < len(words) else text


def detect_language(text: str, hint: str | None = None) -> str:
    """The source's own language tag wins; then words only one language writes; otherwise
    py3langid, with a Turkish-letter tiebreak."""
    if hint in SUPPORTED:
        return hint
    if "ə" in text or "Ə" in text:
        return "other"  # Azerbaijani: Turkish has no schwa
    evident = _evident(text)
    if evident:
        return evident
    text = _without_inner_names(text)
    lang, confidence = _identifier().classify(text)
    if (lang == "en" or confidence < 0.9) and text.isascii() and _turkish_without_letters(text):
        return "tr"
    if lang in SUPPORTED:
        return lang
    if confidence < 0.9:
        # Short texts ("Harika!", "ok") are guessed badly; Turkish letters settle it.
        if any(ch in _TURKISH_LETTERS for ch in text):
            return "tr"
        if text.isascii():
            return "en"
    return "other"
