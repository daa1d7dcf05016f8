"""English cues: complaint situations, customers' formulas of praise, requests, hearsay and
stories of staff putting things right (the counterpart of turkish_cues). Sarcasm markers are
in english_sarcasm."""

from __future__ import annotations

import re

from kiosk.analysis import english_trades
from kiosk.analysis.english import ENOUGH_OBJECT, HONEST_ACTS, score_english
from kiosk.analysis.text import at_word_starts

# The staff put something right: a story's bad words are the problem they solved.
RESOLVED = re.compile(
    r"(?<!n't )(?<!not )(?<!never )(?<!nobody )(?<!no one )\b(?:replaced|fixed|repaired|sorted|"
    r"solved|resolved|blocked|rebooked|refunded|talked (?:me|us) through|calmed|reassured|"
    r"squeezed (?:me|us) in|took care|caught|spotted|warned|saved|rescued|swapped|called (?:me|"
    r"us) back|found (?:my|it|the|me)|posted (?:it|them)|kept (?:it|them)|froze (?:it|my \w+)|"
    r"waved it (?:off|away|through)|(?:came|is|was|looks?) (?:back )?(?:like|as good as) new|"
    # a charge taken back, or never made: "cancelled the damage charge", "didn't charge a thing"
    r"waived|(?:cancell?ed|dropped|reversed|removed|wiped) the (?:\w+ )?(?:charge|fee|fine|"
    r"penalty|bill)|(?:didn'?t|did not|wouldn'?t|never) charge (?:us |me )?(?:a (?:thing|penny|"
    r"lira|cent)|anything|extra|for)|no (?:extra |additional )?charge|free of charge)\b",
    re.I)

# A kind act: clears a story's bad words only when the story ends in thanks or praise.
HELPED = re.compile(
    r"(?<!n't )(?<!not )(?<!never )(?<!nobody )(?<!no one )\b(?:helped|let (?:me|us)|made it "
    r"(?:\w+ )?(?:easy|painless|simple|fun)|walked (?:me|us) through|explained|went through|"
    r"reworked|rearranged|rang (?:me|us)|checked on|brought|noticed|handled|returned|tightened|"
    r"adjusted)\b",
    re.I)
# A sentence that is a verdict on the whole visit (matched whole, lower case, no diacritics).
VERDICT = re.compile(
    r"(?:(?:absolute |total |real )?(?:legends?|wizards?|heroes|stars|lifesavers?)(?:,? the lot of "
    r"(?:them|you))?|a (?:real |small )?miracle|unreal|absolutely solid|the real deal|10/10|"
    r"(?:five|5) stars|that'?s how it should be done|is this real life|rare honesty|"
    r"that'?s how you (?:handle|deal with|fix|do) (?:a |it|this|things|mistakes?|customers?)\w*|"
    r"(?:we|i)(?:'ll| will) (?:definitely |happily |certainly |100% )?(?:be back|"
    r"come (?:back|again)|(?:rent|book|order|shop|stay|use (?:them|you)) again)|"
    r"will (?:definitely |happily )?(?:rent|"
    r"book|order|shop|stay|come) (?:here |with (?:them|you) )?again|(?:we|i) won'?t forget (?:that|"
    r"it|this)|can'?t recommend (?:them|you|it|this place) enough|highly recommend(?:ed)?)")
# Acts beyond the routine that are praise however plainly told: "spotted that two of my meds
# clash", "called me back at 9pm", "squeezed us in". ("brought us the bill" is routine.)
BEYOND_DUTY = re.compile(
    r"(?<!n't )(?<!not )(?<!never )\b(?:spotted|caught (?:it|the|that|a)|warned|saved|rescued|"
    r"called (?:me|us) back|rang (?:me|us|my)|checked (?:on|in on|up on)|squeezed (?:me|us) in|"
    r"talked (?:me|us) through|walked (?:me|us) through|calmed|reassured|waved it (?:off|away)|"
    r"stayed (?:late|behind|open|on|past closing|after (?:closing|hours))|waited (?:up )?for "
    r"(?:our|my) (?:delayed|late|cancell?ed) (?:flight|train|bus|ferry)|had (?:it|them|the \w+) "
    r"(?:sent|delivered|brought|waiting|ready)|ran after|chased (?:after )?(?:me|us)|carried|"
    r"(?:picked up|noticed|remembered|realised|realized) (?:that|it was|my|our|from)|"
    r"went out of (?:his|her|their|the) way|without (?:me |us )?(?:even )?asking|without (?:even )?"
    r"being asked)\b", re.I)

CONTRAST = re.compile(
    r"\b(?:but|however|although|though|except(?: for)?|apart from|aside from|other than|"
    r"if only|i wish|wish|wished|it'?s just that|only thing is|"
    r"yet(?=\s+[a-z])|(?<![a-z] )yet(?=\s*,)|"  # not "no bad one yet, and …"
    r"on the other hand|then again|"
    r"unfortunately|sadly|shame that|pity that|(?<=[.!?] )(?:pity|shame|a pity|a shame)|minus|"
    r"(?<=fine )until|(?<=good )until|(?<=great )until|(?<=okay )until|(?<=ok )until|"
    r"(?<=perfect )until|(?<=happy )until|(?<=smooth )until|"
    r"only (?:problem|issue|complaint|downside|thing)|the problem is|whereas)\b", re.I)

