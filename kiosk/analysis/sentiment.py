"""The praise decision: a compound score per clause, contrast, sarcasm and complaint cues.

A break room must never see a complaint dressed as praise, so praise needs every part of
the text to agree: one negative clause after "but"/"ama", a sarcasm marker, a complaint
situation ("still not delivered", "40 dakika bekledim") or a low star rating is enough to
keep an item off the wall, whatever the overall score says.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from kiosk.analysis import english, verdict_model
from kiosk.analysis.mismatch import mismatch, promise_kept
from kiosk.analysis.text import key
from kiosk.analysis.trouble import trouble_gone

_SENTENCES = re.compile(r"(?<=[.!?…])\s+|\n+")
# A verdict emoji between words ends a thought: "Car 👍 Service 👍 Hidden fee 👎".
_FRAGMENTS = re.compile(r"[,;:–—]+\s*|(?<=[.!?…👍👎✅❌])\s+|\n+")
# A question may end the text, or stand before a booking or order reference ("… ? KV-55031").
_QUESTION = re.compile(r"\?\s*(?:(?:(?i:ref|booking|order|sipari\w*|no)[.:]?\s*)?#?(?=[A-Za-z-]*\d)"
                       r"[A-Za-z0-9][A-Za-z0-9-]{3,}[.\s]*)?$")
# After the question, only a courtesy: "… is there any update? Thanks", "… mı? Şimdiden teşekkürler"
_COURTESY = re.compile(r"\?\s*(?:\W*(?:thanks?|thank you|thx|cheers|please|regards|kind regards|"
                       r"many thanks|in advance|te[şs]ekk[üu]r\w*|[şs]imdiden|sa[ğg]ol\w*|"
                       r"iyi g[üu]nler|iyi [çc]al[ıi][şs]malar|rica ederim|l[üu]tfen)\W*){1,3}$",
                       re.I)


@dataclass(frozen=True)
class Verdict:
    score: float
    label: str  # praise | complaint | neutral
    reasons: tuple[str, ...] = ()
    # the verdict model's P(praise) where the rules found the praise too: auto-approval's
    # confidence; None where only the model found it (a curator reads it) or none ships
    confidence: float | None = None


@dataclass(frozen=True)
class _Language:
    score: Callable[[str], float]
    contrast: re.Pattern
    cues: Callable[[str], bool]  # a complaint situation ("still not delivered")
    praise_cues: Callable[[str], bool]  # a customer's formula of thanks ("eline sağlık")
    sarcasm: Callable[[str, bool], bool]  # (text, negative context) -> sarcastic?
    suggestion: Callable[[str], bool]  # a request or idea, not a verdict
    reported: re.Pattern  # hearsay: "pahalı diyorlar ama …" is not the customer's complaint
    recovery: re.Pattern  # a problem put right: "yenisini getirdiler"
    resolved: re.Pattern  # staff acting on a problem: "replaced", "durdurdu"
    helped: re.Pattern  # a kind act: "helped", "arayıp haber verdi"
    # kind acts that are praise told plainly ("yenisini getirdiler", "rang my GP"); English
    # keeps to acts beyond the routine, as "the server brought us the bill" is not praise
    kind_acts: tuple[re.Pattern, ...] = ()
    verdict: re.Pattern = re.compile("(?!)")  # a whole sentence that judges the whole visit
    gone: re.Pattern = re.compile("(?!)")  # a trouble gone: "no more mice", "fareler bitti"
    solved: str = ""  # what a trouble gone is read as


@cache
def _turkish() -> _Language:
    from kiosk.analysis import turkish, turkish_acts, turkish_cues, turkish_sarcasm

    return _Language(lru_cache(maxsize=4096)(turkish.score_turkish), turkish_cues.CONTRAST,
                     turkish_cues.complaint_cues, turkish_cues.praise_cues, turkish_sarcasm.sarcasm,
                     turkish_cues.suggestion, turkish_cues.REPORTED, turkish_acts.RECOVERY,
                     turkish_acts.RESOLVED, turkish_acts.HELPED,
                     (turkish_acts.RESOLVED, turkish_acts.HELPED), turkish_cues.VERDICT,
                     turkish_acts.GONE, "sorun çözüldü")


@cache
def _english() -> _Language:
    from kiosk.analysis import english_cues as cues
    from kiosk.analysis.english_sarcasm import sarcasm_markers

    return _Language(lru_cache(maxsize=4096)(english.score_english), cues.CONTRAST,
                     cues.complaint_cues, cues.praise_cues, sarcasm_markers,
                     cues.suggestion, cues.REPORTED, cues.RECOVERY, cues.RESOLVED,
                     cues.HELPED, (cues.BEYOND_DUTY,), cues.VERDICT, cues.GONE, "all good now")


_LANGUAGES = {"en": _english, "tr": _turkish}


@dataclass(frozen=True)
class Signals:
    """What the rules read off a text; also dense features of the verdict model."""

    overall: float
    worst: float
    best: float
    after: float | None  # the clause after the last contrast word
    cues: bool
    praise_cue: bool
    sarcasm: bool
    question: bool
    suggestion: bool
    rating: int | None
    asks_why: bool = False  # "why is it always late?", "neden hep eksik geliyor?"
    kind_act: bool = False  # staff solved or helped: "swapped the cracked box"
    staff_act: bool = False  # and the act is told plainly, by someone else than the writer
    own_change: bool = False  # a request to change the customer's own plans: cancel, postpone


# Questions that are complaints however they are worded.
_ASKS_WHY = re.compile(r"\b(?:why|how come|how many (?:more )?times|is there (?:any|a|some) "
                       r"(?:good )?reason|how is "
                       r"(?:it|this|that)|(?:can|could) (?:anyone|"
                       r"someone|somebody|you) (?:\w+ ){0,3}explain (?:how|why)|how can (?:you|"
                       r"they|it|the|a|your)|"
                       r"what'?s the point|what is the point|seriously|neden|niye|nicin|hani|"
                       r"nasil olur|bu nasil|ne bicim)\b")

_OWN_DELAY = re.compile(r"\bwhy (?:didn'?t|haven'?t|hadn'?t) (?:i|we)\b|\bneden daha once\b|"
                        r"\bwhy (?:did )?(?:nobody|no one|no-one) (?:tell|told) (?:me|us) about "
                        r"(?:your|this|the) [^.!?]{0,30}\b(?:earlier|sooner|before)\b")


def _asks(text: str) -> bool:
    """The text ends on a question, perhaps followed by thanks in advance."""
    # from the last "?" only: tried at every one, a run of them cost its square
    return bool(_QUESTION.search(text) or "?" in text and _COURTESY.match(text, text.rfind("?")))


def _asks_why(folded: str, question: bool) -> bool:
    """"Why …?", "How is it possible that …", "nasıl olur ya": asked of a shop, a complaint.
    Without a question mark only at a sentence's start ("that's why I come back" is not);
    never of the customer's own delay ("Why didn't I come here sooner?")."""
    if _OWN_DELAY.search(folded):
        return False
    match = _ASKS_WHY.search(folded)
    return bool(match) and (question or match.start() == 0 or
                            folded[:match.start()].rstrip()[-1:] in ".!?;,")


