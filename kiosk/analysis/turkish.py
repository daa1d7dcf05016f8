"""Turkish sentiment in the spirit of VADER: a curated stem lexicon matched through suffixes,
negation (değil, yok, -mA/-mIyor), boosters, contrast, emoji; and a separate sarcasm cue."""

from __future__ import annotations

import math
import re
from functools import lru_cache

from kiosk.analysis.turkish_idioms import rewrite
from kiosk.analysis.turkish_words import (
    _ABBREVIATIONS,
    _CONDITIONAL,
    _MUST,
    _NECESSITY,
    _NEG,
    _NOMINAL,
    _QUESTION,
    _SUBORDINATE,
    _TOKEN,
    _VERB,
    _analyze,
    _fold,
    _Hit,
    _lexicon,
    _normalize_word,
    _phrase_candidates,
)

# VADER's constants: booster increment, negation scalar, caps emphasis, normalisation alpha.
_B_INCR, _N_SCALAR, _CAPS_INCR, _ALPHA = 0.293, -0.74, 0.733, 15.0
_N_SCALAR_NEG = -0.5  # "kötü değil" is only mildly positive
_N_SCALAR_EMPHATIC = -0.75  # "hiç sorun yaşamadık", "hiç fena değil"
_BEFORE, _AFTER = 0.5, 1.5  # weights around a contrast word ("ama", "rağmen")

# Function words, looked up by their ASCII fold. Boosters add to the next sentiment word's
# magnitude (VADER's B_INCR); the dual ones are sentiment words of their own when alone.
_BOOSTERS = {
    "cok": _B_INCR, "gercekten": _B_INCR, "cidden": _B_INCR, "asiri": 0.35, "acayip": 0.35,
    "inanilmaz": 0.35, "gayet": 0.25, "oldukca": 0.2, "baya": 0.2, "bayagi": 0.2, "epey": 0.2,
    "fazlasiyla": 0.3, "kesinlikle": 0.3, "en": 0.3, "hic": 0.4, "hicbir": 0.4, "asla": 0.4,
    "tamamen": 0.25, "resmen": 0.2, "kocaman": 0.3, "sonsuz": 0.3, "fazla": 0.2, "derece": 0.35,
    "super": 0.35, "muthis": 0.35, "korkunc": 0.35, "feci": 0.35, "fena": 0.35, "ozellikle": 0.1,
    "surekli": 0.2, "hep": 0.15,
    "biraz": -_B_INCR, "pek": -0.2, "az": -0.2, "azicik": -0.25, "kismen": -0.3,
    "nispeten": -0.2, "hafif": -0.2, "hafiften": -0.2,
}
_DUAL = frozenset({"super", "muthis", "inanilmaz", "korkunc", "feci", "fena", "acayip", "az",
                   "fazla"})
# "hiç", "en ufak bir", "tek bir … bile": the negation of a fault is then praise, not a shrug.
_EMPHATIC = frozenset({"hic", "hicbir", "hicbiri", "asla", "sifir", "katiyen", "ufak", "zerre",
                       "tek", "bile"})
_EMPHATIC_FLOOR = 2.0  # "tek bir yanlışlık yoktu" counts like a plain "kusursuz"
_CONTRAST = frozenset({"ama", "amma", "fakat", "ancak", "lakin", "yalniz", "ragmen", "karsin"})
_CONJUNCTIONS = frozenset({"ve", "veya", "ya", "da", "de", "hem", "ile", "ne"})
# What a customer keeps doing: coming, going, buying, using, ordering ("geliyoruz",
# "alıyorum", "söylüyoruz"). Not "gidip geliyorum" (back and forth) nor anything else.
_LOYAL = re.compile(r"(?:gel|gid|al|kullan|soyl|ugr)[iu]yor(?:um|uz)")
_DURATIONS = frozenset({"aydir", "aylardir", "yildir", "yillardir"})  # not days or weeks
_NONE_WAS = frozenset({"olmadi", "olmamisti", "yok", "yoktu", "kalmadi"})
_NOTHING = frozenset({"hicbir", "sey", "seyi"})
_NO = frozenset({"yok", "yoktu", "yoktur", "yokmus", "yoktum", "yoktuk", "yoklar"})
_SUPERLATIVE = frozenset({"boyle", "boylesi", "boylesine", "denli", "hayatimda", "omrumde"})
_HEDGES = {"simdiden": 0.3}  # "şimdiden teşekkürler" closes requests and complaints
_COUNTERFACTUAL = frozenset({"keske", "eskiden"})  # positives after them describe a lack
_NOW = frozenset({"artik", "simdi", "simdiyse", "suan", "bugun", "sonra"})
_NEEDS = frozenset({"sart", "lazim", "lazimmis", "gerek", "gerekiyor", "gerekir", "gerekli"})
_REQUEST = frozenset({"lutfen", "rica"})
_ONLY = frozenset({"tek", "sadece", "yalnizca"})  # "tek derdim…", "sadece kasa yavaş"
_TRY = ("maya", "meye")  # "satmaya çalış-": to try to sell
# "kıymalı pide" is a pide with mince, not one that must be minced (-mAlI)
_MA_FOODS = ("kiymal", "dondurmal", "kavurmal", "kizartmal", "kozlemel", "haslamal",
             "sarmal", "dolmal", "burmal")
