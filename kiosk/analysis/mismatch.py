"""The label said one amount and the till, the scale or the bag said another.

Customers report these flatly, with no sentiment word at all ("Fişte 1 kg kıyma yazıyor,
paket 780 gram", "Receipt says 4 lemons. I got 2."), so the word scorers read them as
neutral. Two different amounts, one beside what was promised and one beside what came, make
a complaint in either language.
"""

from __future__ import annotations

import re

from kiosk.analysis.text import key, normalise

_NUMBER = re.compile(r"(?<![\d:/.,])\d+(?:[.,]\d+)?(?![\d:/]|[.,]\d)")
_PROMISED = re.compile(
    r"\b(?:says|said|shows|showed|listed|labell?ed|label|shelf|menu|advertised|promised|tag|"
    r"sign|app|online|website|added|yaziyor\w*|yazan|yazili|etiket\w*|raf\w*|menu\w*|tabela\w*|"
    r"sepet\w*|uygulama\w*|sitede|contract|quote|quoted|tariff|estimated|tarife\w*|sozlesme\w*|"
    r"teklif\w*|tahmini)\b")
_CAME = re.compile(
    r"\b(?:register|till|checkout|receipt|got|get|received|charged|came|arrived|weighed|"
    r"kasa\w*|cikti|geldi|gelmis|tarttim|cekildi|okutt\w*|paket\w*|fis\w*|poset\w*|bill|billed|"
    r"invoice|closed|fatura\w*|kapandi|kapaliydi)\b")


def _value(number: str) -> float:
    return float(number.replace(",", "."))


# "answered 1 of 6 messages", "3 out of 11 items": part of what was owed. Not a rating.
_PART_OF = re.compile(r"(?<![\d.,])(\d+) (?:of|out of|/) (?:my |the |our )?(\d+)\b"
                      r"(?! ?(?:stars?|points?|puan|yildiz))")


def mismatch(text: str) -> bool:
    folded = key(normalise(text))
    for part in _PART_OF.finditer(folded):
        got, owed = int(part.group(1)), int(part.group(2))
        if got < owed and owed not in (5, 10, 100):
            return True
    numbers = list(_NUMBER.finditer(folded))
    for k, first in enumerate(numbers):
        for second in numbers[k + 1:]:
            if second.start() - first.end() > 120:
                break
            if _value(first.group()) == _value(second.group()) or \
                    second.start() - first.end() < 8:
                continue  # the same amount, or one offer ("buy 2 get 1 free")
            before = (max(0, first.start() - 40), second.start())
            after = (first.end(), second.end() + 30)
            if (_PROMISED.search(folded, *before) and _CAME.search(folded, *after)) or \
                    (_CAME.search(folded, *before) and _PROMISED.search(folded, *after)):
                return True  # the bill first and the contract second is the same complaint
    return False
