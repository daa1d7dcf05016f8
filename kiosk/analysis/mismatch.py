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
    r"sold as|billed as|"
    r"sign|app|online|website|added|yaziyor\w*|yazan|yazili|etiket\w*|raf\w*|menu\w*|tabela\w*|"
    r"sepet\w*|uygulama\w*|sitede|contract|quote|quoted|tariff|estimated|tarife\w*|sozlesme\w*|"
    r"teklif\w*|tahmini|asked for|booked|appointment|randevu\w*|until|yukledim|"
    r"topped up|siparis(?:te|imde|inizde)|soylendi|dendi|denildi|soz verildi|soz verdiler|"
    r"diye|istedim|istemistim|gramaj\w*|uzerindeki|saati|saat araligi|window|slot|gelecekti|"
    r"gorunuyordu|gorunuyor|gozukuyordu|listesinde|teslim tarihi|"
    r"[0-2]?\d[:.][0-5]\d ?[-–] ?[0-2]?\d[:.][0-5]\d)\b")  # a window of clock times is one
_CAME = re.compile(
    r"\b(?:register|till|checkout|receipt|got|get|received|charged|came|arrived|weighed|"
    r"kasa\w*|cikti|geldi|gelmis|tarttim|cekildi|okutt\w*|paket\w*|fis\w*|poset\w*|bill|billed|"
    r"invoice|closed|fatura\w*|kapandi|kapaliydi|took|today|locked|called in|seen|bakiye\w*|"
    r"balance|kilitli\w*|cagirdilar|alindim|it'?s been|it has been|saat [\d:.]+ oldu|"
    r"tartinca|tartildiginda|hala|halen|still|bugun|turned up|showed up|saat su an|"
    r"su an saat|opened|acildi|actual|actually|in reality|counted|turned into)\b")
# "Appointment at 10:30. Called in at 13:15.": clock times half an hour or more apart.
_TIME = re.compile(r"(?<![\d:])([01]?\d|2[0-3])(?:[:.]([0-5]\d)(?:\s?([ap])m\b)?|\s?([ap])m\b)"
                   r"(?![\d:])")  # "10:30", "10.30", "4:15pm", "10am"


def _minutes(time: re.Match) -> int:
    hour = int(time.group(1)) % 12 if time.group(3) or time.group(4) else int(time.group(1))
    if (time.group(3) or time.group(4)) == "p":
        hour += 12
    return hour * 60 + int(time.group(2) or 0)
_RANGE = re.compile(r"\s*(?:-|–|to|ile|ve|and|arasi)?\s*")  # "12:00-14:00": one window


# "Ordered a blue case, got a pink one", "M beden istedim, L geldi": the kind differs.
_KINDS = frozenset(
    "red blue green black white pink grey gray yellow purple brown orange silver gold navy beige "
    "small medium large xs xl xxl kirmizi mavi yesil siyah beyaz pembe gri sari mor kahverengi "
    "turuncu gumus altin lacivert bej kucuk orta buyuk".split())
_ASKED = re.compile(r"\b(?:ordered|asked for|wanted|chose|picked|selected|siparis ett\w*|istedim|"
                    r"sectim|sectigim|istedigim)\b")
_GOT = re.compile(r"\b(?:got|received|sent|came|arrived|gave me|geldi|gonderdiniz|gonderilmis|"
                  r"gondermissiniz|verdiler|cikti)\b")


def _kinds(part: str) -> set[str]:
    words = set(re.findall(r"\w+", part))
    sizes = set(re.findall(r"\b(\w{1,3}) (?:beden|size|numara)\b", part))
    return (words & _KINDS) | sizes


def wrong_kind(folded: str) -> bool:
    """Within one sentence, what was asked for and what came name different colours/sizes."""
    for sentence in re.split(r"[.!?;]", folded):
        asked = _ASKED.search(sentence)
        got = _GOT.search(sentence, asked.end()) if asked else None
        if not got:
            continue
        # The two clauses: "ordered a blue case, | got a pink one", "mavi istedim, | pembe geldi".
        cut = max(sentence.rfind(",", asked.end(), got.start()),
                  sentence.rfind(" ama ", asked.end(), got.start()),
                  sentence.rfind(" but ", asked.end(), got.start()))
        cut = cut if cut > 0 else got.start()
        wanted = _kinds(sentence[:cut])
        came = _kinds(sentence[cut:]) - wanted
        if wanted and came:
            return True
    return False


# Durations are promise_kept's: "10 dk erken geldi, kurulum 40 dakikada bitti" is no mismatch.
_DURATION = re.compile(r" ?(?:(?:dk|dakika|saat|gun|hafta)\w*|(?:min|mins|minutes?|hours?|hrs?|"
                       r"days?|weeks?)\b)")