# Situations that are complaints whatever words surround them.
COMPLAINT_CUES = at_word_starts(
    # a wish that the basics worked: "would be nice if someone actually answered the phone"
    r"\bwould be (?:nice|great|good|lovely|helpful|amazing) if (?:\w+ ){0,5}?(?:actually |ever |"
    r"just )?(?:worked|answered|arrived|came|picked up|replied|responded|called back|turned up|"
    r"showed up|was (?:on time|open|working|clean|ready))\b|"
    # the one fault in a happy text: "only downside is …", "I'd just like the menu to have …"
    r"(?<!not )\b(?:only|one|biggest|main) (?:downside|drawback|gripe|complaint|issue|problem|"
    r"negative|niggle|criticism|letdown|let down|disappointment)(?! (?:at all|whatsoever))\b|"
    r"\b(?:i'?d|i would|we'?d|we would) (?:just |really )?like (?:the|it|them|you|your|there) "
    r"(?:\w+ ){0,4}to (?:be|have|stop|start|get|include|offer|use|serve)\b|"
    # understatement: "we've had better starts", "less than ideal", "I wouldn't say it was
    # especially smooth", "I'd have expected the air con to work"
    r"\b(?:we|i)(?:'ve| have) (?:definitely |certainly )?had (?:better|warmer|friendlier|"
    r"quicker|faster|cleaner|nicer|smoother|kinder)\b(?![^.!?]{0,40}\b(?:here|than)\b)|"
    r"\bnot (?:exactly )?the (?:smoothest|quickest|"
    r"fastest|easiest|warmest|friendliest|cleanest|best|most (?:organi[sz]ed|professional|"
    r"reliable|helpful|pleasant))\b|\bcould (?:be|do with) (?:a (?:touch|bit|little|tad|lot) )?"
    r"(?:more|less) \w+|"
    r"\b(?:it )?would be nice,? (?:at some point,? |one day,? |eventually,? )?to (?:receive|get|"
    r"have|see|hear)\b|\bworth (?:someone )?checking (?:whether|if)\b|\bthis (?:year|century|"
    r"decade|month) or next\b|\b(?:is|was) (?:the|this|that|your) [\w\"“”' -]{1,40} a joke\b|"
    r"\b(?:was|is|so|kinda|pretty|lowkey) mid\b|(?<!better than )(?<!better than i )\b"
    r"(?:i |we )?expected (?:a lot |much |a bit |so much )?(?:more|better)\b|"
    r"\bnothing special\b|\bnothing to write home about\b|\baverage at best\b|"
    # a review's list of faults: "Pros: … Cons: short warranty" (not "Cons: none")
    r"(?<!pros and )(?<!pros & )(?<!pros/)\bcons?\s*:\s*(?!(?:(?:honestly|really|absolutely),? )?"
    r"(?:none(?! of)|nothing|n/a|zero|nil|no|not really|can'?t think|i can'?t|i couldn'?t)\b)\w|"
    # likened to rubbish: "looks great, works like crap" (not "ran like crap before")
    r"\b(?:works?|worked|working|runs?|ran|performs?|performed|drives?|drove) like (?:crap|shit|"
    r"garbage|rubbish|junk|trash)\b(?! (?:before|until|till)\b)|"
    r"\b(?:two|three|four|five|six|\d+) different (?:people|answers|dates|prices|teachers|"
    r"stories|explanations|agents|excuses)\b|\bnow (?:reached|entered) (?:its|their) (?:second|"
    r"third|fourth|fifth|\d+\w*) (?:week|month)\b|"
    r"\b(?:(?:(?:less than|far from|not exactly|not particularly|not especially|not the most) |"
    r"(?:wouldn'?t|hardly) (?:say|call) (?:it|that|"
    r"this|they|them|the [\w ]{1,30}?) (?:was |were |is |are )?(?:especially |particularly |"
    r"exactly |very |that |the most )?)(?:ideal|perfect|great|smooth|good|impressive|acceptable|"
    r"professional|clean|pleasant|helpful|friendly|welcoming|quick|fast|efficient|satisfactory|"
    r"stellar|seamless|easy|straightforward|reliable)|(?<!than )(?:i'?d|i would|we'?d|we would) "
    r"have expected)\b|"
    # two answers to one question, "at least" after a fault, "eventually being the key word"
    r"\b(?:(?:is|was|are|were) (?:an? )?(?:absolute |complete |total )?joke\b|which (?:one )?"
    r"is it\b|who (?:do|should|am|are) (?:i|we) (?:supposed )?(?:to )?believe|"
    r"told (?:me|us) one thing|but (?:hey,? )?at least|hey,? at least|(?:being|is) the "
    r"(?:key|operative) word)|"
    # sold what was never asked for, silence, efforts that fixed nothing, a story that changed
    r"\b(?:extras?|charges?|fees?|add-?ons?|insurance|credit|subscription|warranty|cover)\b"
    r"[^.!?]{0,20}\b(?:i|we) never (?:asked|signed up|agreed) for\b|"
    r"\b(?:haven'?t|have not|hasn'?t|has not) (?:yet )?(?:received|got(?:ten)?|heard)\b(?: "
    r"back)?(?! (?:a |one |any )?(?:single )?(?:\w+ )?(?:complaint|problem|issue|bad|late|wrong|"
    r"damaged|broken|cold|faulty)\w*)|"
    r"\b(?:hasn'?t|haven'?t|won'?t|doesn'?t) (?:gone|go) away\b|"
    r"\bdid (?:his|her|their|my|our) (?:very )?best,? but\b|"
    r"\b(?:assured|promised|told|said)\b(?:[^.!?]{0,80}[.!?;]\s*){1,2}(?:\w+ ){0,3}now "
    r"(?:say|says|claim|claims|tell|tells)\b|"
    # rhetorical questions: "am I the only one who …", "does anyone at X test the app?",
    # "do you really need to …", a promise of free and then a charge
    r"\b(?:(?:does|do) (?:anyone|anybody|somebody|someone|you "
    r"guys)(?: at \w+(?: \w+)?)? (?:actually |even |ever )?(?:test|check|read|listen|care|answer|"
    r"proofread)|do (?:you|they) really (?:need|have) to)\b|"
    r"\b(?:free|no charge|included|complimentary)\b[^.!?]{0,60}[.!?;,]\s*(?:but |then )?(?:we |i )?"
    r"(?:got|were|was) charged\b|"
    # a job not done, an apology never made: "didn't bring the right bits", "not even a call"
    r"\b(?:i'?m|i am|we'?re|we are|was|were|absolutely|totally|so|really|honestly) gutted\b|"
    r"\bnever (?:waited|queued|stood) so long\b|\bwas (?:\w+ )?(?:days|weeks|a week|a fortnight|"
    r"a month) ago\b|"
    r"\b(?:ordered|bought|paid for|asked for) (\d+(?:\.\d+)?) ?(kg|g|grams?|l|litres?|liters?|ml|"
    r"packs?|boxes|items|pieces|bottles)\b[^.!?]{0,60}?\b(?:received|got|came with|arrived with|"
    r"only) (?!\1 ?\2\b)\d+(?:\.\d+)? ?\2\b|"
    r"\bturns? out (?:it|they|he|she|that) (?:wasn'?t|weren'?t|didn'?t|isn'?t|aren'?t|was not|"
    r"were not|had not|hadn'?t)\b|\bis (?:anyone|anybody) (?:actually |even |ever )?(?:working|"
    r"there|here|in|on|reading|listening|answering|checking)\b|\bwho (?:designed|thought|"
    r"decided|approved|came up with)\b|"
    r"\b(?:only )?half (?:done|finished|fitted|installed|assembled)\b|"
    r"\b(?:didn'?t|did not|never) (?:bring|send|include|install|fit|deliver|refund|replace|"
    r"repair|return (?:my|our|the))\b|\bnot even (?:an? )?(?:apology|sorry|call|reply|"
    r"response|text|e-?mail|explanation)\b|"
    # "it still doesn't spin", not "still no problems" or "still can't believe how good"
    r"\b(?:still (?:not|no|waiting|haven'?t|hasn'?t|didn'?t|doesn'?t|don'?t|won'?t|isn'?t|"
    r"aren'?t|wasn'?t|can'?t|cannot)(?! (?:go|shop|eat|look|use) (?:anywhere|elsewhere|anyone)\b)"
    r"(?! (?:have )?(?:a single |one |any |a |even a )?(?:problems?|"
    r"issues?|complaints?|scratch(?:es)?|marks?|dents?|faults?|regrets?|hiccups?|wear|cracks?|"
    r"stains?|believe|get over|stop|know how|understand how|let (?:me|us) down|disappoint|fail|"
    r"miss a beat)\b)|never (?:arrived|came|received|"
    r"showed|got|again)|nobody (?:came|answered|helped|cares)|no one (?:came|answered|helped)|"
    r"(?:want|need|demand|waiting for|wait for|where(?:'s| is) my|no|asked for|ask for|"
    r"request(?:ed|ing)?|give me|still no) (?:a |my |the |our )?(?:full )?refund|refund me|"
    r"wrong (?:order|item|product|change|address|size|colou?r|bag|house|door|flat|person|one)|"
    r"out of stock|sold out|"
    r"(?:waited|waiting|queued|queuing|stood) (?:for )?(?:over |almost |nearly )?(?:\d+|an?|"
    r"one|two|three|forty|half an?) (?:min|minute|minutes|mins|hour|hours|hrs)|"
    r"(?:hour|hours|minutes|mins|days|weeks) late|didn'?t (?:arrive|come|turn up|show)|"
    r"not (?:fresh|working|delivered|arrived)|"
    r"cancel(?:l)?ed (?:my|our|the)(?! (?:\w+ )?(?:charge|fee|fine|penalty)s?\b)|"
    r"charged (?:me |us |my card |my account )?twice|double charged|"
    r"(?<!expected the )(?<!expecting the )(?<!feared the )worst|never (?:again|"
    r"coming back)|"
    r"(?<!not )(?<!never )(?:way |far |much |a bit |bit )?too (?:loud|noisy|expensive|slow|small|"
    r"crowded|busy|hot|cold|long|salty|sweet|dry|greasy|pricey|dark|dirty|late|few|little|warm|"
    r"rough|roughly|rude)|"
    r"(?:called|rang|phoned|emailed|messaged|tried|contacted) (?:\w+ ){0,2}(?:\d+|several|"
    r"multiple|three|four|five|six|many|so many) times|(?:ran|run|running) out of|"
    r"(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) time (?:this|in|"
    r"today|that|from|at|with)|(?:prices?|costs?|it) (?:went|has gone|have gone|going|"
    r"keeps? going) up|"
    r"already (?:sour|off|expired|rotten|broken|melted|mouldy|moldy|open(?:ed)?|peeling|peeled|"
    r"cracked|stopped working|scratched|faulty|falling apart|loose|dead|dying|leaking|torn|ripped|"
    r"bent|failing)|came back (?:\w+ ){0,4}with (?:a |an )?(?:new |extra |another )?(?:scratch|"
    r"dent|crack|chip|mark|problem|fault|issue)|kept (?:pushing|trying to sell|upselling|"
    r"interrupting|ignoring)|(?:pushing|pushed|selling me) (?:\w+ ){0,3}(?:i|we) didn'?t (?:want|"
    r"need|ask for)|(?:\d+|two|three|four|five|six) (?:hours?|days|weeks) for (?:a|an|the|my|one|"
    r"simple)\b|snail'?s pace|at a crawl|takes? forever|took forever|more interested in|"
    r"\bit'?s (?:now |already )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the "
    r"\d+(?:st|nd|rd|th)?)\b|"
    r"keeps? (?:freezing|crashing|breaking|failing|logging me out|cancel\w*|charging|losing|"
    r"forgetting|dropping|getting (?:\w+ )?wrong|sending (?:me )?(?:the )?wrong|messing)|"
    # a wish about what happened is a complaint: "just wish the eggs hadn't been cracked"
    r"wish (?:that )?(?:the|they|it|there|i|we|my|our|he|she|your)\b(?: [\w'-]+){0,4}? "
    r"(?:had|hadn'?t|was|wasn'?t|were|weren'?t|would|wouldn'?t|could|couldn'?t|did|"
    r"didn'?t)|"
    r"(?:sort|sorted) (?:him|her|them|this|that|it) out|please (?:fix|sort out|look into)|"
    r"won'?t be (?:coming|going|ordering|shopping|back)|not (?:coming|going) back|"
    r"(?:queue|line|wait)\w* (?:for )?(?:over |almost |nearly )?(?:\d+|an?|half an?) "
    r"(?:min|mins|minutes|hours?)|"
    r"(?:found |there was |there's )?an? (?:hair|plastic|piece of (?:glass|plastic|metal)|"
    r"insect|bug|fly|stone|plaster) (?:\w+ )?in(?:to|side)? (?:my|the|our)|"
    r"smell(?:ed|s|ing)? (?:of|like) (?:the )?(?:cigarette|smoke|fish|bleach|mou?ld|sewage|"
    r"bins?|damp)|"
    r"(?:items?|things?) out of (?:\d+|the)|same (?:story|thing|problem|issue) (?:again|last|as|"
    r"every)|(?:was|were) closed (?:at|on|by|when)|still [\"'“‘]|"
    r"nobody (?:ever )?(?:answers|picks up|replies|responds|calls back)|"
    r"had to (?:ask|wait|call|chase|go back|return|throw|pay|remind|explain|repeat|queue|come "
    r"back)|(?:was|were|is|are) supposed to|(?:still )?no (?:reply|response|answer|call ?back|"
    r"update|refund|apology)|where(?:'s| is) my (?:order|refund|parcel|delivery|money)|"
    r"(?:can'?t|cannot|unable to|couldn'?t) (?:log ?in|sign in|pay|check ?out|reach|get "
    r"through|get hold)|not what (?:i|we) (?:ordered|asked for|paid for|booked|requested|"
    r"(?:was|were) (?:promised|quoted))|not the (?:\w+ ){1,3}(?:i|we) paid for|"
    r"(?:it'?s|it is|now on|we'?re on|this is) day (?:\d+|\w+teen|twenty)"
    r"(?= ?[.!?…]|$|,? (?:and )?(?:still waiting|still nothing|nothing|counting))|"
    r"(?:they|he|she|you|staff|"
    r"driver|courier|"
    r"cashier|someone|somebody) (?:\w+ )?(?:forgot|left out) (?:my|the|to|our)|(?:was|were|got) "
    r"(?:forgotten|left out)|out of date|past (?:its|the|their) (?:sell|use|best)|"
    r"(?:asked|told|reminded) (?:them|him|her|the \w+) (?:twice|three times|\d+ times|again)|"
    r"(?:stopped|stop) (?:selling|stocking|making|doing|offering)|"
    r"used to be (?:so |really )?(?:good|great|better|nice|lovely|amazing|excellent|fantastic|"
    r"brilliant|the best(?! kept)|perfect|reliable)|"
    r"(?:can|could|would|will) (?:you|u|someone|they) (?:please |pls |just )?(?:stop|quit) "
    r"(?:calling|ringing|texting|sending|emailing|messaging|spamming|charging|overcharging|"
    r"cancell?ing|changing|bothering|contacting)|"
    r"(?<!need to )hire (?:more|some more|extra|enough) (?:staff|people|cashiers|drivers|"
    r"cleaners|hands|workers|employees)\b(?! (?:like|as|such))|"
    r"half the (?:size|portion)[^.!?]{0,30}(?:twice|double) the price|"
    r"(?:twice|double) the price[^.!?]{0,30}half the (?:size|portion)|"
    r"not as (?:good|nice|fresh) as (?:it|they) used to|"
    r"(?:never|didn'?t) (?:get|got|receive|received) (?:a |any |my |an )?(?:reply|response|"
    r"refund|call|email|confirmation|receipt|change)|"
    + english_trades.COMPLAINTS +
    # something that should work and did not, said flatly
    r"(?:hasn'?t|haven'?t|doesn'?t|don'?t|didn'?t|won'?t|isn'?t|wasn'?t|never|not) (?:even )?"
    r"(?:work|worked|working|open|opens|opened|load|loads|arrive|arrived|come|came|show|showed|"
    r"respond|responded|answer|answered|reply|replied|fit|charge(?! me| us| for| extra|"
    r" (?:anything|a thing|a penny) (?:for|extra)| (?:a|an|the|any) (?:call-?out|fee|penny|cent|"
    r"extra))|turn up|"
    r"turned up)|"
    # waits and delays with a number
    r"(?<!only )(?<!just )(?:(?:took|takes|taking) (?!(?:about |around )?(?:[1-9]|10|one|two|three|"
    r"four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|a) ?(?:min|mins|minutes)\b)|"
    r"(?:after|waited|wait|"
    r"waiting|queued|stood|on hold for|late by) )"
    r"(?:over |almost |nearly |about |another )?(?:\d+|an?|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|ninety|half an?) ?(?:min|"
    r"mins|minutes|hours?|hrs|days|weeks|months)|"
    r"(?:drove|drives|driving|driven|ran|threw|thrown|tossed|handled|treated)(?: \w+){0,3} "
    r"like (?:he|she|they) (?:had )?stole?n? (?:it|them|the \w+)|"
    # paid for one thing, got another
    r"(?:charged|paid|costs?|billed)\b.{0,50}\b(?:got|received|only|but)\b|"
    # what the customer was not told, or was told falsely; a shop that pleases itself
    r"(?:didn'?t|did not|never) (?:tell|inform|warn|mention to) (?:me|us)|"
    r"(?:was|were|is|are) (?:all )?(?:a )?(?:lie|lies|lying)\b|lied to (?:me|us)|"
    r"(?:will|do|can|would) you (?:people|guys) ever (?:answer|reply|respond|call|fix|deliver|"
    r"turn up|show up|get|send|refund|sort|listen|bother|learn)|(?:opens?|closes?|opened|closed|"
    r"turns? up|shows? up|answers?|works?|delivers?|replies|responds?)"
    r"(?: \w+){0,3} whenever (?:it|they|he|she) feels? like it|"
    r"(?:\d+|two|three|four|five) (?:items?|things?|out) (?:of|from) (?:\d+|the)"
    r"(?! ?(?:stars?|points?))|"
    r"(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) (?:time|order|week)s? (?:now\b|in a row|"
    r"running)|every (?:single )?(?:time|week|order)[^.!?]{0,30}(?:missing|late|wrong|broken|"
    r"cracked)|(?:arrived|came|was|were) (?:all )?(?:crushed|cracked|squashed|leaking|"
    r"soaked|wet|melted|open|broken|missing|damaged|expired|mouldy|moldy|pink in the middle))\b",
    also="',;.")