# Questions that answer themselves with praise: "Başka ne isteriz?", "What more could you want?"
_RHETORICAL = re.compile(r"\b(?:baska|daha) ne (?:isteriz|istenir|ister|isteyebilir|isteyeyim|"
                         r"isteyelim|olsun)\w*|"
                         r"\bne (?:istiyon|istiyorsun|istersin|istiyorsunuz)\b|\b(?:baska )?kim "
                         r"(?:veriyor|verir|yapar|satar|yapiyor)\b|\bbaska nerede (?:bulunur|var|"
                         r"bulursun)\b|\bwhere else can you\b|\bis there anything \w+(?: \w+)? "
                         r"can'?t do\b|"
                         r"\bwhy (?:didn'?t|haven'?t|hadn'?t) (?:i|we) (?:\w+ ){0,5}"
                         r"(?:sooner|earlier|before|years ago|ages ago)\b|"
                         + english.ANYTHING_NOT_GOOD + "|"
                         r"\bwhat more (?:could|can|would|do) (?:you|i|we|anyone|one) (?:want|ask|"
                         r"wish|need)\b", re.I)


_HEDGED = re.compile(r"\b(?:a (?:bit|little|tad)|slightly|somewhat|kind of|bit of an?|rather|"
                     r"biraz|azicik|hafif(?:ce)?|birazcik)\b(?! (?:more|of (?:a )?(?:treat|magic|"
                     r"everything|luck)|da|de)\b)")