_NOT_INSTRUMENTAL = frozenset({"boyle", "soyle", "oyle", "bile", "hele", "sole"})

class _Token:
    __slots__ = ("kind", "word", "fold", "caps", "hit", "value")

    def __init__(self, kind: str, word: str, fold: str = "", caps: bool = False):
        self.kind, self.word, self.fold, self.caps = kind, word, fold, caps
        self.hit: _Hit | None = None
        self.value = 0.0


def _tokenize(text: str) -> list[list[_Token]]:
    """Tokens grouped into sentences; commas and colons stay in as clause separators."""
    sentences: list[list[_Token]] = [[]]
    for m in _TOKEN.finditer(text):
        kind, surface = m.lastgroup, m.group()
        current = sentences[-1]
        if kind == "word":
            word, folded, caps = _normalize_word(surface)
            current.append(_Token("word", word, folded, caps))
        elif kind == "end":
            if surface == "." and current and (current[-1].word in _ABBREVIATIONS or (
                    current[-1].kind == "num" and text[m.end():m.end() + 2].strip()[:1].islower())):
                continue  # "Sn. Müdür", "4. kattayım"
            if current:
                sentences.append([])
        elif kind in ("emoji", "emoticon"):
            current.append(_Token("emoji", surface.lower(), surface.lower()))
        else:
            current.append(_Token(kind, surface, re.sub(r"\s", "", surface)))
    return [s for s in sentences if s]


@lru_cache(maxsize=65536)  # the same words meet the same phrases text after text
def _phrase_word(folded: str, word: str) -> bool:
    rest = folded[len(word):]
    return folded.startswith(word) and (not rest or len(rest) <= 8 and bool(
        _NOMINAL.fullmatch(rest) or _VERB.match(rest)))


def _as_soon_as(toks: list[_Token], i: int) -> bool:
    """ "açar açmaz", "gelir gelmez": as soon as it opens, came; no negation in it."""
    fold = toks[i].fold  # ends in -mAz: the caller asks only of such words
    if i == 0 or len(fold) < 5:
        return False
    stem, before = fold[:-3], toks[i - 1].fold
    return before.startswith(stem) and before[len(stem):] in ("ar", "er", "ir", "ur", "r")


def _read_tokens(toks: list[_Token]) -> None:
    """Attach lexicon readings, merging phrases onto their last word."""
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.fold.endswith(("maz", "mez")) and _as_soon_as(toks, i):
            toks[i - 1].hit = None
            i += 1
            continue
        if tok.kind == "word" and (tok.fold not in _BOOSTERS or tok.fold in _DUAL) and not (
                tok.fold.startswith("degil") or tok.fold in _NO):
            tok.hit = _analyze(tok.word)
            if tok.hit and tok.hit.stem == "çalış" and i and toks[i - 1].fold.endswith(_TRY):
                # "satmaya çalışmadı" is didn't try to sell, not didn't work: a neutral verb,
                # whose negation denies what was (not) tried ("zorla … satmaya çalışmadı")
                tok.hit = tok.hit._replace(valence=0.0, flag="")
        elif tok.kind == "emoji":
            tok.hit = _Hit(_lexicon()[3].get(tok.word, 0.0), False, "symbol", tok.word, False)
        elif tok.kind == "rating":
            num, den = re.split(r"\s*/\s*", tok.fold)
            ratio = min(float(num.replace(",", ".")) / float(den), 1.0)
            tok.hit = _Hit(round((ratio - 0.5) * 6, 2), False, "symbol", "rating", False)
        if tok.kind in ("word", "num"):
            for words, entry, exact in _phrase_candidates(tok.fold):
                end = i + len(words)
                if end > len(toks) or (exact and tok.fold != words[0]):
                    continue
                span = toks[i:end]
                if all(t.kind in ("word", "num") and _phrase_word(t.fold, w)
                       for t, w in zip(span, words, strict=True)):
                    rest = span[-1].fold[len(words[-1]):]
                    if words[0] in _DURATIONS and rest and _NEG.match(rest):
                        continue  # "üç aydır kullanamıyorum": a loyalty phrase, denied
                    for t in span:
                        t.hit = None
                    span[-1].hit = _Hit(entry.valence, bool(rest and _NEG.match(rest)),
                                        entry.flag, entry.stem, False)
                    i = end - 1
                    break
        i += 1