# Customers' own formulas for praise that VADER scores as neutral.
PRAISE_CUES = at_word_starts(
    r"\b(?:five stars|5 stars|10/10|can'?t fault|couldn'?t fault|hats off|props to|kudos|"
    r"(?:give|rate|gave|rated) (?:(?:it|them|you|him|her|this place) )?(?:six|6|seven|7|ten|10|"
    r"a hundred|100|more|a million) stars if i could|"
    r"(?:won'?t|will not) be (?:my|our|the) last(?! (?:you|they|he|she|time (?:you|they|he|"
    r"she))\b| complaint)|"
    r"(?:can'?t|cannot) (?:praise|thank|rate|recommend) " + ENOUGH_OBJECT +
    r"(?:enough|highly enough)|"
    r"(?:a )?(?:massive|huge|special|heartfelt|sincere|big) thank(?:s| you)|big up|this is how "
    r"(?:[\w-]+ ){1,4}should be done|could be (?:this|so) (?:painless|easy|simple|quick|smooth|"
    r"stress-free|straightforward)|"
    r"shout ?-?out to|big thanks|thank you so much|always on time|never (?:had|have) (?:a|any) "
    r"(?:single )?(?:problem|issue)s?|no complaints|highly recommend|keep it up|"
    r"above and beyond|made my day|can'?t go wrong|(?:don'?t|do not) think (?:you|anyone|one) "
    r"(?:can|could|will) go wrong|(?:can'?t|cannot|couldn'?t|could not) find (?:a single thing|"
    r"anything|one thing|a thing) to complain about|(?:what more|couldn'?t) (?:could you |"
    r"can you )?(?:ask|wish) for|worth every (?:penny|lira|cent|one|minute|mile|second|hour|"
    r"bit)|value for money|rock solid|solid as a rock|"
    r"money well spent|well spent|very happy|so happy|really happy|spot on|top marks|"
    r"top notch|nothing to complain about|that'?s (?:what i call )?service|"
    # praise told by denying the worst: "you won't regret it", "never disappoints", "hard to beat"
    r"(?:won'?t|will not|wouldn'?t|would not|didn'?t|did not|doesn'?t|does not|never|has not|"
    r"hasn'?t|have not|haven'?t|was not|wasn'?t|were not|weren'?t)(?: ever| once| yet| been)* "
    r"(?:disappoint(?:ed|s)?|let (?:you|me|us|anyone) down)\b(?! (?:until|till|before|up until)\b)|"
    r"(?:won'?t|will not|wouldn'?t|would not|don'?t|do not|didn'?t|did not|never)(?: ever)? "
    r"regret (?:it|this|that|coming|going|buying|booking|choosing|ordering|visiting|staying|a "
    r"(?:single )?(?:penny|moment|minute|second|thing)|(?:the|my|our) (?:purchase|visit|trip|"
    r"booking|order|choice|decision)|(?:it )?(?:one|a) bit)\b|"
    r"(?:can'?t|cannot|can not|hard to|impossible to|tough to|difficult to) (?:be )?beat(?:en)?"
    r"\b(?! (?:the )?(?:queues?|traffic|rush|crowds?|system|heat|line)\b)|"
    r"(?:wouldn'?t|would not|won'?t|will not) (?:give|trade|swap) (?:(?:it|them|this|that|him|"
    r"her) (?:up )?|up (?:\w+ ){0,2})for (?:anything|the world|any other)|"
    r"(?<!not )(?<!n't )(?<!never )(?<!n't go )(?<!not go )(?<!hardly )without (?:a|any|the "
    r"slightest|one) (?:single )?(?:hitch|hiccup|glitch|problem|issue|fuss|flaw|fault|complaint|"
    r"snag)s?\b(?!\s*\?)|"
    r"(?<!not )(?<!n't )(?<!n't go )(?<!not go )without (?:flaw|fault|fuss)\b(?!\s*\?)|"
    # kind acts told plainly: "carried the water up", "ran after me with my wallet"
    r"(?:carried|walked|ran after|brought|helped|packed|remembered|noticed|swapped|kept|held|"
    r"put aside|set aside|"
    r"replaced|refunded) (?:\w+ ){0,10}(?:for (?:me|us|him|her|my)|without (?:me |us )?"
    r"(?:even )?(?:asking|being asked)|all the way|to (?:my|our|the) (?:\w+ )?(?:car|door|taxi|"
    r"flat|floor))|"
    # a job done fast, a thing saved, a sale not pushed
    r"(?:fixed|repaired|sorted|solved|replaced|recovered|set up|transferred|swapped) "
    r"(?:\w+ ){0,6}(?:in|within) (?:just |only )?(?:\d+|ten|twenty|fifteen|five|half an?|an?|one|"
    r"two) (?:min|mins|minutes|hours?|day)\b|"
    r"(?:saved|rescued|recovered) (?:all )?(?:my|our) (?:data|"
    r"photos|pictures|files|contacts|day|phone|laptop|holiday)|didn'?t (?:once |"
    r"even )?(?:try to )?(?:upsell|"
    r"push|pressure|oversell)|talked (?:me|us) out of|honest (?:advice|answer|opinion)|"
    r"makes? my day|making my day|exactly as (?:described|pictured|advertised|promised|shown)|"
    r"for half (?:the price|what)|in (?:seconds|no time)|within seconds|nailed it|top (?:bloke|"
    r"guy|lad|lass)|hands down|first \w+ (?:that'?s|that has|to have|to) ever|didn'?t think "
    r"(?:that|it) was possible|(?:exactly|just) (?:what|the way|as) (?:i|we) (?:asked|ordered|"
    r"wanted|needed)|rememb(?:er|ers|ered) (?:my|that i|i|me|our|us)|"
    r"(?:at (?:my|the) door|arrived|delivered|was here|came) (?:in |within |just )?(?:[1-9]|[12]\d|"
    r"30) (?:min|mins|minutes)\b(?! late)|"
    r"still (?:fresh|firm|crisp|frozen|rock hard|hot|warm|crunchy) (?:\w+ ){0,3}(?:a week|days|"
    r"after|later|when)|(?:been (?:shopping|coming|ordering|buying)|shopped|a customer) "
    r"(?:\w+ ){0,4}for (?:\d+|many|ten|five|twenty|several) years|rare these days|"
    r"(?:didn'?t|wouldn'?t) (?:charge|take (?:my |any )?money)|pay next time|"
    r"refund(?:ed)? (?:on|in|to) my (?:card|account) (?:the )?(?:next|same) day|where else can "
    r"you (?:get|find|buy)|is there anything (?:you|they|your \w+|this \w+) can'?t do|"
    r"on the house|went out of (?:his|her|their|the) way|before i (?:even )?(?:noticed|asked|"
    r"spotted|realised|realized|knew)|why didn'?t (?:i|we) (?:\w+ ){0,3}(?:sooner|earlier|before|"
    r"years ago|ages ago)|"
    r"(?<!not )(?<!never )(?<!n't )(?:arrived|delivered|came|turned up|showed up|here|there) "
    r"(?:\w+ )?(?:on time|bang on time|right on time|on the dot)|in and out in|"
    r"(?:arrived|came|was at (?:my|the) door) (?:\d+ minutes )?(?:early|ahead of time|before)|"
    r"deserves? a (?:raise|medal|promotion)|legend|absolute star|gem|"
    r"give (?:that|this|him|her|them|the) (?:\w+ )?a (?:raise|medal|promotion)|"
    # garages: honest, thorough, quick, kind
    + HONEST_ACTS + r"|wouldn'?t (?:take|accept) (?:a|any|my) "
    r"(?:tip|money|payment)|back on the road in (?:\d+|ten|twenty|half an?|an?)|"
    r"without being asked|everything (?:was|"
    r"went) (?:fine|perfect|perfectly|smooth|smoothly|great|spot on)|came (?:in )?(?:under|below) "
    r"(?:the )?(?:quote|estimate|budget)|proved (?:me|us) wrong|nobody asked (?:him|her|them) to|"
    r"ten out of ten|10 out of 10|(?:fixed|sorted|replaced|repaired|done) (?:\w+ )?for free|"
    r"the only (?:\w+ )?(?:i'?ll|i will|i'?d|we'?ll) (?:let|trust|use|go to|recommend)|"
    r"(?:don'?t bother|no need) (?:going|to go|looking) anywhere else|a\+ (?:experience|service|"
    r"job|work)|the (?:best|clearest|friendliest|nicest|fastest|most \w+) (?:\w+ )?i'?ve ever|"
    r"(?:that|which) actually works|no idea (?:what|how much) (?:that|this|it) mean(?:t|s)|"
    r"what a (?:guy|star|legend|gent|hero|team)|"
    r"(?:paid|approved|settled|refunded|processed) (?:in full )?(?:in|within) (?:\d+|two|three|a|"
    r"one) (?:days?|hours?)|no questions asked|without (?:a single|one|any) (?:phone call|call|"
    r"chase|reminder|visit) from me|never felt like (?:just )?(?:a|another) (?:number|case number|"
    r"statistic)|"
    r"(?:is|'s|are|was) the reason (?:i|we) (?:stay|stayed|keep|kept|came back|come back|still|"
    r"switched|chose|bought|got|could)|worked (?:everywhere|perfectly|flawlessly|first time|"
    r"like a charm)|"
    r"exactly (?:what|as) (?:i was |we were )?(?:quoted|promised|agreed)|(?:answered|replied|"
    r"responded|called (?:me )?back|got back)\b[^.!?]{0,20}\bwithin (?:the|an|one|\d+) "
    r"(?:hour|minutes?)|the (?!worst|slowest|rudest|dirtiest|longest|latest|biggest)(?:\w+est|"
    r"best|most \w+) (?:\w+ ){0,3}i'?ve ever|cheaper than (?:my|the|our|mine)|\beven "
    r"(?:hoovered|cleaned|tidied|swept|vacuumed|wiped|took away)|"
    # online orders told as plain facts of speed
    r"(?<!supposed to )(?<!meant to )(?<!should )(?<!would )(?:delivered|arrived|at (?:my|the|our) "
    r"door|here|money back|refund(?:ed)?|sorted|fixed|replaced|collected|both arrived) "
    r"(?:\w+ ){0,3}"
    r"(?:the )?(?:same|next) (?:day|morning|afternoon|evening)|(?:arrived|came|delivered|ready|"
    r"done|fixed|finished|here|back|sorted)\b(?: \w+){0,4} (?:earlier|sooner|faster|quicker) "
    r"than (?:estimated|expected|promised|quoted|the estimate)|(?:money|refund) (?:was )?back "
    r"(?:on|in|within|by)\b|had it (?:before|by) (?:lunch|dinner|noon|the evening|bedtime)|"
    r"still (?:steaming|piping hot)|(?:arrived|came) (?:still )?(?:piping|steaming) hot|"
    r"(?<!not )(?<!n't )(?<!never )worth the (?:trip|drive|journey|detour|wait|hype)|"
    r"still talking about (?:it|them|the)|the highlight of (?:my|our|the) (?:day|week|month|"
    r"trip|year|holiday|stay)|the real deal|"
    r"what more could (?:you|i|anyone) (?:want|ask for)|an absolute star|a (?:real )?gem|"
    r"an? (?:absolute|total|real|true) (?:angel|legend|saint|hero|lifesaver)|"
    r"meant (?:so much|a lot|the world)|next level)\b",
    also="'")

