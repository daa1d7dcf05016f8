"""English sarcasm: praise words used to complain ("Great, another hour on hold 🙄").

Strong markers settle it alone; weak ones (a praise word framing the text, eye-rolls, a
dramatic pause, scare quotes, applause) count in pairs, or one beside a negative situation.
"""

from __future__ import annotations

import re

from kiosk.analysis import irony
from kiosk.analysis.english import score_english

_SARCASM_STRONG = re.compile(
    r"\b(?:thanks for nothing|yeah,? right|said no one ever|what a joke|so much for|"
    r"worth the wait,? i'?m sure|,\s?if your idea of (?:\w+ ){0,3}is|"
    r"(?:congrats|congratulations|well done)\b[^.!?]{0,25}\byou'?ve "
    r"(?:managed|succeeded) to|"
    r"(?:congrats|congratulations|well done|bravo|kudos|thanks|thank you|really appreciated?) "
    r"(?:to \w+(?: \w+){0,3} )?(?:on|for) (?:charging|losing|cancel\w*(?! (?:the |my |our )?"
    r"(?:\w+ )?(?:fee|charge|fine|penalty))|forgetting|ruining|breaking|making me|overcharging|"
    r"ignoring|(?:raising|increasing|doubling|hiking) (?:my|the|our) (?:\w+ )?(?:price|premium|"
    r"bill|fee|rent|tariff|fare)s?|the (?:\w+ )?(?:alarm going off|power cuts?|outages?|leak|"
    r"price rise)\b(?! (?:notice|update|warning|alert|info|message|text|e-?mail|heads))|"
    r"(?<=congrats on )the (?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) )|"
    r"(?:amazing|impressive|incredible|love|funny) how (?:you|they|your|the) (?:\w+ ){0,3}"
    r"(?:manage|always|never|every|still|keep)|real talent|totally not a scam|"
    r"love that for me|just kidding|\bjk\b|my (?:arse|ass|foot)\b|\(?(?:again,? )?sarcasm\)?|"
    r"if you'?re (?:trying|"
    r"looking|planning) to "
    r"(?:feed|poison|lose|waste|ruin)|if you (?:enjoy|like|love|want) (?:being|to be) "
    r"(?:treated like|ignored|overcharged|rushed|yelled at|kept waiting|lied to)|"
    r"if you (?:enjoy|like|love) (?:\w+ ){0,4}(?:the )?(?:smell|stench|taste) of (?:glue|paint|"
    r"smoke|damp|mou?ld|bleach|sewage|burnt|burning|gas|chemicals|plastic|sweat)|"
    r"if you (?:enjoy|like|love) (?:\w+ ){0,2}(?:dishwater|cardboard|waiting|"
    r"rubber|plastic|cold)|nothing says .{1,40} like|is it too much to ask|apparently (?:yes|not)|"
    r"\d+/10 for (?:creativity|effort)|what an? (?:great|brilliant|genius|fantastic) idea to|"
    r"only \d+ (?:minutes|mins|hours|days) late|only took (?:\d+|two|three|four|five|six) "
    r"(?:phone )?(?:calls|e-?mails|attempts|tries|complaints)\b|teaching (?:me|us) "
    r"(?:patience|to be patient)|oh (?:good|great|"
    r"joy|wonderful|lovely|nice)|"
    r"(?<!\d)[0-4]/10 would|\d+/10 would [^.!?]{0,40}\b(?:\d+|an?) (?:min|mins|minutes|"
    r"hours?)\b|michelin[- ]star (?:service|experience)|(?:a )?(?:truly|real|true) "
    r"(?:premium|vip|five[- ]star) experience|keeps (?:me|life|things) (?:on my toes|"
    r"interesting|mysterious|exciting)|(?:minimalism|efficiency|customer service) at its finest|"
    r"more of a vibe|who knew(?! (?:\w+ ){0,5}could\b)|who needs|well played|"
    r"asking for a friend|ah yes|"
    r"so glad (?:i|we) (?:paid|pay)\b|must be nice to|complimentary (?:ant|hair|bug|insect|fly)|"
    r"extra protein|close enough|"
    r"what a coincidence|(?:never|ever) been so exciting|but sure|sure,? why not|"
    r"(?:love|loving|enjoy|adore|nothing beats) (?:waiting|queuing|queueing|standing in (?:line|"
    r"a queue)|being (?:ignored|overcharged|kept waiting)|paying (?:extra|more|double|premium|"
    r"full price|top dollar))|"
    r"love spending (?:my|the|an?) \w+(?: \w+)? (?:in (?:a|the) (?:queue|line)|waiting|"
    r"queuing|queueing)|"
    r"thanks a lot,? \w+|good job,? \w+ (?:again|another))\b|(?:^|\s)/s\b")
_SARCASM_PRAISE_OPENER = re.compile(
    r"(?:^|[.!?]\s+)(?:oh,? |yeah,? )?(?:great|perfect|wow|totally|fantastic|wonderful|"
    r"brilliant|amazing|lovely|"
    r"awesome|super|excellent|nice one|well done|bravo|love it|love that|cheers|sure|"
    r"(?:nice|good|glad|great) to know|"
    r"(?:great|good|nice) job(?:,? (?:guys|team|folks|everyone|all))?)[.!,]+(?:\s|$)",
    re.I)