def _is_negator(toks: list[_Token], k: int) -> str:
    """The negation token k carries: 'plain' (değil, yok, a negated neutral verb), 'complaint'
    (a negated "!" word), 'own' (a negated verb with its own valence), 'resolver', or ''."""
    tok = toks[k]
    if tok.fold.startswith("degil"):
        nxt = toks[k + 1].fold if k + 1 < len(toks) else ""
        return "" if _QUESTION.fullmatch(nxt) else "plain"
    if tok.fold in _NO:
        return "plain"
    hit = tok.hit
    if hit is None or hit.flag == "symbol":
        return ""
    if hit.flag == "~" and not hit.negated:
        return "resolver"
    if not hit.negated or not hit.verb and hit.flag != "!":
        return ""
    if hit.flag == "!":
        return "complaint"
    return "plain" if hit.valence == 0 else "own"


def _superlative(folds: list[str]) -> bool:
    """ "böyle rezalet görmedim", "bu kadar temiz kasap görmedim": never-seen-such intensifies."""
    return any(f in _SUPERLATIVE or f == "kadar" and j and folds[j - 1] in ("bu", "o", "su")
               for j, f in enumerate(folds))


def _is_sentiment(tok: _Token) -> bool:
    return tok.hit is not None and (tok.hit.valence != 0 or tok.hit.flag == "!")