# What other people say ("people say it's pricey, but …") is not the customer's complaint.
REPORTED = re.compile(
    r"(?:\b(?:people|others|some|everyone|reviews?|my friends?)\b(?: \w+)? (?:say|said|says|"
    # (not "they told me": that is the staff)
    r"call|called|told me|warned me|complain(?:ed)?)|\bthey (?:say|call))\b"
    r"(?: (?:it'?s|it was|it is|that|about))?"
    r"(?: \w+){0,3}?(?= but\b|[,;.])", re.I)
# A problem put right: the story is the recovery, and it belongs on the wall.
RECOVERY = re.compile(
    r"\b(?:refund(?:ed)? (?:was )?(?:in|back in|on) my (?:account|card)|(?:refunded|replaced) "
    r"(?:it|them|me|the \w+) (?:\w+ ){0,3}(?:straight away|immediately|right away|same day|"
    r"within|in (?:minutes|an hour|one call)|without)|(?:dropped|brought|sent) (?:them|it|a new "
    r"one|a replacement|another) (?:off|over|round|along)|had (?:it|them|a replacement) "
    r"(?:the )?(?:next|same) (?:morning|day|evening|afternoon)|sorted (?:it|everything) out "
    r"(?:straight away|immediately|in one call|within))", re.I)


