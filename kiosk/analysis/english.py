"""English scoring: NLTK's VADER with a retail lexicon, emoji, and the rewrites of idioms it
reads the wrong way round. The situations the rules read are in english_cues, the sarcasm
markers in english_sarcasm."""

from __future__ import annotations

import os
import re
import string
from functools import cache
from importlib.resources import files


def _strip_punctuation(token: str, words: set[str], punctuation: list[str]) -> str:
    """SentiText's "cat," → "cat", answered per token instead of from a table of every word
    times every punctuation mark (which NLTK rebuilds for each text: half of VADER's time)."""
    if token[0].isalnum() and token[-1].isalnum():
        return token  # most tokens: no mark at either end
    for mark in punctuation:  # a mark after the word wins, as in NLTK's dict.update()
        if token.endswith(mark) and token[:-len(mark)] in words:
            return token[:-len(mark)]
    for mark in punctuation:
        if token.startswith(mark) and token[len(mark):] in words:
            return token[len(mark):]
    return token


# NLTK's REGEX_REMOVE_PUNCTUATION, the same class of marks, deleted by str.translate: NLTK
# runs its pattern under a ReDoS time limit, which cost a fiftieth of the pipeline's time.
_NO_PUNCTUATION = str.maketrans("", "", string.punctuation)


def _fast_words_and_emoticons(self) -> list[str]:
    words = {w for w in self.text.translate(_NO_PUNCTUATION).split() if len(w) > 1}
    return [_strip_punctuation(token, words, self.PUNC_LIST)
            for token in self.text.split() if len(token) > 1]


@cache
def vader():
    """NLTK's VADER with the lexicon file the vaderSentiment package ships: no network."""
    import nltk
    import nltk.sentiment.vader as nltk_vader
    import vaderSentiment.vaderSentiment as vs
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    # Same tokens, linear time (tests/analysis/test_english.py compares with NLTK's own).
    nltk_vader.SentiText._words_and_emoticons = _fast_words_and_emoticons

    folder = os.path.dirname(vs.__file__)
    if folder not in nltk.data.path:
        nltk.data.path.append(folder)  # nltk >= 3.9 only opens files under its data path
    sia = SentimentIntensityAnalyzer(lexicon_file="file:" + os.path.join(folder,
                                                                         "vader_lexicon.txt"))
    domain = (files("kiosk.analysis") / "data" / "en_lexicon_domain.tsv").read_text("utf-8")
    for line in domain.splitlines():
        if line.strip() and not line.startswith("#"):
            word, valence = line.split("\t")[:2]
            word = word.strip()
            sia.lexicon[_EMOJI_WORDS.setdefault(word, _emoji_word(word)) if _is_emoji(word)
                        else word] = float(valence)
    return sia


# VADER drops one-character tokens, so an emoji is scored under a word of its own.
_EMOJI_WORDS: dict[str, str] = {}


def _is_emoji(word: str) -> bool:
    return all(ord(ch) >= 0x2190 for ch in word)


def _emoji_word(emoji: str) -> str:
    return "emoji" + "".join(f"{ord(ch):x}" for ch in emoji)


@cache
def _emoji_pattern() -> re.Pattern:
    vader()
    return re.compile("|".join(re.escape(e) for e in sorted(_EMOJI_WORDS, key=len, reverse=True)))


# "Is there anything here that isn't delicious?": praise, and a question that answers itself
# (sentiment._RHETORICAL); one pattern for both.
ANYTHING_NOT_GOOD = (r"\bis there anything (?:\w+ ){0,5}(?:that )?(?:isn'?t|is not) (?:good|"
                     r"delicious|great|tasty|lovely|perfect|amazing)\b")

# "Not too sweet, not too loud": balance, said of what can be overdone.
_BALANCED = (r"(?:sweet|salty|spicy|sugary|heavy|greasy|oily|rich|strong|bitter|sour|loud|noisy|"
             r"busy|crowded|pricey|expensive|dense|dry|quiet|soft|firm)")