def _effect_after(toks: list[_Token], folds: list[str], i: int, silenced: set[int]) -> str:
    """What the words after token i do to it: 'negated' ("taze değildi", "sorun yaşamadık",
    "cevap yok"), 'resolved' ("sorunu çözdüler"), 'intensified' ("böyle rezalet görmedim")."""
    hit, n = toks[i].hit, len(toks)
    reach = 0 if hit.flag == "!" and hit.verb else 7 if hit.flag == "!" else 4
    # Conjunctions do not use up the reach: "bozuk ya da eksik değildi" negates both; nor does
    # "hiçbir şey": "kırık dökük hiçbir şey yok".
    reach += sum(1 for f in folds[i + 1:i + reach + 3] if f in _CONJUNCTIONS or f in _NOTHING)
    for k in range(i + 1, min(i + reach, n)):
        if toks[k].kind == "sep" or folds[k] in _CONTRAST:
            break
        if hit.flag == "!" and folds[k] == "bile" and k > i + 1:
            break  # "altı aydır bir kez bile bozuk ürün gelmedi": the gelmedi has its own subject
        if hit.flag == "!" and toks[k].hit is not None and toks[k].hit.flag != "!" and \
                toks[k].hit.valence < 0 and not toks[k].hit.verb:
            break  # "teslimde gizli ücret çıkmadı": the verb denies the nearer fault
        if folds[k - 1] == "ve" and k > i + 1 and not _is_sentiment(toks[k]) and \
                toks[k].kind == "word" and hit.flag != "!":
            break  # a new subject: in "kirliydi ve sabun yoktu" the yok is the soap's
        kind = _is_negator(toks, k)
        if kind in ("plain", "own") and hit.flag == "!" and _SUBORDINATE.search(folds[k]):
            continue  # "rafta bulamadığım ürünü getirdi" describes, it does not complain
        if kind == "plain":
            if folds[k] in _NO and k > 1 and folds[k - 1] == "yerde" and \
                    "baska" in folds[max(0, k - 3):k - 1]:
                return "intensified"  # "bu fiyata bu lezzet başka yerde yok": nowhere else
            if i > 1 and folds[i - 1] == "kadar" and any(
                    f.startswith("hicbir") for f in folds[:i - 1]):
                return "intensified"  # "hiçbiri burası kadar özenli değildi": none was as good
            return "intensified" if toks[k].hit is not None and _superlative(folds[:i]) \
                else "negated"
        if kind == "complaint" and (hit.valence > 0 or hit.flag == "!") and k not in silenced:
            silenced.add(k)  # "zamanında gelmedi", "kimse gelmedi": the verb counts once
            return "negated"
        if kind == "complaint" and hit.valence < 0 and k == i + 2 and (
                toks[i + 1].hit and toks[i + 1].hit.flag == "!" or toks[i + 1].kind == "word"
                and not _is_sentiment(toks[i + 1]) and _EMPHATIC.intersection(folds[:i])):
            # "yanlış ürün gelmedi", "bir kez bile soğuk yemek gelmedi": the fault never came
            silenced.update((i + 1, k))
            return "negated"
        if kind == "complaint" and hit.valence < 0 and hit.flag != "!" and k == i + 1:
            silenced.add(k)  # "bir kez bile kırık gelmedi": the fault never came
            return "negated"
        if kind == "own" and hit.flag == "!":
            # "kimse bizi bekletmedi", "mumları da unutmamışlar", "cevap vermekten
            # kaçınmadılar": a bad deed denied is the verb's own; it denies nothing before it
            # (a mildly bad one may: "tamiri hâlâ bitmedi" is not done yet)
            return "" if toks[k].hit.valence <= -0.5 else "negated"
        if kind == "resolver" and hit.valence < 0:
            return "resolved"
        if _is_sentiment(toks[k]) and "!" not in (hit.flag, toks[k].hit.flag) and (
                folds[k - 1] not in _CONJUNCTIONS
                or (toks[k].hit.valence > 0) != (hit.valence > 0)):
            break  # "kaba ve yardım etmedi": the negation is yardım's, not kaba's
    return ""


def _neither(folds: list[str], i: int) -> bool:
    """"ne kuyruk ne evrak": both are denied, as "neither … nor" does."""
    return i > 0 and folds[i - 1] == "ne" and (
        "ne" in folds[i + 1:i + 4] or "ne" in folds[max(0, i - 4):i - 1])


