"""Turkish sarcasm: praise words used to complain ("Harika, yine 40 dakika kuyruk 👏").

The scorer's own markers (sarcasm_markers, read off its tokens) settle it, as do a virtue
in scare quotes, thanks for something going wrong or a sarcastic "masterpiece"; weaker signs
count in pairs, or one beside a negative situation.
"""

from __future__ import annotations

import re

from kiosk.analysis import irony, turkish
from kiosk.analysis.text import key, normalise
from kiosk.analysis.turkish_words import _fold

_SCARE_QUOTED = re.compile(
    r"[\"“'‘«](?:[^\"”'’»]{0,25}\b)?(?:hizli|guler yuz|ilgili|taze|kaliteli|ucuz|uygun|"
    r"temiz|profesyonel|express|ekspres|premium|organik|ozenli|guvenilir)\w*"
    r"[^\"”'’»]{0,25}[\"”'’»]")
_PRAISE_WORD = (r"(?:ne guzel|ne hos|harika|super|supersiniz|mukemmel|muhtesem|bravo|"
                r"tebrikler|helal olsun|cok profesyonel|ne incelik|ne kibar|dahiyane|sahane|"
                r"efsane|tesekkurler|cok tesekkurler|harikasiniz)")
_OPENER = re.compile(r"^(?:oh,? |vay,? )?" + _PRAISE_WORD + r"\b")
_CLOSER = re.compile(r"[.!?,]\s*(?:\w+ ){0,3}" + _PRAISE_WORD + r"[^.!?]{0,30}[.!?]*\s*"
                     r"(?:👏|🙄|🙃)*\s*$")
# Thanks for something going wrong: "teşekkürler kargom kaybolduğu için".
_THANKS_FOR_TROUBLE = re.compile(
    r"(?:tesekkur\w*|sagol\w*|eyvallah)\b.{0,50}\b(?:kayb|gecik|boz|kir|unut|iptal|eksik|yanlis|"
    r"bekle|kapat)\w*(?:dugu|digi|tugu|tigi|dugunuz|diginiz|tugunuz|tiginiz)\w* icin|"
    r"\b(?:kayb|gecik|boz|kir|unut|iptal|bekle|kapat)\w*(?:dugu|digi|tugu|tigi|dugunuz|diginiz|"
    r"tugunuz|tiginiz)\w* icin (?:cok )?(?:tesekkur|sagol)\w*|"
    # "teşekkürler, elektriği keserek mum ışığında yemek fırsatı verdiniz"
    r"(?:tesekkur\w*|sagol\w*)\b.{0,60}\b(?:kes|kayb|boz|kir|unut|iptal|gecik|sil)\w*(?:erek|arak)"
    r"\b|"
    # the notice after the event: "kesinti bittikten 2 saat sonra SMS atmışsınız, ne hızlı"
    r"(?:sms|mesaj|bildirim|duyuru|e-?posta|mail)\w* [^.!?]{0,40}\b(?:bittikten|gectikten|"
    r"olduktan|kapandiktan) (?:\w+ ){0,3}sonra\b[^.!?]{0,60}\b(?:ne hizli|cok hizli|harika|"
    r"super|tesekkur\w*|bravo|tebrik\w*)|(?:bittikten|gectikten|olduktan|kapandiktan) "
    r"(?:\w+ ){0,3}sonra (?:\w+ ){0,2}(?:sms|mesaj|bildirim|duyuru|e-?posta|mail)\w*[^.!?]{0,60}"
    r"\b(?:ne hizli|cok hizli|harika|super|tesekkur\w*|bravo|tebrik\w*)")
_MASTERPIECE = re.compile(r"\b(?:organizasyon|planlama|hizmet|yonetim) (?:sahese|harika)\w*|"
                          r"ne (?:hos|guzel) (?:bir )?surpriz")


_QUOTED = re.compile(r"(?:^|\s)['\"“‘«][^'\"”’»\n]{2,30}['\"”’»](?=[\s.,!?;:]|$)")
_LAUGH = re.compile("[😂🤣🙃🙄]")
# A clown or a crooked mouth beside thanks or praise mocks them: "teşekkürler gerçekten :/"
_MOCKING = re.compile("🤡|" + irony.CROOKED_MOUTH)
_MOCKED = re.compile(r"\b(?:tesekkur|sagol|bravo|tebrik|harika|super|mukemmel|muhtesem|"
                     r"eline saglik|helal|sahane|saglam is)\w*")
