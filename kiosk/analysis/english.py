"""English scoring: NLTK's VADER with a retail lexicon, complaint cues and sarcasm markers."""

from __future__ import annotations

import os
import re
from functools import cache
from importlib.resources import files


@cache
def vader():
    """NLTK's VADER with the lexicon file the vaderSentiment package ships: no network."""
    import nltk
    import vaderSentiment.vaderSentiment as vs
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    folder = os.path.dirname(vs.__file__)
    if folder not in nltk.data.path:
        nltk.data.path.append(folder)  # nltk >= 3.9 only opens files under its data path
    sia = SentimentIntensityAnalyzer(lexicon_file="file:" + os.path.join(folder,
                                                                         "vader_lexicon.txt"))
    domain = (files("kiosk.analysis") / "data" / "en_lexicon_domain.tsv").read_text("utf-8")
    for line in domain.splitlines():
        if line.strip() and not line.startswith("#"):
            word, valence = line.split("\t")[:2]
            sia.lexicon[word.strip()] = float(valence)
    return sia


# VADER reads "no problems" as a negated negative and lands near zero or below; customers
# mean it as praise ("had no problems at all, very happy").
_NO_PROBLEM = re.compile(
    r"\b(?:no|never (?:had|have|has) (?:a|any)?|not (?:a|one|a single)|without (?:any|a)?|"
    r"zero)\s*(?:single |real |major )?(?:problems?|issues?|complaints?|hassle|fuss|trouble|"
    r"delays?|mistakes?|errors?|missing items?|damage)\b|"
    r"\bnot (?:one|a single) (?:item|thing|order)s? (?:has |have )?(?:ever )?(?:arrived |been |"
    r"come )?(?:damaged|broken|missing|wrong|late)\b|"
    r"\b(?:haven'?t|never) had a (?:single )?bad \w+(?: (?:here|there|yet))*\b", re.I)
# Praise VADER's negation rule turns upside down.
_UPSIDE_DOWN = re.compile(
    r"\b(?:couldn'?t|could not|can'?t|cannot) (?:be|have been) (?:happier|more (?:pleased|"
    r"satisfied|impressed|grateful))|\b(?:can'?t|cannot|couldn'?t) recommend (?:\w+ ){0,2}"
    r"(?:enough|highly enough)|\bcan'?t fault\b", re.I)


def score_english(text: str) -> float:
    text = _UPSIDE_DOWN.sub("extremely happy", _NO_PROBLEM.sub("flawless", text))
    return vader().polarity_scores(text)["compound"]


CONTRAST = re.compile(
    r"\b(?:but|however|although|though|except(?: for)?|apart from|aside from|other than|"
    r"if only|i wish|wish|yet|unfortunately|sadly|shame that|pity that|"
    r"only (?:problem|issue|complaint|downside|thing)|the problem is|whereas)\b", re.I)