# The customer's own doubts before the visit, not a fault: "I was a bit nervous, but …".
_EXPECTED = re.compile(r"\b(?:i was|i felt|i thought|expect\w*|sceptical|skeptical|worried|nervous|"
                       r"doubt\w*|hesitant|reluctant|wasn'?t sure|bekliyordum|saniyordum|"
                       r"dusunmustum|tedirgin|endise\w*|korkuyordum|emin degildim|onyargi\w*)\b")
# A first impression of the writer's own that the rest answers: "I was sceptical", "pahalı
# bulmuştum", "güvenmemiştim", "sanıyordum". Not a fault told first ("At first the waiter
# ignored us, but …", "ürünü kırık almıştım ama …"): that is mixed.
_FIRST_IMPRESSION = re.compile(
    r"\b(?:i (?:was|had been|felt) (?:a bit |a little |quite |very |so )?(?:worried|sceptical|"
    r"skeptical|nervous|unsure|hesitant|doubtful|dubious|wary)|(?:bul|dusun|san|guvenme|"
    r"cekin|tereddut ed)(?:mustum|mustuk|mistim|mistik|uyordum|uyorduk|iyordum|iyorduk)|"
    r"emin degildim|(?:i )?wasn'?t (?:so |too |very |really |entirely )?sure (?:about|of)|"
    # a taste of the customer's, which this place is the exception to: "pek hoşlanmam ama burası"
    r"(?:genelde|normalde|genellikle|pek|aslinda) (?:\w+ ){0,4}?(?:hoslan|sev|bayil)m[ae]m|"
    r"i (?:don'?t|do not) (?:usually|normally|generally) (?:like|enjoy)|i'?m (?:not usually|"
    r"usually not|not normally|not generally) (?:a fan of|into))\b")
# The customer's own fear before things went well ("I was dreading the call, but …"), or a
# fault that is over ("eskiden çok donuyordu, artık sorunsuz").
_FEARED = re.compile(r"\b(?:dread\w*|(?:expect\w*|fear\w*|prepared for) the worst|scared|"
                     r"terrified|afraid|frightened|anxious|nervous|worried|panic attack|"
                     r"(?:came|walked|went) in (?:\w+ )?(?:furious|angry|fuming|stressed|"
                     r"in tears|crying|panicking|frustrated)(?!.{0,40}\b(?:walked|went|came|left)"
                     r" out (?:\w+ )?(?:upset|angry|furious|fuming|in tears|crying))|"
                     r"sceptical|skeptical|doubtful|hesitant|wasn'?t sure|bracing|braced|"
                     r"panikle\w*|had (?:my|some) "
                     r"doubts|diye dusunuyordum|"
                     r"diye dusunmustum|saniyordum|zannediyordum|cekindim|"
                     r"(?:\w+(?:maz|mez|mayacak|meyecek)|kotu|berbat|gec|soguk|pahali|sorun\w*|"
                     r"zor|rezalet|ariza\w*) (?:\w+ ){0,2}diye bekliyordu[mk]|"
                     r"cekinmistim|"
                     r"endiselendim|eskiden|panik yapt\w*|panikledim|panik oldum|"
                     r"bosuna (?:korkmus|cekinmis|endiselenmis|uzulmus|"
                     r"tedirgin)\w*|"
                     r"panick\w*|i was sure|i thought (?:it|they|i|we)|korkuyordum|korkmustum|"
                     r"korkardim|korkuyorduk|endise\w*|tedirgin\w*|cekiniyordum|emin degildim|"
                     r"uzulmustum|uzulmustuk|uzulmustu|"
                     r"odum kopuyordu|wasn'?t expecting much|didn'?t expect much|(?:had )?low "
                     r"expectations|not expecting much|fazla bir sey beklemiyordum)\b")