_ADMIRING = re.compile(r"\b(?:hayranim|saygi duyuyorum|ne kibar|ne incelik|ne hizmet|"
                       r"10/10|on numara hizmet|tam puan|odul verin|tebrik ederim)\b")


def sarcasm(text: str, negative_context: bool) -> bool:
    """Turkish sarcasm: the scorer's own markers, scare quotes around a virtue, or praise
    words opening or closing a text that is otherwise about something going wrong. Weak
    signs count in pairs, or one beside a negative situation."""
    if sarcasm_markers(text):
        return True
    folded = key(normalise(text))
    if _SCARE_QUOTED.search(folded) or _MASTERPIECE.search(folded) or \
            _THANKS_FOR_TROUBLE.search(folded) or (_MOCKING.search(text) and
                                                   _MOCKED.search(folded)):
        return True
    # "Bravo, ödeme alındı ama sipariş sistemde yok. Çok profesyonel." is two signs;
    # "Harika hizmet, teşekkürler" one; "Mükemmel!!! 👏👏" is sincere applause.
    framed = irony.framing(folded, _OPENER.search(folded), _CLOSER.search(folded),
                           turkish.score_turkish)
    weak = (framed + bool(_QUOTED.search(text)) + bool(_LAUGH.search(text))
            + irony.ironic_applause(text, negative_context, turkish.score_turkish)
            + bool(_ADMIRING.search(folded)))
    return weak >= 2 or (weak >= 1 and negative_context)


_SARCASM_PRAISE = frozenset({
    "harika", "super", "mukemmel", "muhtesem", "sahane", "bravo", "tebrik", "aferin",
    "helal olsun", "dahiyane", "efsane", "muthis", "eline saglik", "el saglik", "ne guzel"})
_THANKS = frozenset({"tesekkur", "sayenizde", "sagol"})
_SARCASM_EMOJI = frozenset({"🙃", "🙄"})
_REPEAT = frozenset({"yine", "gene", "hep", "klasik", "tabii", "tabi"})


def sarcasm_markers(text: str) -> bool:
    """True when the text carries cues of sarcastic praise: "(!)"; a praise interjection beside
    a complaint or a "yine" ("Harika, yine 40 dakika kuyruk"); bare praise in a complaining
    sentence ("Mükemmel hizmet, siparişim 2 saattir gelmedi"); thanks with 🙃/🙄 or "sayenizde"."""
    if re.search(r"\(\s*!+\s*\)", text):
        return True
    sentences, _ = turkish._evaluate(text)
    tokens = [t for sentence in sentences for t in sentence]
    stems = {_fold(t.hit.stem) for t in tokens if t.hit is not None}
    complaint = any(t.value <= -1.0 for t in tokens)
    mocking = any(t.word in _SARCASM_EMOJI for t in tokens)
    if stems & (_SARCASM_PRAISE | _THANKS) and (mocking or complaint and "sayenizde" in stems):
        return True  # "teşekkürler gerçekten 🙃", "sayenizde kahveyi soğuk içmeyi öğrendim"
    repeat = any(t.fold in _REPEAT for t in tokens)
    sincere = any(t.value > 0 and t.hit.flag != "symbol" and _fold(t.hit.stem) not in
                  _SARCASM_PRAISE for t in tokens)
    for sentence in sentences:
        # Once per sentence, not once per word: a long sentence must not cost its square.
        contrast = any(t.fold in turkish._CONTRAST for t in sentence)
        last_bad = max((i for i, t in enumerate(sentence) if t.value <= -1.0), default=-1)
        for i, tok in enumerate(sentence):
            if tok.hit is None or _fold(tok.hit.stem) not in _SARCASM_PRAISE:
                continue
            stem = _fold(tok.hit.stem)
            bare = " " in stem or tok.fold in (stem, stem + "ler", stem + "lar")
            if i == 0 and bare and (len(sentence) == 1 or any(
                    t.kind == "sep" for t in sentence[1:4])):
                if complaint or repeat and not sincere:
                    return True  # "Harika, yine 40 dakika kuyruk." "Bravo, çok iyi planlama."
            if bare and not contrast and i < last_bad:
                return True  # "Mükemmel hizmet, siparişim 2 saattir gelmedi."
    return False
