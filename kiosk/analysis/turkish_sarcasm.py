"""Turkish sarcasm: praise words used to complain ("Harika, yine 40 dakika kuyruk 👏").

The scorer's own markers (kiosk.analysis.turkish.sarcasm_markers) settle it, as do a virtue
in scare quotes, thanks for something going wrong or a sarcastic "masterpiece"; weaker signs
count in pairs, or one beside a negative situation.
"""

from __future__ import annotations

import re

from kiosk.analysis import irony, turkish
from kiosk.analysis.text import key, normalise

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
    if turkish.sarcasm_markers(text):
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