# What befell the customer, which a service is there to put right: "burst pipe at 2am",
# "lost my luggage", "lastik patladı". Told before a good ending, it is the story. Not what a
# shop can cause ("broke down a week after the service", "stuck in the lift").
_MISFORTUNE = re.compile(
    r"\b(?:burst (?:pipe|water)|pipe burst|(?:water|storm|flood|hail) damage|"
    r"(?:car|bike|phone|wallet|bag|laptop) (?:was |got )?stolen|(?:was|were|got) (?:robbed|"
    r"burgled)|(?:had|was in) an? (?:car )?(?:accident|crash|collision)|lost (?:my|our) "
    r"(?:luggage|suitcase|wallet|passport|phone|keys)|(?:flat|dead) (?:tyre|tire|battery)|"
    r"my (?:own )?(?:fault|mistake)|"
    r"kaza (?:yapt|gecir)\w*|(?:calindi|caldirdim|calinmis)|su basti|lastik patla\w*|"
    r"kaybettim|kaybetmistim|benim hatam|kendi hatam|(?:can sikici|zor|yorucu|berbat|kotu|"
    r"stresli|yogun|uzun) bir (?:gun|hafta|aksam|sabah|gece|mesai)\w*|(?:rough|long|bad|hard|"
    r"stressful|awful|terrible|horrible|crappy|shitty) (?:day|week|night|shift)s?|"
    r"(?:got|was|were|i was|we were|i got|we got) locked out|"
    r"perisan (?:olmustu[mk]|haldeydi[mk]))\b")
# "… because the receptionist was rude": a fear or a mishap the shop caused is a complaint.
_CAUSED = re.compile(r"\b(?:because|cause|cuz|due to|cunku|yuzunden|yuzunuzden|sebebiyle|nedeniyle|"
                     r"made (?:it|things|my \w+) (?:even |much )?worse|worse by|on top of|"
                     r"to top it|ustune|ustelik|bir de|daha da)\b")
# A title in quotes is a name, not a verdict: 'When does "Worst Date Ever" season 2 drop?'
_TITLE = re.compile(r"[\"“«](?:[A-ZÇĞİÖŞÜ][\w'’-]*[ ,:]+){1,5}[A-ZÇĞİÖŞÜ\d][\w'’-]*[\"”»]")
# A request names a job still to do: "Need a zip replaced on a leather jacket."
_REQUEST = re.compile(r"\b(?:need|needs|want|wants|would like|looking for|ihtiyac\w*|lazim|"
                      r"istiyorum|istiyoruz)\b")
# What a customer asks to change in their own plans, whatever sad reason follows ("please
# cancel, the hotel moved us"); "please correct my bill" is about the shop and stays a complaint.
_OWN_CHANGE = re.compile(r"\b(?:cancel|postpon|reschedul|freez|pause|hold (?:the|my|our)|"
                         r"move (?:my|our|the)|transfer (?:my|our)|cop(?:y|ies) of|iptal|ertele|"
                         r"dondur|aktar|kopya|ileri al|baska (?:bir )?gune|(?:i'?ll|we'?ll|i will|"
                         r"we will) (?:miss|be late|not be able)|won'?t be able to|gelemeye|"
                         r"katilamaya)\w*")
_WISH = re.compile(r"ke[şs]ke|\bwish|\bif only", re.I)  # what follows is what is missing


def _told_of_customer(folded: str) -> bool:
    """The customer's own fear or misfortune, not one the shop caused."""
    return bool((_FEARED.search(folded) or _MISFORTUNE.search(folded))
                and not _CAUSED.search(folded))


def _softened(part: str, score: float) -> float:
    """A fault said softly is still a fault: "slightly slow service", "biraz pahalı"."""
    folded = key(part)
    if score <= 0.05 and _HEDGED.search(folded) and not _EXPECTED.search(folded):
        return min(score, -0.3)
    return score