# A trouble gone, which is what the visit was for: "bed bugs are gone", "no more leaks", "rat
# problem? Not anymore". Read as "all good now": the pest or the stain is not the complaint.
_PESTS = (r"(?:bed ?bugs?|bugs|mice|rats|roach(?:es)?|cockroach(?:es)?|ants|fleas|termites|moths|"
          r"wasps|pests|silverfish)")
_TROUBLES = (_PESTS + r"|stains?|smells?|odou?rs?|leaks?|drips?|squeaks?|rattles?|noises?|"
             r"pain|aches?|headaches?|damp|mou?ld|rust|problems?|issues?|infestations?")
GONE = re.compile(
    r"\b(?:(?:the|my|our|all(?: the)?|those|these) )?(?:[\w-]{1,25} )?(?:" + _TROUBLES + r")"
    r"(?: (?:is|are|was|were|has been|have been)|'s|'re)? (?:(?:all|completely|totally|finally|"
    r"now|long|really) )*(?:gone|disappeared|vanished)\b(?! (?:right |straight )?(?:through|into|"
    r"up|off|everywhere|darker|worse|bad|mouldy|moldy|green|black)\b)|"
    r"\bno more (?:[\w-]{1,25} )?(?:" + _TROUBLES + r")\b|"
    r"\b(?:" + _PESTS + r"|mou?ld|damp|pain)[ -]free\b|"
    r"\b(?:\w+ )?(?:problem|issue|infestation)s?[.!,]? (?:not|no) (?:anymore|any more|longer)\b",
    re.I)