_WINDOW = re.compile(r"(?<![\d:/.,])(\d+)\s?[-–]\s?(\d+)(?![\d:/]|[.,]\d)")
_RANGE_END = re.compile(r"\s?[-–]\s?\d")
_RANGE_START = re.compile(r"\d\s?[-–]\s?$")


def _value(number: str) -> float:
    return float(number.replace(",", "."))


# "answered 1 of 6 messages", "3 out of 11 items": part of what was owed. Not a rating.
_PART_OF = re.compile(r"(?<![\d.,])(\d+) (?:of|out of|/) (?:my |the |our )?(\d+)\b"
                      r"(?! ?(?:stars?|points?|puan|yildiz))")


def _promise_and_outcome(folded: str, first: re.Match, second: re.Match) -> bool:
    """What was promised stands before one amount and what came around the other."""
    before = (max(0, first.start() - 40), second.start())
    after = (first.end(), second.end() + 30)
    return bool((_PROMISED.search(folded, *before) and _CAME.search(folded, *after)) or
                (_CAME.search(folded, *before) and _PROMISED.search(folded, *after)))


def _times_differ(folded: str) -> bool:
    """Two clock times in a row, half an hour or more apart, that are not one range; or a
    time outside the window ("14:00-18:00") before it by a quarter of an hour or more."""
    times = list(_TIME.finditer(folded))
    minutes = [_minutes(t) for t in times]
    window = None  # (start match, low, high)
    for k in range(len(times) - 1):
        first, second = times[k], times[k + 1]
        if _RANGE.fullmatch(folded[first.end():second.start()]):
            low, high = sorted((minutes[k], minutes[k + 1]))
            window = (first, low, high)
            continue
        if window and window[0] is not first and times[k - 1] is window[0]:
            anchor, low, high = window  # "14:00-18:00 … arrived at 19:40"
            late = max(low - minutes[k + 1], minutes[k + 1] - high)
            if late >= 15 and _promise_and_outcome(folded, anchor, second):
                return True
            continue
        if abs(minutes[k] - minutes[k + 1]) >= 30 and \
                _promise_and_outcome(folded, first, second):
            return True
    return False


# "Thanks for delivering my frozen food warm": what should be cold came warm, or the reverse.
_KEPT_COLD = (r"(?:frozen|ice ?cream|chilled|iced|dondurma\w*|donuk|dondurulmus|buzlu)")
_WARMED = r"(?:warm|melted|melting|room temperature|lukewarm|erimis|eriyik|erimisti|ilik)"
_KEPT_HOT = r"(?:soup|coffee|tea|pizza|corba\w*|kahve\w*|cay\w*|pizza\w*)"
_COOLED = r"(?:cold|stone cold|lukewarm|freezing|buz gibi|soguk|ilik|donmus)"
# the temperature said of the thing, not of another one: "my soup came cold", "pizza buz gibi
# geldi" (not "hot soup and cold drinks")
_SAID = r"(?=\s*(?:$|[,;]|and\b|but\b|when\b|by\b|geldi|gelmis|cikti|idi|ydi|ve\b))"
_TEMPERATURE = re.compile(rf"\b{_KEPT_COLD}\b[^.!?]{{0,40}}\b{_WARMED}\b{_SAID}|"
                          rf"\b{_KEPT_HOT}\b[^.!?]{{0,40}}\b{_COOLED}\b{_SAID}")
# … unless it says the opposite: "kept cold", "still frozen", "sıcacık geldi".
_KEPT_RIGHT = re.compile(r"\b(?:still|kept|stayed|perfectly|nice and|not|never|hic|bile|yine de)\b")


def _temperature(folded: str) -> bool:
    for sentence in re.split(r"[.!?]", folded):
        match = _TEMPERATURE.search(sentence)
        if match and not _KEPT_RIGHT.search(match.group()):
            return True
    return False


# "1 saat dedi, 3 saat sonra geldi", "quoted 30 minutes, took 90": a time promised, then the
# time it took. The direction decides: later is a complaint, sooner is praise.
_MINUTES = {"dk": 1, "dakika": 1, "min": 1, "mins": 1, "minute": 1, "minutes": 1, "saat": 60,
            "hour": 60, "hours": 60, "hr": 60, "hrs": 60, "gun": 1440, "day": 1440,
            "days": 1440, "hafta": 10080, "week": 10080, "weeks": 10080}
_SPAN = r"(?<!\d)(\d+) ?(dk|dakika|mins?|minutes?|saat|hours?|hrs?|gun|days?|hafta|weeks?)\w*"
_SAID_SPAN = re.compile(
    rf"\b{_SPAN}(?: icinde| sonra| within)? (?:\w+ )?(?:dedi|dediler|dendi|denildi|soylendi|"
    rf"soylediler|yaziyordu|said|promised|quoted|estimated)\b|\b(?:said|promised|quoted|"
    rf"estimated|told us|told me|dedi ki)\b[^.!?\d]{{0,40}}{_SPAN}")