def read_signals(text: str, language: _Language, rating: int | None) -> Signals:
    text = language.reported.sub(" ", text)
    text = trouble_gone(text, language.gone, language.solved)
    if "?" in text and ('"' in text or "“" in text or "«" in text):
        text = _TITLE.sub("X", text)  # asked about by name; a cake's wording is another story
    overall = language.score(text)
    recovered = language.recovery.search(text)
    if recovered:  # read the complaint side only from the recovery on
        start = max(text.rfind(mark, 0, recovered.start()) for mark in ".!?;,") + 1 \
            or recovered.start()
        rest = text[start:]
        if start and len(rest.split()) >= 2:
            signals = read_signals(rest, language, rating)
            return replace(signals, overall=max(overall, signals.overall))
    sentences = [s for s in _SENTENCES.split(text) if s.strip()]
    sentence_scores = [language.score(s) for s in sentences] if len(sentences) > 1 else [overall]
    clauses = [c for c in language.contrast.split(text) if c and c.strip()]
    clause_scores = [_softened(c, language.score(c)) for c in clauses] if len(clauses) > 1 else []
    if clause_scores and language.praise_cues(clauses[-1]) and not _WISH.search(text):
        clause_scores[-1] = max(clause_scores[-1], 0.5)  # "… but the menemen was spot on"
    # "Great coffee, terrible wifi": the parts of a sentence can disagree with its whole.
    parts = [f for f in _FRAGMENTS.split(text) if f.strip()]
    fragments = [f for f in parts if len(f.split()) >= 2]  # "Süpersiniz, | siparişim kayboldu"
    # "Lovely staff, slightly slow service": a softened fault is still a fault.
    fragment_scores = ([_softened(f, language.score(f)) for f in fragments]
                       if len(parts) > 1 else [])
    scores = sentence_scores + clause_scores + fragment_scores
    if len(clauses) == 2 and clause_scores[-1] >= 0.4 and min(scores) < 0 and \
            _FIRST_IMPRESSION.search(key(clauses[0])) and not language.cues(clauses[1]) and all(
                _softened(f, language.score(f)) >= 0 for f in _FRAGMENTS.split(clauses[1])
                if len(f.split()) >= 2):
        # "Fiyatı ilk başta pahalı bulmuştum ama işçiliği görünce hiç pişman olmadım": what
        # the customer first thought, then a verdict that answers it. Praise.
        scores = [max(score, 0.0) for score in scores]
        overall = max(overall, clause_scores[-1])
    kept = promise_kept(text)  # "40 dk dedi, 25 dakikada geldi" (+1), or late (-1)
    # a promise beaten is no mismatch: "quoted 8 weeks, arrived in 7"
    cues = language.cues(text) or (kept <= 0 and mismatch(text)) or kept < 0
    folded = key(text)
    rhetorical = bool(_RHETORICAL.search(folded))
    thanked = language.praise_cues(text) or kept > 0
    last = sentence_scores[-1]
    if (last >= 0.3 or (clause_scores and clause_scores[-1] >= 0.3) or thanked
            or (fragment_scores and fragment_scores[-1] >= 0.3)) and \
            min(scores) < 0 and (_FEARED.search(folded) or _MISFORTUNE.search(folded)):
        # "Red wine on my dress, I thought it was ruined. Came back like new.": the fear (or
        # the mishap) is the customer's, and the story ends well; it is not the shop's fault.
        read = ((sentences if len(sentences) > 1 else [text])
                + (clauses if clause_scores else []) + (fragments if fragment_scores else []))
        scores = [max(score, 0.0) if _told_of_customer(key(part)) and not language.cues(part)
                  else score for part, score in zip(read, scores, strict=True)]
        overall = max(overall, last, clause_scores[-1] if clause_scores else last)
    worst = min(scores)
    # A fix needs a story that ends well; a mere kind act needs it to end in thanks or praise.
    resolved = language.resolved.search(text)
    helped = None if resolved else language.helped.search(text)
    kind_act = bool(resolved or helped) and not _REQUEST.search(folded)
    ends_well = last >= 0.05 or thanked
    if not resolved and (last >= 0.3 or thanked):
        resolved = helped
    if (worst < 0 or cues) and resolved and not language.cues(text[resolved.start():]) and \
            ends_well and (not clause_scores or clause_scores[-1] > 0.05):
        # "Cracked screen replaced in 40 minutes, looks brand new": the bad words are the
        # problem the staff solved, and the story ends well.
        worst, overall, cues = 0.0, max(overall, last), False
    negative_context = cues or worst <= -0.2 or (rating is not None and rating <= 2)
    sarcasm = bool(language.sarcasm(text, negative_context))
    if kind_act and len(sentences) > 1 and not sarcasm and len(clauses) == 1 and \
            language.verdict.fullmatch(key(sentences[-1]).strip(" .!…")) and \
            not language.cues(sentences[-1]) and (rating is None or rating >= 4):
        # "Card got skimmed abroad. Froze it, had the money back in 48h. Absolutely solid.":
        # staff acted, and a whole-visit verdict ends it after no "but": what came before is
        # the story. ("Waited 2 hours for a cold pizza. 10/10." has no act: that is irony.)
        worst, cues, negative_context = max(worst, 0.0), False, False
        overall = max(overall, last, 0.6)
    suggestion = language.suggestion(text) and not rhetorical
    return Signals(
        overall=overall, worst=worst, best=max(scores),
        after=clause_scores[-1] if clause_scores else None, cues=cues,
        praise_cue=not negative_context and thanked,
        sarcasm=sarcasm,
        question=_asks(text) and not rhetorical,
        asks_why=_asks_why(folded, "?" in text),
        suggestion=suggestion,
        rating=rating, kind_act=kind_act,
        staff_act=kind_act and worst >= 0 and _staff_act(text, language),
        own_change=suggestion and bool(_OWN_CHANGE.search(folded)))