# Suggestions and requests are not verdicts: "it would be nice if …", "could you add …".
SUGGESTION = re.compile(
    r"\b(?:could you|can you|would you|please (?:add|consider|bring|stock|open|cancel|resend|"
    r"hold|note|extend|freeze|pause|postpone|transfer|print)|requesting|just letting you know|"
    r"just so you know|heads up|"
    r"it (?:might|would|could) be (?:useful|nice|great|good|helpful|better)|would be (?:nice|"
    r"great|helpful|good|better) (?:if|to)|hope that'?s (?:ok|okay|fine|alright)|i suggest|"
    r"suggestion|(?<!how )is it possible(?! that)|any chance|(?:i'?d|i would) like to "
    r"(?!thank|say|give|praise|"
    r"compliment|recogni[sz]e|shout|mention|commend)|i want to (?:change|cancel|return|know|ask|"
    r"update|book|order)|i'?d (?:love|like) to know|would love to know|"
    r"(?:do|are) you (?:plan|planning))\b")

# A complaint situation that did not happen ("not one item has arrived damaged"), or the
# customer's own.
_DENIED = re.compile(r"\b(?:not (?:one|a single|once)|never|haven'?t (?:once|ever)|zero|"
                     r"without (?:a|any|a single))\b[^.!?,;]*$|\bno $|"
                     r"\bcould(?:'ve| have)(?: easily)? $|"  # "could have charged me, but …"
                     # the customer's own plan: "I'll pick it up 15 minutes late"
                     r"\b(?:i'?ll|i will|we'?ll|we will|i might|i may|we might|we may) (?:be|pick|"
                     r"collect|come|arrive|get|drop)\b(?: [\w']+){0,4} $|"
                     # another business's failing, told to praise this one
                     r"\b(?:the|my|our) (?:last|previous|old|other|former) (?:\w+ )?(?:school|"
                     r"place|company|shop|garage|provider|bank|dentist|vet|clinic|agency|firm)"
                     r"(?: \w+){0,2} $|\b(?:i|we) (?:was|were) running $",
                     re.I)