def _score_sentence(toks: list[_Token], all_caps: bool) -> tuple[float, bool]:
    """Sum of token valences for one sentence; True when it opens with a contrast word."""
    _read_tokens(toks)
    n = len(toks)
    folds = [t.fold for t in toks]
    silenced = set()  # "!" verbs that reversed a positive word instead of counting themselves
    for i, tok in enumerate(toks):
        hit = tok.hit
        if hit is None or not _is_sentiment(tok):
            continue
        if hit.flag == "symbol":
            tok.value = hit.valence
            continue
        if hit.stem == "ilgili" and i and folds[i - 1].endswith(("la", "le")) and \
                folds[i - 1] not in _NOT_INSTRUMENTAL:
            continue  # "siparişimle ilgili" means "about my order"
        if _fold(hit.stem) in _DUAL and i + 1 < n and _is_sentiment(toks[i + 1]):
            continue  # a booster here: "süper hızlı", "fena güzel"
        if i in silenced:
            continue
        if hit.negated and i + 1 < n and _STILL_WITHOUT.fullmatch(folds[i + 1]) and \
                _PRIVATIVE.search(folds[i]) and not (i + 2 < n and folds[i + 2].startswith(
                    ("mi", "mu", "ded", "dem", "diye"))):
            # "hiçbir sorum cevapsız kalmadı": the lack itself is denied, a fault that never was
            emphatic = any(f in _EMPHATIC for f in folds[max(0, i - 6):i])
            tok.value = hit.valence * (_N_SCALAR_EMPHATIC if emphatic else _N_SCALAR_NEG) \
                if hit.valence < 0 else 0.0
            continue
        if hit.flag == "^" and hit.stem.endswith(("dır", "dir", "dur", "dür", "tır", "tir")) and \
                (any(f in _EMPHATIC for f in folds[i + 1:]) or _kept_coming(hit.stem, folds, i)):
            continue  # "6 aydır bir kez bile kırık gelmedi": how long all went well
        effect = "negated" if hit.negated or _neither(folds, i) else \
            _effect_after(toks, folds, i, silenced)
        if hit.flag == "!" and effect != "negated":
            continue
        value, negated, emphatic = hit.valence, effect == "negated", False
        if effect == "intensified":
            value += math.copysign(_B_INCR, value)  # "böyle rezalet görmedim"
        # Boosters before the word: "çok güzel", "gerçekten çok lezzetli", "biraz pahalı".
        for back, decay in ((1, 1.0), (2, 0.95), (3, 0.9)):
            j = i - back
            if j < 0 or toks[j].kind == "sep":
                break
            scalar = _BOOSTERS.get(folds[j])
            if scalar is not None and (folds[j] not in _DUAL or back == 1 or
                                       not _is_sentiment(toks[j + 1])):
                if toks[j].caps and not all_caps:
                    scalar += math.copysign(_CAPS_INCR, scalar)  # "ÇOK kabaydı"
                value += scalar * decay * (1 if value > 0 else -1)
            if folds[j] in _EMPHATIC:
                emphatic = True
            hedge = _HEDGES.get(folds[j])
            if hedge:
                value *= hedge
        if tok.caps and not all_caps:
            value += math.copysign(_CAPS_INCR, value)
        if negated and value > 0 and hit.negated and _nothing_unliked(folds, i):
            negated = False
        if negated and hit.flag not in ("!", "^"):
            if value > 0:
                value *= _N_SCALAR
            else:
                emphatic = emphatic or any(f in _EMPHATIC for f in folds[max(0, i - 6):i + 4])
                value *= _N_SCALAR_EMPHATIC if emphatic else _N_SCALAR_NEG
                if emphatic:
                    value = max(value, _EMPHATIC_FLOOR)
        if effect == "resolved":
            value *= _N_SCALAR_NEG
        if value > 0 and not negated and i + 1 < n and _QUESTION.fullmatch(folds[i + 1]):
            value *= 0.3  # "taze mi?"
        tok.value = value
    for k in silenced:
        toks[k].value = 0.0
    _clause_modifiers(toks, folds)
    return _contrast(toks, folds)


def _kept_coming(duration: str, folds: list[str], i: int) -> bool:
    """ "3 aydır haftada iki gün geliyoruz", "üç aydır her hafta sipariş veriyorum": months or
    years of a customer coming, buying or ordering, soon after the duration at i."""
    return _fold(duration) in _DURATIONS and any(
        (_LOYAL.fullmatch(folds[j]) or folds[j - 1] == "siparis" and folds[j].startswith(
            "veriyor")) and folds[j - 1] != "gidip" for j in range(i + 1, min(i + 8, len(folds))))


def _nothing_unliked(folds: list[str], i: int) -> bool:
    """ "beğenmediğim tek bir şey olmadı": a negated liking at i that nothing was."""
    return bool(_SUBORDINATE.search(folds[i])) and any(
        f in _NONE_WAS for f in folds[i + 1:i + 5]) and any(
        f in ("sey", "an", "seyi") for f in folds[max(0, i - 3):i + 4])


def _needed(words: list[str], j: int) -> bool:
    """"yapılması şart", "daha dikkatli olmak lazım"; but "tavuk dürüm şart" recommends."""
    if words[j] not in _NEEDS:
        return False
    return words[j] != "sart" or j > 0 and words[j - 1].endswith(
        ("masi", "mesi", "malari", "meleri", "mak", "mek"))


_CLAUSE_END = _Token("sep", ",")