# VADER reads "no problems" as a negated negative and lands near zero or below; customers
# mean it as praise ("had no problems at all, very happy").
_NO_PROBLEM = re.compile(
    r"\bnever (?:disappoints?|fails? to (?:impress|deliver)|lets? (?:me|us) down)\b|"
    r"\bnever (?:once )?(?:\w+ ){0,3}(?:unhappy|disappointed|dissatisfied|let down|lost|rushed|"
    r"judged|pressured|ignored|stupid)\b|\b(?:can'?t|cannot|don'?t) remember (?:a single|one|any) "
    r"(?:\w+ ){1,2}(?:going wrong|being late|that went wrong|with a problem|arriving late)\b|"
    r"\bcould(?:'ve| have) been (?:\w+ )?(?:nasty|bad|worse|a disaster|dangerous|serious|awful)\b|"
    r"\bticked off (?:the|my) list\b|\b(?:zero|no) regrets\b|\bfor not giving up\b|"
    r"\b(?:nobody|no one|no-one) (?:rushed|pressured|hurried|judged) (?:us|me)\b|"
    r"\bno other \w+ (?:has|have|had) "
    r"ever (?:done|did) (?:that|this)\b|\b(?:could(?:n'?t| not)|can'?t|cannot) (?:have )?"
    r"ask(?:ed)? for (?:a )?(?:better|more|nicer|kinder|smoother)\b|\bno hidden (?:fees|"
    r"charges|costs|extras)\b|\bno upsell(?:ing)?\b|"
    r"\bstopped (?:\w+ing )?(?:\w+ ){0,3}(?:pain|aches?|"
    r"headaches?|hurting)\b|"
    r"\b(?:no|never (?:had|have|has) (?:a|an|any)?|not (?:a|one|a single)|without (?:any|a)?|"
    r"zero)\s*(?:(?<=\s)(?!th[eo]se |such |the |that |this |fewer |less |minor |further |"
    r"wonder |more than )[a-z]+ )?(?:problems?|issues?|"
    r"complaints?|hassle|fuss|trouble|irritation|arguing|arguments?|haggling|confusion|"
    r"side effects?|delays?|mistakes?|errors?|missing items?|damage|jargon|rush|judge?ment|"
    r"drama|stress|pain|"
    r"worr(?:y|ies)|wait(?:ing)?|queues?|surprises?|dropouts?|dropped calls?|outages?|buffering|"
    r"chasing|questions asked|"
    r"disconnections?|interruptions?|transfers?|hold music|(?:hidden |surprise |extra )?(?:fees?|"
    r"charges?|costs?)|mess|pressure|upsell|hard sell|nonsense|attitude|hiccups?|headaches?|"
    r"scratch(?:es)?|dents?|glitch(?:es)?|bugs?|paperwork|forms to fill)\b|"
    r"\bnot once did (?:i|we) (?:have to )?(?:worry|wait|chase|complain)|"
    r"\bdidn'?t (?:have|need) to (?:wait|queue|chase|argue|ask twice|push|call back)\b|"
    r"\bnothing (?:at all )?to (?:complain|moan|grumble) about\b|"
    r"\bnothing (?:was|is|seemed) too much (?:trouble|bother|effort)\b|"
    + ANYTHING_NOT_GOOD + "|"
    r"\bnever (?:once )?(?:rush(?:es|ed)?|hurr(?:ies|ied)|pressur(?:es|ed)) (?:you|me|us|anyone)\b|"
    r"\bnever (?:once )?(?:felt|made (?:me|us) feel) like (?:just )?(?:a|another) (?:case )?"
    r"(?:number|statistic|nuisance|burden)\b|"
    r"\bnot (?:too|overly) " + _BALANCED + r"\b(?:,? (?:and |but |or )?not (?:too|overly) "
    + _BALANCED + r"\b)?|"
    r"\bnever (?:once )?had (?:the|my|an?|any|their|a single) (?:\w+ ){1,2}(?:go missing|"
    r"go wrong|arrive (?:late|damaged|broken|cold)|crash|fail|freeze|break|"
    r"die|go down|drop|cut out|lag|buffer|glitch|stop)\b(?! (?:\w+ ){0,3}(?:until|till|before|"
    r"with (?:my|our|the) (?:old|previous|last|other)))|"
    r"\bwouldn'?t hesitate to recommend\b|"
    r"\bsad (?:that )?(?:the \w+|it)(?:'s| is| "
    r"was) (?:over|ending|ended|finished)\b|\bsad to (?:be leaving|leave|say goodbye)\b|"
    r"\bdidn'?t get (?:upsold|ripped off|overcharged|a (?:surprise|hidden) \w+)\b|"
    r"\b(?:doesn'?t|don'?t|didn'?t|never) treat(?:s|ed)? (?:you|me|us|customers|people) like "
    r"(?:a |an )?(?:criminal|idiot|number|suspect|thief|liar|nuisance|child)s?\b|"
    r"\bnever once (?:raised|"
    r"lost|complained|rushed|sighed|snapped)\b|"
    r"\bnot (?:one|a single) (?:item|thing|order|delivery|dish|meal)s? (?:has |have )?(?:ever )?"
    r"(?:arrived |been |come |came |went |gone |was |were )?(?:damaged|broken|missing|wrong|late|"
    r"cold)\b|"
    r"\bnothing (?:has |ever |have )*(?:went|gone|goes) wrong\b|\bnot a (?:penny|cent|lira) in\b|"
    r"\bno (?:setup|set-up|contract|deposit|paperwork|appointment|fuss) (?:needed|required|"
    r"necessary)\b|\b(?:hasn'?t|has not|haven'?t|have not) let (?:me|us) down\b|"
    r"\bnever (?:once )?had to (?:chase|wait|call|ask|complain|remind|follow up|queue|push|"
    r"return)\b|\bzero (?:broken|breakages?|damaged?|cracks?|scratches)\b|"
    r"\b(?:didn'?t|did not|haven'?t|have not|hasn'?t|never) (?:have|had|get|got|run into|ran into|"
    r"face|faced|experience|experienced) (?:a single|one|any|a) (?:single )?(?:problem|issue|"
    r"hiccup|glitch|complaint)s?\b(?! (?:resolved|fixed|sorted|solved|answered|addressed|dealt))|"
    r"\bno (?:soggy|burnt|stale|late|wrong|missing|broken|damaged|rude|squashed|spilled|pushy|"
    r"cancell?ed|hidden|surprise|"
    r"leaking) [a-z]+\b|\bno cold (?:food|chips|fries|pizzas?|soup|meals?|deliver(?:y|ies)|"
    r"burgers?|coffee|kebabs?)\b|"
    r"\bnever (?:keeps?|kept|leaves|left) (?:us|me|you|anyone|customers|people) waiting\b|"
    r"\b(?:haven'?t|never) had an? (?:single )?(?:bad|stale|cold|rude|late|wrong|broken|burnt|"
    r"dropped|missed|failed|lost|"
    r"soggy|dry|poor|disappointing|mediocre|damaged) \w+(?: (?:here|there|yet))*\b", re.I)