# Someone else waited for the customer: "the courier waited 5 mins while I parked".
_WAITED_FOR_ME = re.compile(r"\s*(?:while (?:i|we)|for (?:me|us)|until (?:i|we))\b")
_WE_WAITED = re.compile(r"\b(?:i|we|i'?ve|we'?ve|i had|we had)\s*$")


# "They said it was 'basically the same'. It isn't.": a state the shop claimed, then denied.
# Only what someone said, claimed or promised; not a feared state ("'a nightmare'. It
# wasn't."), nor an event ("'it'll hurt'. It didn't."), nor a guidebook's "'basic'".
_CLAIM_DENIED = re.compile(r"\b(?:said|says|told|claimed|claims|promised|promises|assured|"
                           r"insisted|confirmed)\b[^.!?]{0,60}?[\"'“‘]([^\"'”’]{2,80})[\"'”’]"
                           r"[.!]? (?:it|they|that|he|she) (?:is|was|are|were|has|have)"
                           r"(?:n'?t| not)(?= ?[.!]|$)")


def complaint_cues(text: str) -> bool:
    """A complaint situation somewhere in the text, unless the text says it never happened."""
    low = text.lower()  # the cues are lower case; matching without re.I is 4× faster
    return any(not _DENIED.search(low[max(0, m.start() - 50):m.start()])
               and not (m.group().startswith("wait") and _WAITED_FOR_ME.match(low, m.end())
                        and not _WE_WAITED.search(low, 0, m.start()))
               for m in COMPLAINT_CUES.finditer(low)) or (
        "n" in low and any(score_english(m.group(1)) >= 0 for m in _CLAIM_DENIED.finditer(low)))


def praise_cues(text: str) -> bool:
    return bool(PRAISE_CUES.search(text.lower()))


def suggestion(text: str) -> bool:
    return bool(SUGGESTION.search(text.lower()))