def _clause_modifiers(toks: list[_Token], folds: list[str]) -> None:
    """Positives in requests, wishes and 'used to' clauses describe what is missing."""
    clause: list[_Token] = []
    for tok in toks + [_CLAUSE_END]:
        if tok.kind != "sep":
            clause.append(tok)
            continue
        positives = [t for t in clause
                     if t.value > 0 and t.hit is not None and t.hit.flag != "symbol"]
        words = [t.fold for t in clause]
        clause = []
        if not positives:
            continue  # most clauses: nothing for a request or a wish to take back
        scale = 1.0
        if any(_CONDITIONAL.fullmatch(w) for w in words) or any(w in _REQUEST for w in words):
            scale = 0.0  # "biraz kısarsanız çok sevinirim", "lütfen yardımcı olun"
        if any(_needed(words, j) or _MUST.fullmatch(w) and not w.startswith(_MA_FOODS)
               for j, w in enumerate(words)) or \
                "daha" in words and any(
                _NECESSITY.fullmatch(w) for w in words):
            scale = _N_SCALAR_NEG  # "daha dikkatli olmalı", "düzenli yapılması şart"
        for t in positives:
            t.value *= scale
    if _COUNTERFACTUAL.isdisjoint(folds):
        return  # no "eskiden", no "keşke"
    for i, f in enumerate(folds):
        if f == "eskiden" and _NOW.intersection(folds[i + 1:]):
            # "eskiden çok donuyordu, artık sorunsuz": a fault that is over, told to praise
            for t in toks[i + 1:]:
                if t.kind == "sep" or t.fold in _NOW:
                    break
                if t.value < 0:
                    t.value = 0.0
        if f in _COUNTERFACTUAL and (i + 1 >= len(folds) or folds[i + 1] != "beri"):
            for t in toks[i + 1:]:
                if t.kind == "sep":
                    break  # "eskiden korkardım, burada hiç zorluk çekmedim": that clause only
                if t.value > 0 and t.hit is not None and t.hit.flag != "symbol":
                    t.value *= _N_SCALAR_NEG  # "eskiden çok severdim", "keşke hızlı olsa"


def _contrast(toks: list[_Token], folds: list[str]) -> tuple[float, bool]:
    """The sentence total with VADER's "but" weights; True when the contrast opens it."""
    c = -1
    for i, f in enumerate(folds):
        if f in _CONTRAST:
            if f == "yalniz" and i == 0 and not (len(toks) > 1 and toks[1].kind == "sep"):
                continue  # "Yalnız kasiyer vardı": only one cashier, not "however"
            c = i
        elif f in ("de", "da") and i and folds[i - 1] == "yine":
            c = i  # "yine de"
        elif f in _ONLY and i + 1 < len(toks) and toks[i + 1].value < 0:
            c = i  # "Tek derdim kasiyerlerin…"
    if c < 0:
        return sum(t.value for t in toks), False
    before = sum(t.value for t in toks[:c])
    after = sum(t.value for t in toks[c + 1:])
    if after == 0 and folds[c] not in ("ragmen", "karsin"):
        # "Ürünler güzel ama neden her şey plastik?": the contrast itself announces a complaint.
        return (before * _BEFORE - 1.5 if before > 0 else before), before == 0
    return before * _BEFORE + after * _AFTER, before == 0


# A lack ("cevapsız", "sonuçsuz") that did not remain: "kalmadı", "olmadı" (folded).
_PRIVATIVE = re.compile(r"s[iu]z")
_STILL_WITHOUT = re.compile(r"(?:kal|ol)ma(?:di|mis|yacak)(?!\w*s[ae]\b)\w*")


@lru_cache(maxsize=1024)
def _evaluate(text: str) -> tuple[list[list[_Token]], list[float]]:
    """Sentences with a value on every token, and each sentence's weighted total.

    Cached (read-only to callers): the score and the sarcasm cues read the same text."""
    text = rewrite(text)
    sentences = _tokenize(text)
    letters = "".join(filter(str.isalpha, text))  # in C: this runs on every part of a text
    all_caps = bool(letters) and all(map(str.isupper, letters))
    totals: list[float] = []
    for toks in sentences:
        total, opens_with_contrast = _score_sentence(toks, all_caps)
        if opens_with_contrast and totals:
            totals = [t * _BEFORE for t in totals]  # "…güzeldi. Ama kasiyer kabaydı."
        totals.append(total)
    return sentences, totals


def score_turkish(text: str) -> float:
    """Compound sentiment of Turkish text in -1…1 (VADER's normalisation x/sqrt(x²+15))."""
    total = sum(_evaluate(text)[1])
    if total:
        bangs = min(text.count("!") - len(re.findall(r"\(\s*!+\s*\)", text)), 4)
        questions = text.count("?")
        emphasis = max(bangs, 0) * 0.292 + (min(questions * 0.18, 0.96) if questions > 1 else 0)
        total += math.copysign(emphasis, total)
    return max(-1.0, min(1.0, total / math.sqrt(total * total + _ALPHA)))