# Praise VADER's negation rule turns upside down.
# Slang and frames VADER reads the wrong way round: "smashed it", "no one else could",
# "never had such a hassle-free return", "I'd like a copy" (a request, not a liking).
_SLANG = re.compile(r"\b(?:smashed|killed|crushed|aced|nailed|rocked) it\b|\bsick (?=(?:app|deal|"
                    r"place|food|service|course|car|phone|price|view|vibe|job|set ?up)\b)|"
                    r"\b(?:no ?one|nobody) else (?:could|"
                    r"can|would|managed|has)\b|\bnever (?:had|seen|met|experienced|known) (?:such|"
                    r"so|a more)\b", re.I)
_ANYTHING_BUT = re.compile(r"\banything but\b", re.I)  # "anything but friendly"
_HAPPY_TEARS = re.compile(r"\b(?:cried|wept|crying|teared up|in tears)\b(?=[^.!?]{0,40}\((?:good|"
                          r"happy) tears\))|\((?:good|happy) tears\)|\bhappy tears\b|"
                          r"\btears of joy\b", re.I)
_REQUEST_LIKE = re.compile(r"\b(?:i'?d|i would|we'?d|we would) like\b", re.I)


# What stands between "can't recommend" and "enough": an object, not a reason ("… them they
# never have enough stock", "… it because not enough parking").
ENOUGH_OBJECT = r"(?:(?!(?:they|there|because|not|never|no|as|since|so|but|and)\b)\w+ ){0,4}"
_UPSIDE_DOWN = re.compile(
    r"\b(?:couldn'?t|could not|can'?t|cannot) (?:be|have been|have gone|get) (?:any )?(?:better|"
    r"smoother|easier|nicer|friendlier)\b|"
    r"\b(?:couldn'?t|could not|can'?t|cannot) (?:be|have been) (?:happier|more (?:pleased|"
    r"satisfied|impressed|grateful))|\b(?:can'?t|cannot|couldn'?t) recommend "
    + ENOUGH_OBJECT + r"(?:enough|highly enough)|\bcan'?t fault\b|"
    r"\b(?:can'?t|cannot|couldn'?t) say enough (?:good|nice|great|positive|kind) things\b|"
    r"\b(?:can'?t|cannot|couldn'?t) thank (?:\w+[.']? ){0,3}enough\b|"
    r"\b(?:don'?t|do not) think (?:you|anyone|one) (?:can|could|will) go wrong\b|"
    r"\b(?:can'?t|cannot|couldn'?t|could not) find (?:a single thing|anything|one thing|a thing|"
    r"a single fault|any fault) to (?:complain about|criticise|criticize)\b", re.I)