_TOOK_SPAN = re.compile(_SPAN + r"(?:da|de|ta|te| sonra| later)?\b")
# "quoted 8 weeks, arrived in 7": the unit of the promise goes without saying
_TOOK_BARE = re.compile(r"\b(?:in|within|after) (\d+)(?=\s*(?:[.,;!]|$))")


# "Listede 1.250 TL yazan işlem için 2.100 TL ödedim", "quoted 400, paid 320": a price stated,
# then the price paid. More is a complaint, less is praise.
_MONEY = (r"(?<![\d.,])(\d{1,3}(?:[.,]\d{3})+|\d+)(?:[.,]\d{1,2})? ?"
          r"(?:tl|lira|try|pounds?|euros?|usd|eur|gbp)\b")
_SAID_PRICE = re.compile(rf"\b(?:quoted|quote was|said|listed|advertised|teklif\w*|yazan|yaziyor"
                         rf"\w*|fiyat listesinde|dedi|dediler|soylendi)\b[^.!?\d]{{0,30}}{_MONEY}|"
                         rf"{_MONEY}[^.!?\d]{{0,20}}\b(?:yazan|yaziyor\w*|dedi|dediler|quoted|"
                         rf"teklif)\b")
_PAID_PRICE = re.compile(rf"{_MONEY}[^.!?\d]{{0,20}}\b(?:odedim|odedik|odettiler|cekildi|"
                         rf"alindi|aldilar|fatura\w*)\b|\b(?:paid|charged|billed|bill was|"
                         rf"invoice)\b[^.!?\d]{{0,20}}{_MONEY}")


_DIGIT = re.compile(r"\d")


def _amount(match: re.Match) -> float:
    digits = next(g for g in match.groups() if g)
    return float(re.sub(r"[.,]", "", digits))


def _price_kept(folded: str) -> int:
    said = _SAID_PRICE.search(folded)
    paid = _PAID_PRICE.search(folded, said.end()) if said else None
    if not paid:
        return 0
    promised, actual = _amount(said), _amount(paid)
    return 0 if promised == actual else 1 if actual < promised else -1


def promise_kept(text: str) -> int:
    """+1 if what came came sooner (or cost less) than promised before it, -1 if later (or
    dearer), else 0."""
    folded = key(normalise(text))
    if not _DIGIT.search(folded):
        return 0  # a promise kept or broken is told in numbers: most texts have none
    price = _price_kept(folded)
    if price:
        return price
    said = _SAID_SPAN.search(folded)
    if not said:
        return 0
    number, unit = (said.group(1), said.group(2)) if said.group(1) else (said.group(3),
                                                                        said.group(4))
    took = _TOOK_SPAN.search(folded, said.end(), said.end() + 80)
    bare = None if took else _TOOK_BARE.search(folded, said.end(), said.end() + 80)
    if not (took or bare):
        return 0
    promised = int(number) * _MINUTES.get(unit, 0)
    if bare and not 1 / 3 <= int(bare.group(1)) / max(int(number), 1) <= 3:
        return 0  # "quoted 2 hours, called back in 10": ten what? Not the promise's unit
    actual = (int(took.group(1)) * _MINUTES.get(took.group(2), 0) if took
              else int(bare.group(1)) * _MINUTES.get(unit, 0))
    if not promised or not actual or promised == actual:
        return 0
    return 1 if actual < promised else -1


def mismatch(text: str) -> bool:
    folded = key(normalise(text))
    if wrong_kind(folded) or _temperature(folded):
        return True
    for part in _PART_OF.finditer(folded):
        got, owed = int(part.group(1)), int(part.group(2))
        if got < owed and owed not in (5, 10, 100):
            return True
    if not (_PROMISED.search(folded) and _CAME.search(folded)):
        return False  # no promise and outcome to set two amounts against (and 100 kB of
        # numbers costs nothing)
    if _times_differ(folded):
        return True
    # A range ("an 8-9 slot", "3-5 iş günü") is a window: what came is compared with both ends.
    for window in _WINDOW.finditer(folded):
        low, high = sorted((_value(window.group(1)), _value(window.group(2))))
        for later in _NUMBER.finditer(folded, window.end(), window.end() + 120):
            if not low <= _value(later.group()) <= high and \
                    _promise_and_outcome(folded, window, later):
                return True
    numbers = [m for m in _NUMBER.finditer(folded)
               if not _RANGE_END.match(folded, m.end()) and not _RANGE_START.search(
                   folded, max(0, m.start() - 4), m.start())]
    for k, first in enumerate(numbers):
        for second in numbers[k + 1:]:
            if second.start() - first.end() > 120:
                break
            if _value(first.group()) == _value(second.group()) or \
                    second.start() - first.end() < 8 or _DURATION.match(folded, second.end()):
                continue  # the same amount, one offer ("buy 2 get 1 free"), or a duration
            if _promise_and_outcome(folded, first, second):
                return True  # the bill first and the contract second is the same complaint
    return False