# The thresholds the verdict model's features are read at, in training and in use alike; a
# company's own thresholds and a customer's rating are applied after the model has read them.
PRAISE_AT, COMPLAINT_AT = 0.35, -0.25


def rules(text: str, lang: str, rating: int | None = None, praise_at: float = PRAISE_AT,
          complaint_at: float = COMPLAINT_AT) -> Verdict:
    """What the rules alone make of a text: the verdict model's first reading of it."""
    return _read(text, lang, rating, praise_at, complaint_at)[1]


def _read(text: str, lang: str, rating: int | None, praise_at: float,
          complaint_at: float) -> tuple[Signals | None, Verdict]:
    make = _LANGUAGES.get(lang)
    if make is None:
        return None, Verdict(0.0, _by_rating(rating), ("unsupported language",))
    signals = read_signals(text, make(), rating)
    return signals, decide(signals, praise_at, complaint_at)


def model_reading(text: str, lang: str, read: tuple[Signals, Verdict] | None = None,
                  ) -> tuple[dict[str, float], Verdict]:
    """The verdict model's features of a text, and the rules' verdict among them, read as the
    model was trained (bench/train_verdict_model.py reads its examples with this): at
    PRAISE_AT and COMPLAINT_AT, without a rating. `read`: the rules' (signals, verdict) where
    they were read so already."""
    signals, plain = read or _read(text, lang, None, PRAISE_AT, COMPLAINT_AT)
    return verdict_model.features(text, lang, signals, plain.label, plain.reasons), plain


def assess(text: str, lang: str, rating: int | None = None, praise_at: float = PRAISE_AT,
           complaint_at: float = COMPLAINT_AT) -> Verdict:
    """Label one text: the rules read it, and the verdict model has the last word where it
    ships. Languages without a scorer are neutral: an admin decides."""
    signals, verdict = _read(text, lang, rating, praise_at, complaint_at)
    if signals is None or not verdict_model.available(lang):
        return verdict
    as_trained = rating is None and (praise_at, complaint_at) == (PRAISE_AT, COMPLAINT_AT)
    feats, _ = model_reading(text, lang, (signals, verdict) if as_trained else None)
    praise, complaint = verdict_model.probabilities(feats, lang)
    label = "praise" if praise >= verdict_model.threshold(lang, "praise") else \
        "complaint" if complaint >= verdict_model.threshold(lang, "complaint") else "neutral"
    if rating is not None:  # the model never saw a rating: the customer's own has its say
        if rating <= 2 or (rating == 3 and label == "praise") or \
                (rating >= 4 and verdict.label == "praise"):
            label = verdict.label
        elif rating >= 4 and label == "complaint":
            label = "neutral"  # four or five stars: not a complaint the rules did not see
    return _overruled(verdict, label, praise, complaint, praise_at, complaint_at)


# What the rules said against praise: reasons a text the model reads as praise does not keep.
_AGAINST_PRAISE = frozenset({"sarcasm", "mixed", "complaint situation", "asks why"})


def _overruled(verdict: Verdict, label: str, praise: float, complaint: float,
               praise_at: float, complaint_at: float) -> Verdict:
    """The verdict with the model's label, its score kept on the label's side of the
    thresholds. Praise the rules did not find scores at the praise threshold and carries no
    confidence, so it waits for a curator whatever the company's thresholds."""
    if label == verdict.label:
        return replace(verdict, confidence=praise if label == "praise" else None)
    if label == "praise":
        kept = tuple(r for r in verdict.reasons if r not in _AGAINST_PRAISE)
        return Verdict(praise_at, "praise", kept + ("told as a fact",))
    if label == "complaint":
        reason = "praise doubted" if verdict.label == "praise" else "told as a fact"
        return Verdict(round(min(verdict.score, complaint_at, 0.5 - complaint), 4), "complaint",
                       verdict.reasons + (reason,))
    doubted = "praise doubted" if verdict.label == "praise" else "complaint doubted"
    score = max(complaint_at + 0.01, min(verdict.score, praise_at - 0.01))
    return Verdict(round(score, 4), "neutral", verdict.reasons + (doubted,))