# Certainty VADER reads as a negation of what follows: "without a doubt the worst" (the "a" is
# dropped, and "without" then negates "worst").
_DOUBTLESS = re.compile(r"\b(?:without|beyond) (?:a|any) (?:shadow of (?:a )?)?doubt\b|"
                        r"\bno doubt\b", re.I)


# Honesty VADER reads as a refusal or a charge: "refused a tip", "could have charged me for a
# new part". english_cues counts the same acts as praise.
HONEST_ACTS = (r"(?:didn'?t|did not|wouldn'?t|refused to) (?:even )?charge (?:(?:me|us) "
               r"(?:anything|a thing|a penny)|(?:me |us )?(?:for (?:it|that|the (?:call-?out|"
               r"visit|labour|parts))|(?:a|an|the|any) (?:call-?out|fee|penny|cent|extra)\w*|"
               r"(?:anything|a thing|a penny) (?:for|extra)))|refused (?:a|any|my|the) tip|"
               r"refused to take (?:a |any |my |the )?(?:tip|money|"
               r"payment)\b(?! back)|could(?:'ve| have) (?:easily )?(?:charged|sold|billed|upsold) "
               r"(?:me|us)")
# Praise VADER reads as doubt or pain: "can't believe how friendly", "didn't feel a thing",
# "should've switched years ago".
_GLAD = re.compile(
    rf"\b(?:{HONEST_ACTS})\b|"
    r"\b(?:can'?t|cannot|couldn'?t) believe how|\bdidn'?t (?:feel|notice) a thing|"
    r"\b(?:barely|hardly) (?:felt|noticed) (?:it|a thing)|"
    r"\bshould(?:'ve| have) (?:bought|come|switched|done|found|joined|gone) (?:\w+ ){0,3}"
    r"(?:years|ages|sooner|earlier|long) ago|\bshould(?:'ve| have) (?:\w+ ){1,3}(?:sooner|earlier)",
    re.I)
# "my lost wallet", "my broken Turkish", "I'm not very good with apps": the customer's own
# trouble, not the shop's fault.
_OWN_MISHAP = re.compile(r"\bmy (?:lost|broken|forgotten|dropped) |\bi lost my (?=job|wallet|phone|"
                         r"card|keys|husband|wife|mother|father|mum|mom|dad)|"
                         r"\bi'?m not (?:very |that |too |so )?(?:good|great) (?=with|at)|"
                         # the customer's own temper: "and trust me, I complain a lot"
                         r"\bi (?:usually |normally )?(?:complain|moan|grumble) (?:a lot|about "
                         r"everything)(?=\W*$)", re.I)