# Situations that are complaints whatever words surround them.
COMPLAINT_CUES = re.compile(
    r"\b(?:still (?:not|no|waiting|haven'?t|hasn'?t|didn'?t)|never (?:arrived|came|received|"
    r"showed|got|again)|nobody (?:came|answered|helped|cares)|no one (?:came|answered|helped)|"
    r"refund|wrong (?:order|item|product|change)|out of stock|sold out|"
    r"(?:waited|waiting|queued|queuing|stood) (?:for )?(?:over |almost |nearly )?(?:\d+|an?|"
    r"one|two|three|forty|half an?) (?:min|minute|minutes|mins|hour|hours|hrs)|"
    r"(?:hour|hours|minutes|mins|days|weeks) late|didn'?t (?:arrive|come|turn up|show)|"
    r"not (?:fresh|working|delivered|arrived)|cancel(?:l)?ed (?:my|our|the)|"
    r"charged (?:me )?twice|double charged|worst|never (?:again|coming back)|"
    r"(?:way |far |much |a bit |bit )?too (?:loud|noisy|expensive|slow|small|crowded|busy|hot|"
    r"cold|long|salty|sweet|dry|greasy|pricey|dark|dirty|late|few|little|warm)|"
    r"(?:called|rang|phoned|emailed|messaged|tried|contacted) (?:\w+ ){0,2}(?:\d+|several|"
    r"multiple|three|four|five|six|many|so many) times|(?:ran|run|running) out of|"
    r"(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) time (?:this|in|"
    r"today|that)|(?:prices?|costs?|it) (?:went|has gone|have gone|going|keeps? going) up|"
    r"already (?:sour|off|expired|rotten|broken|melted|mouldy|moldy|open(?:ed)?)|"
    r"keeps? (?:freezing|crashing|breaking|failing|logging me out)|never any (?:staff|one)|"
    r"no (?:staff|one) (?:around|to help|at the)|didn'?t even|on (?:her|his|their) phones?|"
    r"only (?:one|1|two|2) (?:till|tills|cashier|checkout|register|person|staff)|"
    r"(?:got|received|sent) (?:the )?wrong|instead of (?:the|my)|"
    r"(?:was|were|is|are|arrived|came|running|always|again) (?:\w+ )?late|"
    r"(?:one|1|only one|a single) (?:till|checkout|cashier|register)s? (?:open|working)|"
    r"another (?:\d+|hour|day|week|half hour|\d+ minutes)s? (?:of )?(?:waiting|wait|queuing|"
    r"queueing|in (?:line|a queue)|late|on hold)|"
    r"nobody (?:has |have )?(?:answered|replied|called|responded|got back)|"
    r"cold (?:food|coffee|soup|meal|pizza|chips|fries|tea|burger)|(?:food|coffee|soup|meal|"
    r"pizza|tea) (?:was |is |arrived |came )?(?:stone )?cold|"
    # something that should work and did not, said flatly
    r"(?:hasn'?t|haven'?t|doesn'?t|don'?t|didn'?t|won'?t|isn'?t|wasn'?t|never|not) (?:even )?"
    r"(?:work|worked|working|open|opens|opened|load|loads|arrive|arrived|come|came|show|showed|"
    r"respond|responded|answer|answered|reply|replied|fit|charge|turn up|turned up)|"
    # waits and delays with a number
    r"(?:took|takes|taking|after|waited|wait|waiting|queued|stood|on hold for|late by) "
    r"(?:over |almost |nearly |about |another )?(?:\d+|an?|one|two|three|four|five|ten|"
    r"twenty|thirty|forty|fifty|ninety|half an?) ?(?:min|mins|minutes|hours?|hrs|days|weeks|"
    r"months)|"
    # paid for one thing, got another
    r"(?:charged|paid|costs?|billed)\b.{0,50}\b(?:got|received|only|but)\b|"
    r"(?:\d+|two|three|four|five) (?:items?|things?|out) (?:of|from) (?:\d+|the)|"
    r"(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) (?:time|order|week)s? (?:in a row|"
    r"running)|every (?:single )?(?:time|week|order)[^.!?]{0,30}(?:missing|late|wrong|broken|"
    r"cracked)|(?:arrived|came|was|were) (?:all )?(?:crushed|cracked|squashed|leaking|"
    r"soaked|wet|melted|open|broken|missing|damaged|expired|mouldy|moldy|pink in the middle))\b",
    re.I)