# Before a verb: the writer did it ("I returned it"), or nobody did ("couldn't be helped").
_NOT_STAFF = re.compile(r"(?:\b(?:i|we|i'?ve|we'?ve|i'?d|we'?d|let)\s+(?:\w+\s+){0,2}|n'?t\b.*|"
                        r"\b(?:not|never|no one|nobody|without)\b.*)$")


def _staff_act(text: str, language: _Language) -> bool:
    """Someone else than the writer put something right or helped: "yenisini getirdiler",
    "the pharmacist rang my GP" (not "I returned it", "let me show you")."""
    for pattern in language.kind_acts:
        for match in pattern.finditer(text):
            before = text[max(0, match.start() - 30):match.start()].lower()
            if not match.group().lower().startswith("let ") and not _NOT_STAFF.search(before):
                return True
    return False


def decide(s: Signals, praise_at: float, complaint_at: float) -> Verdict:
    """The rules: any sign of a complaint outweighs any amount of praise."""
    overall = max(s.overall, praise_at + 0.25) if s.praise_cue else s.overall
    best = max(s.best, overall)
    reasons: list[str] = []
    if s.sarcasm:
        reasons.append("sarcasm")
    if s.after is not None and s.after <= 0.05 and best >= 0.2:
        reasons.append("mixed")  # "lovely staff, but …" ends on something not good
    elif best >= 0.3 and s.worst <= -0.3:
        reasons.append("mixed")
    if s.cues:
        reasons.append("complaint situation")
        if best >= 0.3 and "mixed" not in reasons:
            reasons.append("mixed")  # thanks for one thing, a complaint about another
    if s.rating is not None and s.rating <= 2:
        reasons.append("low rating")
    why = tuple(reasons)

    if s.sarcasm:
        return Verdict(round(-max(abs(overall), 0.3), 4), "complaint", why)
    if s.asks_why and not s.suggestion and not s.praise_cue and overall < 0.3:
        return Verdict(round(min(overall, -0.1), 4), "complaint", why + ("asks why",))
    if s.question and not s.cues and overall > -0.2 and s.worst > -0.3:
        return Verdict(round(overall, 4), "neutral", why)  # asking, not judging
    if s.question and not s.cues and not s.sarcasm and "mixed" not in reasons and \
            not s.asks_why and s.worst > -0.6 and \
            (s.suggestion or overall > -0.45):
        # "do you fix water damaged macbooks?": the bad words are the customer's situation
        return Verdict(round(overall, 4), "neutral", why)
    if "mixed" in reasons:
        return Verdict(round(min(overall, s.worst), 4), "complaint", why)
    if s.own_change and not s.cues and not s.asks_why and s.worst > -0.6 and \
            "low rating" not in reasons:
        # "Please cancel my transfer, the hotel moved us": the bad words are the customer's
        # reason for asking, not a verdict on the shop
        return Verdict(round(overall, 4), "neutral", why + ("suggestion",))
    if overall <= complaint_at or s.worst <= -0.35 or "low rating" in reasons:
        # a low rating over warm words still scores on the complaint side
        return Verdict(round(min(overall, s.worst, complaint_at), 4), "complaint", why)
    if s.cues:  # a complaint situation is never praise, however warmly told
        label = "complaint" if overall < praise_at + 0.3 else "neutral"
        return Verdict(round(min(overall, 0.0), 4), label, why)
    if s.suggestion:
        return Verdict(round(overall, 4), "neutral", why + ("suggestion",))
    if s.staff_act and not s.question and overall > -0.05 and \
            (s.rating is None or s.rating >= 4):
        # "Ayşe Hanım yaşlı amcanın poşetlerini arabasına kadar taşıdı": a kind act told
        # plainly is praise; at the praise threshold it still waits for a curator.
        return Verdict(round(max(overall, praise_at), 4), "praise", why + ("kind act",))
    threshold = praise_at - (0.1 if s.rating is not None and s.rating >= 4 else 0.0)
    if s.rating == 3:
        threshold = max(threshold, 0.6)  # three stars is faint praise at best
    if overall >= threshold and not (s.question and overall < 0.5):
        return Verdict(round(overall, 4), "praise", why)
    return Verdict(round(overall, 4), "neutral", why)


def _by_rating(rating: int | None) -> str:
    if rating is None:
        return "neutral"
    return "praise" if rating >= 5 else "complaint" if rating <= 2 else "neutral"