# "She diagnosed a fault": the staff found it, nobody complains (not "I found a leak").
_DIAGNOSED = re.compile(r"\b(he|she|they|x|the (?:mechanic|technician|engineer|team|garage|vet|"
                        r"doctor|plumber|electrician)) (?:found|diagnosed|spotted|traced) (?:a|the|"
                        r"an) (?:\w+ )?(?:fault|problem|issue|leak)\b", re.I)
# "a fault three other garages missed": others failed, not this shop.
_OTHERS_FAILED = re.compile(r"\b(?:\w+ )?other (?:garages?|mechanics?|shops?|doctors?|places|vets?|"
                            r"dealers?|services?|companies|clinics?|hospitals?|labs?|pharmacies|"
                            r"plumbers?|electricians?|couriers?) (?:had |have )?(?:missed|"
                            r"couldn'?t (?:find|fix|solve)|failed to \w+|gave up on)|"
                            r"\b(?:a |the )?mess "
                            r"(?:another|someone else|the (?:last|previous|other)) (?:\w+ )?"
                            r"(?:had )?(?:made|left)", re.I)
# "tasted like dishwater": VADER reads "like" as praise; the comparison is the verdict.
_LIKENED = re.compile(r"\b(tasted|tastes|smelled|smells|smelt|looked|looks|felt|feels) like\b",
                      re.I)

# Said to insist, not to deny: "the croissants rival Paris, no joke", "not gonna lie, I loved it".
_INSISTING = (r"\b(?:no (?:joke|jokes|lie|lies|kidding|question about it|doubt about it)|"
              r"not (?:gonna|going to) lie|"
              r"(?:i'?m |i am )?not (?:even )?(?:joking|kidding)|i kid you not)\b")
_INSISTED = re.compile(rf"(?:^|(?<=[,.!;:]))\s*{_INSISTING},?|"
                       rf",?\s*{_INSISTING}(?=\s*(?:[,.!;:]|$))", re.I)

# "dead easy" is very easy; "I hate writing reviews, but …" is the writer's habit, no verdict.
_DEAD = re.compile(r"(?<!\bwent )(?<!\bgoes )(?<!\bgo )(?<!\bgone )(?<!\bgoing )"
                   r"\bdead (?=(?:easy|simple|good|quick|handy|friendly|helpful|nice|comfy|"
                   r"comfortable|cheap|straightforward|reliable|chuffed|happy|pleased)\b)", re.I)
_HABIT = re.compile(r"\b(?:i (?:hate|never|rarely|seldom|(?:don'?t|do not) (?:usually|normally|"
                    r"often|really|ever|like to))|it'?s not (?:often|every day) (?:that )?i|"
                    r"it'?s not like me to) (?:write|writing|leave|leaving|post|posting|do|doing|"
                    r"give|giving) "
                    r"(?:online |a )?reviews?\b", re.I)

# Idioms whose words VADER reads the wrong way round: "worth the early alarm", "the kids
# went crazy for it".
_WORTH_IT = re.compile(r"\bworth (?:the|every) (?:[\w'-]+ ){0,2}[\w'-]+", re.I)
_CRAZY_FOR = re.compile(r"\b(?:go|goes|went|going|gone) (?:crazy|mad|nuts|wild) (?:for|over)\b",
                        re.I)


# A word every rewrite above needs: a quick test before running them all with re.I.
_REWRITTEN_WORDS = re.compile(
    r"\b(?:no|never|not|nobody|zero|without|haven'?t|can'?t|cannot|couldn'?t|could|don'?t|stopped|"
    r"doesn'?t|hasn'?t|nothing|complain|had|anything|wouldn'?t|sad|"
    r"refused|"
    r"ticked|worth|go|goes|went|going|gone|didn'?t|barely|hardly|should|my|tasted|tastes|"
    r"smelled|smells|smelt|looked|looks|felt|feels|should'?ve)\b")


def _own_mishap(match: re.Match) -> str:
    """The customer's own trouble, in neutral words."""
    found = match.group().lower()
    if found.startswith("my"):
        return "my "
    if found.startswith("i lost"):
        return "i had my "
    return "i am new " if found.startswith(("i'm", "i am")) else "i am picky"