_SARCASM_PHRASES = re.compile(
    r"\b(?:just (?:perfect|great|brilliant|wonderful|fantastic|what i needed|lovely)|"
    r"cool,? cool,? cool|"
    r"exactly what (?:you|i|we|one) (?:want|need)(?:ed)? (?:after|when|on)|totally (?:fair|"
    r"worth it|normal|reasonable|acceptable)|(?:nice|good|glad|great|lovely) to (?:know|see|hear) "
    r"(?:that )?(?:my|the|you|your)|totally (?:fair|"
    r"worth it|normal|reasonable|acceptable)|"
    r"(?:love|loving|enjoy|enjoyed|adore) (?:spending|waiting|standing|queuing|queueing|paying|"
    r"being (?:ignored|overcharged|kept waiting))|nothing (?:like|beats) (?:waiting|a \d+)|"
    r"if your idea of (?:\w+ ){0,3}is|teaching my \w+ (?:patience|to be patient)|"
    r"(?:a\+|full marks|gold star) for (?:consistency|creativity|originality|persistence)|"
    r"bold strategy|new personal best|(?:^|[.!?] )(?:great|brilliant|genius) idea to|"
    r"such an? (?:treat|joy|delight|pleasure) to (?:sit|wait|stand|queue|freeze|be (?:kept|left|"
    r"ignored))|love how|love it when|gotta love|"
    r"such an? (?:joy|treat|delight|pleasure) to be told|"
    r"got to love|"
    r"five stars for (?:creativity|effort|trying|"
    r"the hold music|the wait|the queue|patience)|"
    r"(?:genius|brilliant|great|stellar|top) (?:staffing|planning|logic|idea|system)|"
    r"another (?:\d+|hour|day|week|half hour)|as always|as usual|what a (?:surprise|shock)|"
    r"(?:top|great|amazing|fantastic|stellar) (?:planning|service|job)(?:,| again| as)? "
    r"(?:again|as always|as usual|guys|team|folks)?[.!]*\s*(?:👏|🙄|😒|🤡)?\s*$)")
_SCARE_QUOTES = re.compile(
    r"[\"“'‘](?:fresh|arriving[^\"”']{0,20}|on time|quick|fast|express|friendly|helpful|"
    r"unlimited|free|included|no fee|no fees|instant|guaranteed|"
    r"(?:sugar|gluten|dairy|lactose|nut)[- ]free|organic|same[- ]day|next[- ]day|open 24 hours|"
    r"24/7|premium|smart|improved|new and improved|"
    r"\d+ minutes?|"
    r"service|customer service|\w+ in \d+ minutes)[\"”'’]", re.I)
# The dramatic pause before the twist: "arrived just in time... for tomorrow's breakfast".
_PAUSE = re.compile(r"(?:\.\.\.|…)\s*(?:(?:for|to|in|and|but|only|if|just|on)\b|(?:\w+ ){0,2}"
                    r"(?:later|after)\b)", re.I)
_EYE_ROLL = re.compile("[🙄😒🤡🙃]|" + irony.CROOKED_MOUTH)
_LAUGH = re.compile("[😂🤣]")
# Quotation marks around a short phrase: the customer quoting a promise back ("'fresh'").
_QUOTED = re.compile(r"(?:^|\s)['\"“‘][^'\"”’\n]{2,30}['\"”’](?=[\s.,!?;:]|$)")
# "Top-notch hygiene: the guy wiped his nose" — a verdict, a colon, then the facts.
_VERDICT_COLON = re.compile(r"^\s*((?:[\w'-]+\s+){0,5}[\w'-]+)\s*:\s+(.+)$", re.S)
# A praise word left standing alone at the end, after the facts: "… at rush hour. Genius."
_CLOSING_PRAISE = re.compile(
    r"[.!?]\s+(?:genius|impressive|classic|fantastic|brilliant|bravo|great|perfect|lovely|"
    r"amazing|wonderful|superb|stellar|nice|(?:very|so|really|super) (?:intuitive|efficient|"
    r"convenient|user-friendly|professional|smart)|how (?:generous|thoughtful|kind|"
    r"considerate|lovely|nice)|innovative|inspiring|visionary|revolutionary|(?:very|so|truly|"
    r"really) immersive|impressive commitment|truly (?:a|an) (?:\w+ ){0,3}\w+|"
    r"(?:a )?record worth celebrating)(?: (?:work|job|stuff|effort|service|pricing|planning|"
    r"organi[sz]ation|communication|system|idea|move|logic))?[.!]*\s*"
    r"(?:👏|🙄)*\s*$", re.I)


def _verdict_then_facts(text: str) -> bool:
    """A glowing verdict before a colon and nothing good after it."""
    match = _VERDICT_COLON.match(text)
    return bool(match) and score_english(match.group(1)) >= 0.3 and \
        score_english(match.group(2)) <= 0.05


def sarcasm_markers(text: str, negative_context: bool) -> bool:
    """Praise words used to complain. Weak markers count only beside a negative situation."""
    low = text.lower()
    if _SARCASM_STRONG.search(low) or _SCARE_QUOTES.search(text):
        return True
    # A lone "Brilliant." both opens a sentence and closes the text: one sign, not two.
    framed = irony.framing(text, _SARCASM_PRAISE_OPENER.search(text),
                           _CLOSING_PRAISE.search(text), score_english)
    weak = (framed + len(_SARCASM_PHRASES.findall(low)) + bool(_EYE_ROLL.search(text))
            + bool(_PAUSE.search(text))
            + bool(_QUOTED.search(text)) + bool(_LAUGH.search(text))
            + irony.ironic_applause(text, negative_context, score_english)
            + _verdict_then_facts(text))
    return weak >= 2 or (weak >= 1 and negative_context)