# Customers' own formulas for praise that VADER scores as neutral.
PRAISE_CUES = re.compile(
    r"\b(?:five stars|5 stars|10/10|can'?t fault|couldn'?t fault|hats off|props to|kudos|"
    r"shout ?-?out to|big thanks|thank you so much|always on time|never (?:had|have) (?:a|any) "
    r"(?:single )?(?:problem|issue)s?|no complaints|highly recommend|keep it up|"
    r"above and beyond|made my day|can'?t go wrong|(?:what more|couldn'?t) (?:could you |"
    r"can you )?(?:ask|wish) for|worth every (?:penny|lira|cent)|value for money|"
    r"money well spent|well spent|very happy|so happy|really happy|spot on|top marks|"
    r"top notch|nothing to complain about|that'?s (?:what i call )?service|"
    # kind acts told plainly: "carried the water up", "ran after me with my wallet"
    r"(?:carried|walked|ran after|brought|helped|packed|remembered|noticed|swapped|"
    r"replaced|refunded) (?:\w+ ){0,10}(?:for (?:me|us|him|her|my)|without (?:me |us )?"
    r"(?:even )?(?:asking|being asked)|all the way|to (?:my|our|the) (?:\w+ )?(?:car|door|taxi|"
    r"flat|floor))|"
    r"on the house|went out of (?:his|her|their|the) way|before i (?:even )?(?:noticed|asked)|"
    r"(?:arrived|came|was at (?:my|the) door) (?:\d+ minutes )?(?:early|ahead of time|before)|"
    r"deserves? a (?:raise|medal|promotion)|legend|absolute star|gem|"
    r"what more could (?:you|i|anyone) (?:want|ask for)|an absolute star|a (?:real )?gem)\b",
    re.I)

# Suggestions and requests are not verdicts: "it would be nice if …", "could you add …".
SUGGESTION = re.compile(
    r"\b(?:could you|can you|would you|please (?:add|consider|bring|stock|open)|"
    r"it (?:might|would|could) be (?:useful|nice|great|good|helpful|better)|would be (?:nice|"
    r"great|helpful|good|better) (?:if|to)|hope that'?s (?:ok|okay|fine|alright)|i suggest|"
    r"suggestion|is it possible|any chance|i'?d (?:love|like) to know|would love to know|"
    r"(?:do|are) you (?:plan|planning))\b", re.I)

_SARCASM_STRONG = re.compile(
    r"\b(?:thanks for nothing|yeah,? right|said no one ever|what a joke|so much for|"
    r"(?:congrats|congratulations|well done|bravo|kudos|thanks) (?:on|for) (?:charging|losing|"
    r"cancel\w*|forgetting|ruining|breaking|making me|overcharging|ignoring)|"
    r"(?:amazing|impressive|incredible|love|funny) how (?:you|they|your|the) (?:\w+ ){0,3}"
    r"(?:manage|always|never|every|still|keep)|real talent|totally not a scam|"
    r"love that for me|if you (?:enjoy|like|love) (?:\w+ ){0,2}(?:dishwater|cardboard|waiting|"
    r"rubber|plastic|cold)|nothing says .{1,40} like|is it too much to ask|apparently (?:yes|not)|"
    r"\d+/10 for (?:creativity|effort)|what an? (?:great|brilliant|genius|fantastic) idea to|"
    r"only \d+ (?:minutes|mins|hours|days) late|oh (?:good|great|joy|wonderful|lovely|nice)|"
    r"\d+/10 would|michelin[- ]star (?:service|experience)|(?:a )?(?:truly|real|true) "
    r"(?:premium|vip|five[- ]star) experience|keeps (?:me|life|things) (?:on my toes|"
    r"interesting|mysterious|exciting)|(?:minimalism|efficiency|customer service) at its finest|"
    r"more of a vibe|who knew|who needs|well played|asking for a friend|ah yes|"
    r"so glad i paid|complimentary (?:ant|hair|bug|insect|fly)|extra protein|close enough|"
    r"what a coincidence|(?:never|ever) been so exciting|but sure|sure,? why not|"
    r"(?:love|loving|enjoy|adore|nothing beats) (?:waiting|queuing|queueing|standing in (?:line|"
    r"a queue)|being (?:ignored|overcharged|kept waiting)|paying (?:extra|more|double))|"
    r"love spending (?:my|the|an?) \w+(?: \w+)? (?:in (?:a|the) (?:queue|line)|waiting|"
    r"queuing|queueing)|"
    r"thanks a lot,? \w+|good job,? \w+ (?:again|another))\b|(?:^|\s)/s\b", re.I)