def _slang(match: re.Match) -> str:
    found = match.group().lower()
    return "had a truly" if found.startswith("never") else "uniquely could" \
        if "else" in found else "great " if found.startswith("sick") else "excelled"


_NONE_AS = re.compile(r"\bnone (?:of them )?(?:were|was|is|are|has been|have been) (?:as|so) "
                      r"([a-z-]+) as (?:this one|this|these|here|you|yours)\b"
                      r"(?! (?:\w+ )?(?:promised|promise|said|say|claimed|claim|advertised|"
                      r"advertise|described|look|looked|showed|show|made it sound))", re.I)


# "None of the rooms was clean": VADER's negation reaches three words back, not to "none".
# Told as "the rooms was not clean", which it reads. "None were as … as this" is _NONE_AS's.
_NONE_OF = re.compile(r"\bnone of (?:the |these |those |them |my |our |your |its |their |his |"
                      r"her )?((?:[\w'-]+ ){0,3}?)(were|was|is|are|has been|have been|had been)"
                      r"\b(?! (?:as|so|anything|less|other|more|any)\b)", re.I)
# "Cons: none": a review's list of faults, left empty.
_NO_CONS = re.compile(r"\bcons?\s*[:-]\s*(?:none(?! of)|nothing|n/a|zero|nil)\b", re.I)


def _none_of(match: re.Match) -> str:
    """Only where the words between carry no feeling of their own: "none of the free extras
    were included" must keep its "none" on "free"; nor a clause ("none of the staff who …")."""
    between = match.group(1).lower().split()
    if any(vader().lexicon.get(w) or w in ("who", "that", "which") for w in between):
        return match.group()
    return match.group(1) + match.group(2) + " not"


def _none_as(match: re.Match) -> str:
    valence = vader().lexicon.get(match.group(1).lower(), 0.0)
    return "flawless" if valence > 0 else "awful" if valence < 0 else match.group()


def score_english(text: str) -> float:
    emoji = _emoji_pattern()
    if emoji.search(text):
        text = emoji.sub(lambda m: f" {_EMOJI_WORDS[m.group()]} ", text)
    if _REWRITTEN_WORDS.search(text.lower()):  # most texts need none of the rewrites
        text = _UPSIDE_DOWN.sub("extremely happy", _NO_PROBLEM.sub("flawless", text))
        text = _CRAZY_FOR.sub("loved", _WORTH_IT.sub("worth it", text))
        text = _GLAD.sub(lambda m: "very" if m.group().lower().endswith("how") else "wonderfully",
                         text)  # "can't believe how rude" stays rude
        text = _OWN_MISHAP.sub(_own_mishap, _LIKENED.sub(r"\1", text))
        text = _INSISTED.sub("", text)
    low = text.lower()
    if "other" in low or "mess" in low:
        text = _OTHERS_FAILED.sub("", text)
    if "found" in low or "diagnosed" in low or "spotted" in low or "traced" in low:
        text = _DIAGNOSED.sub(r"\1 found the cause", text)
    if _SLANG.search(low):
        text = _SLANG.sub(_slang, text)
    if "none" in low:  # "None were as painless as this": this one was the most painless
        text = _NONE_AS.sub(_none_as, text)
        text = _NONE_OF.sub(_none_of, text)
    if "cons" in low:  # "Cons: none", "Cons: nothing", "Cons: n/a"
        text = _NO_CONS.sub("flawless", text)
    if "tears" in low:  # "my son cried when it ended (good tears)", "happy tears"
        text = _HAPPY_TEARS.sub("moved", text)
    if "dead" in low:
        text = _DEAD.sub("very ", text)
    if "review" in low:
        text = _HABIT.sub("", text)
    if "doubt" in low:
        text = _DOUBTLESS.sub("certainly", text)
    if "anything but" in low:
        text = _ANYTHING_BUT.sub("not at all", text)
    if "like" in low:
        text = _REQUEST_LIKE.sub("i request", text)
    return vader().polarity_scores(text)["compound"]