_SARCASM_PRAISE_OPENER = re.compile(
    r"(?:^|[.!?]\s+)(?:oh,? )?(?:great|perfect|fantastic|wonderful|brilliant|amazing|lovely|"
    r"awesome|super|excellent|nice one|well done|bravo|love it|love that|cheers)[.!,]+(?:\s|$)",
    re.I)
_SARCASM_PHRASES = re.compile(
    r"\b(?:just (?:perfect|great|brilliant|wonderful|fantastic|what i needed|lovely)|"
    r"(?:love|loving|enjoy|enjoyed|adore) (?:spending|waiting|standing|queuing|queueing|paying|"
    r"being (?:ignored|overcharged|kept waiting))|nothing (?:like|beats) (?:waiting|a \d+)|"
    r"love how|gotta love|got to love|five stars for (?:creativity|effort|trying)|"
    r"(?:genius|brilliant|great|stellar|top) (?:staffing|planning|logic|idea|system)|"
    r"another (?:\d+|hour|day|week|half hour)|as always|as usual|what a (?:surprise|shock)|"
    r"(?:top|great|amazing|fantastic|stellar) (?:planning|service|job)(?:,| again| as)? "
    r"(?:again|as always|as usual|guys|team|folks)?[.!]*\s*(?:👏|🙄|😒|🤡)?\s*$)", re.I)
_SCARE_QUOTES = re.compile(
    r"[\"“'‘](?:fresh|arriving[^\"”']{0,20}|on time|quick|fast|express|friendly|helpful|"
    r"service|customer service|\w+ in \d+ minutes)[\"”'’]", re.I)
_EYE_ROLL = re.compile("[🙄😒🤡🙃]")
_CLAP_OR_LAUGH = re.compile("[👏😂🤣]")
# Quotation marks around a short phrase: the customer quoting a promise back ("'fresh'").
_QUOTED = re.compile(r"(?:^|\s)['\"“‘][^'\"”’\n]{2,30}['\"”’](?=[\s.,!?;:]|$)")
# "Top-notch hygiene: the guy wiped his nose" — a verdict, a colon, then the facts.
_VERDICT_COLON = re.compile(r"^\s*((?:[\w'-]+\s+){0,5}[\w'-]+)\s*:\s+(.+)$", re.S)
# A praise word left standing alone at the end, after the facts: "… at rush hour. Genius."
_CLOSING_PRAISE = re.compile(
    r"[.!?]\s+(?:genius|impressive|classic|fantastic|brilliant|bravo|great|perfect|lovely|"
    r"amazing|wonderful|superb|stellar|nice)[.!]*\s*(?:👏|🙄)*\s*$", re.I)


def _verdict_then_facts(text: str) -> bool:
    """A glowing verdict before a colon and nothing good after it."""
    match = _VERDICT_COLON.match(text)
    return bool(match) and score_english(match.group(1)) >= 0.3 and \
        score_english(match.group(2)) <= 0.05


def sarcasm_markers(text: str, negative_context: bool) -> bool:
    """Praise words used to complain. Weak markers count only beside a negative situation."""
    if _SARCASM_STRONG.search(text) or _SCARE_QUOTES.search(text):
        return True
    weak = (bool(_SARCASM_PRAISE_OPENER.search(text)) + len(_SARCASM_PHRASES.findall(text))
            + bool(_EYE_ROLL.search(text)) + bool(_CLOSING_PRAISE.search(text))
            + bool(_QUOTED.search(text)) + bool(_CLAP_OR_LAUGH.search(text))
            + _verdict_then_facts(text))
    return weak >= 2 or (weak >= 1 and negative_context)
