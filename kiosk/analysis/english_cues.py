"""English cues: complaint situations, customers' formulas of praise, requests, hearsay,
stories of staff putting things right, and sarcasm markers (the counterpart of
turkish_cues). Scores come from english.score_english."""

from __future__ import annotations

import re

from kiosk.analysis import irony
from kiosk.analysis.english import HONEST_ACTS, score_english

# The staff put something right: a story's bad words are the problem they solved.
RESOLVED = re.compile(
    r"(?<!n't )(?<!not )(?<!never )(?<!nobody )(?<!no one )\b(?:replaced|fixed|repaired|sorted|"
    r"solved|resolved|blocked|rebooked|refunded|talked (?:me|us) through|calmed|reassured|"
    r"squeezed (?:me|us) in|took care|caught|spotted|warned|saved|rescued|swapped|called (?:me|"
    r"us) back|found (?:my|it|the|me)|posted (?:it|them)|kept (?:it|them)|froze (?:it|my \w+)|"
    r"waved it (?:off|away|through)|(?:came|is|was|looks?) (?:back )?(?:like|as good as) new)\b",
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
    r"stayed (?:late|behind|open|on)|ran after|chased (?:after )?(?:me|us)|carried|"
    r"(?:picked up|noticed|remembered|realised|realized) (?:that|it was|my|our|from)|"
    r"went out of (?:his|her|their|the) way|without (?:me |us )?(?:even )?asking)\b", re.I)

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
COMPLAINT_CUES = re.compile(
    # a wish that the basics worked: "would be nice if someone actually answered the phone"
    r"\bwould be (?:nice|great|good|lovely|helpful|amazing) if (?:\w+ ){0,5}?(?:actually |ever |"
    r"just )?(?:worked|answered|arrived|came|picked up|replied|responded|called back|turned up|"
    r"showed up|was (?:on time|open|working|clean|ready))\b|"
    # the one fault in a happy text: "only downside is …", "I'd just like the menu to have …"
    r"(?<!not )\b(?:only|one|biggest|main) (?:downside|drawback|gripe|complaint|issue|problem|"
    r"negative|niggle|criticism|letdown|let down|disappointment)(?! (?:at all|whatsoever))\b|"
    r"\b(?:i'?d|i would|we'?d|we would) (?:just |really )?like (?:the|it|them|you|your|there) "
    r"(?:\w+ ){0,4}to (?:be|have|stop|start|get|include|offer|use|serve)\b|"
    # a job not done, an apology never made: "didn't bring the right bits", "not even a call"
    r"\b(?:i'?m|i am|we'?re|we are|was|were|absolutely|totally|so|really) gutted\b|"
    r"\bnever (?:waited|queued|stood) so long\b|\bwas (?:\w+ )?(?:days|weeks|a week|a fortnight|"
    r"a month) ago\b|"
    r"\b(?:ordered|bought|paid for|asked for) (\d+(?:\.\d+)?) ?(kg|g|grams?|l|litres?|liters?|ml|"
    r"packs?|boxes|items|pieces|bottles)\b[^.!?]{0,60}?\b(?:received|got|came with|arrived with|"
    r"only) (?!\1 ?\2\b)\d+(?:\.\d+)? ?\2\b|"
    r"\bturns? out (?:it|they|he|she|that) (?:wasn'?t|weren'?t|didn'?t|isn'?t|aren'?t|was not|"
    r"were not|had not|hadn'?t)\b|\bis (?:anyone|anybody) (?:actually |even |ever )?(?:working|"
    r"there|here|in|on)\b|\bwho (?:designed|thought|decided|approved|came up with)\b|"
    r"\b(?:only )?half (?:done|finished|fitted|installed|assembled)\b|"
    r"\b(?:didn'?t|did not|never) (?:bring|send|include|install|fit|deliver|refund|replace|"
    r"repair|return (?:my|our|the))\b|\bnot even (?:an? )?(?:apology|sorry|call|reply|"
    r"response|text|e-?mail|explanation)\b|"
    r"\b(?:still (?:not|no|waiting|haven'?t|hasn'?t|didn'?t)|never (?:arrived|came|received|"
    r"showed|got|again)|nobody (?:came|answered|helped|cares)|no one (?:came|answered|helped)|"
    r"(?:want|need|demand|waiting for|wait for|where(?:'s| is) my|no|asked for|ask for|"
    r"request(?:ed|ing)?|give me|still no) (?:a |my |the |our )?(?:full )?refund|refund me|"
    r"wrong (?:order|item|product|change|address|size|colou?r|bag|house|door|flat|person|one)|"
    r"out of stock|sold out|"
    r"(?:waited|waiting|queued|queuing|stood) (?:for )?(?:over |almost |nearly )?(?:\d+|an?|"
    r"one|two|three|forty|half an?) (?:min|minute|minutes|mins|hour|hours|hrs)|"
    r"(?:hour|hours|minutes|mins|days|weeks) late|didn'?t (?:arrive|come|turn up|show)|"
    r"not (?:fresh|working|delivered|arrived)|cancel(?:l)?ed (?:my|our|the)|"
    r"charged (?:me |us |my card |my account )?twice|double charged|"
    r"(?<!expected the )(?<!expecting the )(?<!feared the )worst|never (?:again|"
    r"coming back)|"
    r"(?:way |far |much |a bit |bit )?too (?:loud|noisy|expensive|slow|small|crowded|busy|hot|"
    r"cold|long|salty|sweet|dry|greasy|pricey|dark|dirty|late|few|little|warm)|"
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
    r"through|get hold)|not what i (?:ordered|asked for|paid for)|(?:they|he|she|you|staff|"
    r"driver|courier|"
    r"cashier|someone|somebody) (?:\w+ )?(?:forgot|left out) (?:my|the|to|our)|(?:was|were|got) "
    r"(?:forgotten|left out)|out of date|past (?:its|the|their) (?:sell|use|best)|"
    r"(?:asked|told|reminded) (?:them|him|her|the \w+) (?:twice|three times|\d+ times|again)|"
    r"(?:stopped|stop) (?:selling|stocking|making|doing|offering)|used to be (?:good|great|"
    r"better|nice|lovely)|not as (?:good|nice|fresh) as (?:it|they) used to|"
    r"(?:never|didn'?t) (?:get|got|receive|received) (?:a |any |my |an )?(?:reply|response|"
    r"refund|call|email|confirmation|receipt|change)|"
    # service and repairs: refusals, things kept from the customer, goods that die early
    r"refused to|(?:wouldn'?t|won'?t|didn'?t) (?:let me|accept|replace|refund|exchange|"
    r"honou?r|take (?:it|them) back)|kept (?:me|us) waiting|(?:nobody|no one|no-one) told "
    r"(?:me|us)|(?:wasn'?t|weren'?t) told|(?:want|need|demand) (?:my|our) money back|"
    r"(?:they|you|he|she|courier|driver|store|shop|staff) (?:\w+ )?lost (?:my|our|the)|"
    r"without (?:my |our )?(?:permission|consent|telling (?:me|us)|warning|asking (?:me|us) "
    r"first)|(?:stopped working|broke|died|peeled|fell apart|fell off|came off|came apart|came "
    r"loose|fell down|cracked|failed) (?:\w+ ){0,3}?(?:after|within) "
    r"(?:only |just )?(?:\d+|a|one|two|three|four|five|a few) (?:days?|weeks?|hours?|months?|"
    r"fortnight|uses?|washe?s?)|"
    r"gave (?:me|us) (?:the |a )?wrong|"
    r"(?:queues?|lines?|wait) (?:is |are |was |were )?(?:always |so |very |absolutely )?(?:huge|"
    r"massive|endless|insane|enormous|a joke)|"
    r"not (?:as|like (?:the|it was)) (?:described|advertised|pictured|shown|promised|in the "
    r"(?:photo|picture|ad))|"
    # flat facts of a failed service
    r"on hold\b|hold music|(?:card|account)\w* (?:got |was |were |has been )?(?:cloned|hacked|"
    r"skimmed|compromised|stolen)|only (?:took|taking|takes) (?:\w+ )?(?:\d+|two|three|four|five|"
    r"six) (?:weeks|months)|not so much|(?:,|;|\.)\s*(?:the |their |your )?\w+(?: \w+)? (?:was|"
    r"were|is|are|"
    r"did) not(?=\s*[.!]*\s*$)|could (?:be|have been) (?:a (?:bit|lot|little) )?(?:better|improved|"
    r"faster|cleaner|friendlier|cheaper|quicker|clearer)|could do with|needs? (?:improvement|"
    r"improving|work)|room for improvement|leaves? (?:a lot |much )?to be desired|"
    r"(?<=\w )(?<!\bi )(?<!\bwe )forgot (?:our|my|the|to|his|her)\b|(?:card|payment|"
    r"transaction)s? (?:was |were |got |keeps getting |kept getting )?(?:declined|rejected|"
    r"refused)|(?:signal|connection|calls?|wifi|wi-fi|internet|line)\w* (?:\w+ ){0,2}(?:drops?|"
    r"dropped|dropping|cuts? out|keeps cutting)|transferred (?:\w+ ){0,3}(?:\d+|three|four|five|"
    r"several|multiple) (?:times|departments|people)|nobody knew|no one knew|"
    r"passed (?:me )?(?:around|between)|photos (?:are|were) (?:clearly )?"
    r"(?:from|old|outdated)|nothing like (?:the )?(?:photos?|pictures?|description)|(?:has|have) "
    r"been (?:cold|broken|out of order|closed|down|off|leaking) for|marked (?:as )?delivered|"
    # online orders: a status that is not true, a refund not there, a promise long past
    r"(?:marked|scanned|listed|shows?|showed|says) (?:\w+ ){0,2}(?:as )?[\"“'‘](?:delivered|left|"
    r"collected|refused|recipient|handed|attempted|failed|not (?:home|available)|nobody|no one|"
    r"customer|address)|"
    r"(?:hasn'?t|has not|haven'?t|have not|wasn'?t|not) (?:been )?updated (?:since|for)|"
    r"nothing (?:in|on) (?:my|the|our) (?:account|card|statement|bank)|no sign of (?:my|the|our|a) "
    r"(?:refund|money|parcel|order|package|delivery)|(?:days?|weeks?|hours?) and counting|"
    r"(?<=[.!?] )that was (?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"yesterday|last week|(?:\d+|two|three|four|five|six|ten) (?:days|weeks) ago|a week ago)"
    r"(?=\s*[.!]|$)|"
    r"without (?:answering|replying|responding|fixing|solving|resolving|a (?:reply|word|"
    r"warning|fix)|an? (?:answer|explanation)|any (?:reply|answer|explanation|warning|notice))|"
    # banks and insurers: a status in quotes for weeks, what was said and never done
    r"(?:been|is|was|stuck|says|shows|still|sat|sitting) [\"“'‘][^\"”'’]{3,30}[\"”'’] (?:for|"
    r"since) "
    r"(?:(?:\d+|two|three|four|five|six|a|over a) (?:days?|weeks?|months?)|monday|tuesday|"
    r"wednesday|"
    r"thursday|friday|saturday|sunday|last week|last month|january|february|march|april|may|june|"
    r"july|august|september|october|november|december)\b|said [\"“'‘][^\"”'’]{2,20}[\"”'’] "
    r"(?:\w+ )?(?:days?|weeks?|months?) ago|you'?d think (?:a|an|the|they|you)\b|not (?:a single|"
    r"one) (?:update|reply|call|email|word|response)\b|nobody (?:there |here )?knows\b|when it "
    r"works\b|stopped (?:replying|answering|responding|calling)|"
    r"(?P<asked>\b[a-z]+(?: [a-z]+)?)\? what (?P=asked)|"
    r"(?:been|is|was|stuck (?:on|at)|says|shows|still) [\"“'‘](?:out for delivery|on (?:its|the) "
    r"way|in transit|processing|preparing|dispatched|shipped)[\"”'’] (?:for|since) (?:(?:\d+|two|"
    r"three|four|five|six|a|over a) (?:days?|weeks?|hours?)|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|yesterday|last week)|"
    r"(?<!as )(?:your|the) (?:website|site|app|ad|advert|listing|product page|page) (?:clearly )?"
    r"(?:says|states|promises)(?![^?.!]{0,80}\?)|"
    r"how (?:is|are|was|can) [\"“'‘][^\"”'’]{2,40}[\"”'’] \w+|"
    r"(?:arrived|came|turned up)[.,!]? (?:completely )?(?:empty|open|opened|torn|crushed|soaked|"
    r"smashed)\b|(?:to|at) the wrong (?:address|building|house|flat|door|floor|person)|"
    # repairs and car care: the fault still there, work paid for and not done, damage left
    r"(?:still|'s still|is still|are still) there after (?:the |a |my |your )?[\"'‘“]?(?:repair|"
    r"service|"
    r"fix|visit|treatment|cleaning|clean|wash|valet|update|engineer|technician)|"
    r"problem'?s? (?:is )?still there|"
    r"(?:told me|said) (?:that )?(?:it was|it'?d be|it would|it will|the \w+ (?:would|will|was)|"
    r"they'?d|we'?d|he'?d|she'?d)[^.!?]{0,60}[.!?]\s*(?:it|they|he|she) "
    r"(?:wasn'?t|weren'?t|didn'?t|hadn'?t|never did|isn'?t|won'?t)\b|the old (?:ones?|parts?|"
    r"pads?|filters?|"
    r"battery|tyres?|tires?) (?:are|is|were|was) still|(?:doesn'?t|don'?t|didn'?t) match|"
    r"(?:extra|more) (?:km|miles|kilometres|kilometers) on the (?:clock|odometer)|"
    r"left (?:a |an )(?:\w+ )?(?:scratch|dent|stain|mark|smear|crack|hole|chip)|left (?:scratches|"
    r"dents|stains|marks)|left (?:full of|"
    r"covered in)|smells? (?:of|like) (?:smoke|cigarettes?|petrol|fuel|bleach|damp|mould|mold|"
    r"sick)|what kind of \w+ (?:doesn'?t|don'?t|can'?t|won'?t|wouldn'?t)|laugh(?:ing|ed|s)? at "
    r"(?:me|us\b|(?:my|our) (?:question|problem|complaint|accent|english|turkish|car|request))|"
    r"we'?re (?:now )?on (?:week|day|month) \w+|thanks? (?:you )?(?:so much )?"
    r"for (?:scratching|breaking|losing|damaging|ruining|ignoring|forgetting|wasting|denting|"
    r"overcharging|cancelling)|(?:ac|a/c|air ?con\w*|aircon) (?:\w+ )?(?:blows|blowing) (?:warm|"
    r"hot)|heater (?:\w+ )?(?:blows|blowing) cold|(?<!not )(?<!no )(?:a|another) new (?:rattle|"
    r"noise|leak|squeak|"
    r"knock|fault|scratch|dent)|(?:engine|warning|check engine|oil|abs|battery) (?:light|lamp)s? "
    r"(?:came|come|comes|went) (?:on|back)|"
    r"hung up on|rolled (?:her|his|their) eyes|(?:almost|nearly) (?:left|walked out)|"
    r"walked out (?:without|empty|in disgust)|"
    r"logs? (?:me|us) out|logged (?:me|us) out|still nothing|lost a (?:loyal |regular )?customer|"
    r"the same (?:fault|problem|issue|defect)|(?:has|had|have|there (?:were|was|are|is)) none\b|"
    r"none (?:left|in stock|"
    r"available)|rip[- ]?off|daylight robbery|(?:\d+|two|three|four|five|six|several) (?:days|"
    r"weeks|months) later|not covered by (?:the |my |your )?(?:warranty|guarantee)|(?:warranty|"
    r"guarantee) "
    r"(?:doesn'?t|does not|won'?t|wouldn'?t) cover|(?:waited|queued|stood|sat) (?:\w+ ){0,5}for "
    r"(?:over |almost |nearly |about )?"
    r"(?:\d+|an?|half an?) ?(?:min|mins|minutes|hours?)|expires? in (?:\d+|one|two|three|a) days?|"
    r"(?:about |only )?half the time|(?:asked|made|forced|had) (?:me |"
    r"us )?to (?:\w+ ){0,3}(?:\d+|three|four|five) times "
    r"(?:today|a day|this week|in a row)|can'?t find (?:it|them|anything) anywhere|"
    r"bring back the|only open (?:till|register|"
    r"checkout|counter|lane)|nobody (?:ever )?answer\b|(?:shelves?|section|shelf|fridge|"
    r"counter|racks?) (?:\w+ )?(?:was |were |is |are )?"
    r"empty|closed (?:for|all|the whole|every)|(?:1|one|0|zero|no) stars? (?:for|because)|"
    r"charged (?:me |us )?for the (?:full|whole|entire)|other (?:banks|shops|stores|companies|"
    r"places|garages|gyms) (?:do|don'?t|manage|offer|can)|"
    r"didn'?t (?:recline|lock|close|connect|heat|cool|turn on|start|print|scan|flush|drain)|"
    r"(?:hours?|minutes|mins) in (?:the|a) (?:queue|line)|in a loop|round in circles|"
    r"not (?:one|a single) (?:human|person|reply|response|answer|call)|"
    r"(?:nobody|no one|no-one) (?:mentioned|told|said|warned|explained|can explain)|"
    r"(?:split|tore|ripped|snapped|leaked|stopped working|died|broke) (?:in|within|after) "
    r"(?:\d+|a few|two|three|four) (?:days?|weeks?|months?)|after (?:keeping|holding) (?:it|them|"
    r"my \w+) for|out of order|under maintenance|upsold|(?:how|why) is (?:this|that|it) "
    r"(?:acceptable|normal|ok|okay|allowed)|is this (?:acceptable|normal|a joke)|are you serious|"
    r"don'?t expect (?:to|much|anything|a|an|the)|first and last time|food poisoning|"
    r"(?:got|get|made (?:me|us|him|her)) (?:sick|ill)|bed ?bugs?|cockroach\w*|roach(?:es)?|"
    r"\bmice\b|\brats?\b|(?:threw|thrown|throw|binned) (?:\w+ ){0,3}(?:away|in(?:to)? (?:the )?"
    r"(?:trash|bin|garbage|rubbish))|"
    r"still (?:says|shows|showing|reads|saying)|how hard (?:is|can) it be|how hard is it|"
    r"explain why|why (?:does|do|is|are|did|can'?t|won'?t) (?:\w+ ){0,3}(?:always|keep|"
    r"never|still)|never any (?:staff|one)|"
    r"no (?:staff|one) (?:around|to help|at the)|(?<!i )didn'?t even(?! (?:ask|question|argue|"
    r"know|notice|realise|realize|need|have to|feel|blink|hesitate|charge|flinch|sigh|mind))|"
    r"on (?:her|his|their) phones?|"
    r"only (?:one|1|two|2) (?:till|tills|cashier|checkout|register|person|staff)|"
    r"(?:got|received|sent) (?:the )?wrong|instead of (?:the|my|answering|replying|helping|fixing|"
    r"calling)|"
    # telecoms: the speed paid for and the speed got, sales nobody asked for, round and round
    r"pay(?:ing)? for (?:\d+ ?\w* )(?:and|but) (?:get|getting|got) \d+|\d+ ?mbps on an? \d+ ?mbps|"
    r"sold (?:\w+ ){0,6}(?:didn'?t|never|did not) ask(?:ed)? for|even (?:he|she|they) "
    r"(?:couldn'?t|could not|can'?t)|(?:fixed|solved|changed) nothing|nothing (?:was|got) fixed|"
    r"\bsame (?:dropouts?|problem|issue|fault|noise|error)s?,|is there (?:a single|one single) "
    r"(?:person|one|human|agent)\b|which is it\?|(?:callback|call back|refund|visit|appointment|"
    r"delivery|email|reply|engineer)\w* (?:\w+ ){0,3}never (?:happened|came|arrived|showed)|"
    r"(?:is|was) the (?:real )?problem\b|same (?:plan|tariff|package|deal|phone|product|item|"
    r"room|service) for (?:\d+ ?\w* )?(?:less|cheaper)|round and round|back and forth|"
    r"ping[- ]?pong|(?<=[.!?] )none (?:has|have|did|came|called)\b|don'?t bother with|"
    r"(?:was|were|is|are|arrived|came|running|always|again) (?:\w+ )?late|"
    r"(?:one|1|only one|a single) (?:till|checkout|cashier|register)s? (?:open|working)|"
    r"another (?:\d+|hour|day|week|half hour|\d+ minutes)s? (?:of )?(?:waiting|wait|queuing|"
    r"queueing|in (?:line|a queue)|late|on hold)|"
    r"(?:nobody|no one) (?:has |have )?(?:ever )?(?:answered|replied|called|responded|got back|"
    r"checked|came|bothered|apologi[sz]ed|helped|cleaned|cleared|showed up|turned up)|"
    r"cold (?:food|coffee|soup|meal|pizza|chips|fries|tea|burger)|(?:food|coffee|soup|meal|"
    r"pizza|tea|rice|fries|chips|burgers?|pasta|kebabs?|noodles|steak|chicken|lamb|dish|dinner|"
    r"lunch|breakfast|eggs|bread) (?:(?:was|were|is|are|arrived|came) (?:stone |still )?|stone )"
    r"(?:cold|lukewarm)|"
    # not what was ordered, or not all of it: "ordered chicken shish, got beef", "only four of
    # the six wraps were in the box" (never "ordered at 7, got it by 7:20")
    r"ordered (?:\w+ ){0,4}?\w+[,;.] (?:and )?(?:got|received|they sent) (?!it\b|them\b|my\b|"
    r"our\b|the (?:order|food|lot)\b|here\b|in\b|within\b|a (?:call|text|message|refund|free|"
    r"reply)\b|(?:\d+|an?|one|two) (?:min|hour|day)|exactly|just|loads|lots|plenty|more|"
    r"everything|extra|what)(?:(?:\w+ ){0,2}\w+(?=[.!?]|$)|(?:\w+ ){0,5}\w+ instead|"
    r"[^.!?]{0,40}\b(?:different|wrong)\b)|"
    r"only (?:\d+|one|two|three|four|five|six|seven|eight|half) (?:of (?:the|my|our) )"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\b|"
    r"(?:arrived|came|showed up|turned up|got here|was delivered) (?:\d+|an?|half an|two|three|"
    r"forty|thirty|twenty) (?:\w+ )?(?:minutes?|mins?|hours?) (?:late\b|after (?:the|our|my) "
    r"(?:meeting|appointment|slot|event|booking|party|wedding|ceremony|flight|start|time)\b)|"
    r"(?<!must have )(?<!must've )(?:asked|called|rang|emailed|chased|reminded \w+|requested)\b"
    r"[^.!?]{0,40}\b(?:three|four|"
    r"five|[3-9]) times\b|"
    r"(?:higher|more expensive|pricier|later|longer|slower) than (?:what )?(?:\w+ ){0,5}?(?:told|"
    r"quoted|promised|agreed|advertised|listed|said)\b|"
    # something that should work and did not, said flatly
    r"(?:hasn'?t|haven'?t|doesn'?t|don'?t|didn'?t|won'?t|isn'?t|wasn'?t|never|not) (?:even )?"
    r"(?:work|worked|working|open|opens|opened|load|loads|arrive|arrived|come|came|show|showed|"
    r"respond|responded|answer|answered|reply|replied|fit|charge(?! me| us| for| extra)|turn up|"
    r"turned up)|"
    # waits and delays with a number
    r"(?<!only )(?<!just )(?:(?:took|takes|taking) (?!(?:about |around )?(?:[1-9]|10|one|two|three|"
    r"four|five|ten|a) ?(?:min|mins|minutes)\b)|(?:after|waited|wait|waiting|queued|stood|"
    r"on hold for|late by) )"
    r"(?:over |almost |nearly |about |another )?(?:\d+|an?|one|two|three|four|five|ten|"
    r"twenty|thirty|forty|fifty|ninety|half an?) ?(?:min|mins|minutes|hours?|hrs|days|weeks|"
    r"months)|"
    # paid for one thing, got another
    r"(?:charged|paid|costs?|billed)\b.{0,50}\b(?:got|received|only|but)\b|"
    r"(?:\d+|two|three|four|five) (?:items?|things?|out) (?:of|from) (?:\d+|the)"
    r"(?! ?(?:stars?|points?))|"
    r"(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) (?:time|order|week)s? (?:now\b|in a row|"
    r"running)|every (?:single )?(?:time|week|order)[^.!?]{0,30}(?:missing|late|wrong|broken|"
    r"cracked)|(?:arrived|came|was|were) (?:all )?(?:crushed|cracked|squashed|leaking|"
    r"soaked|wet|melted|open|broken|missing|damaged|expired|mouldy|moldy|pink in the middle))\b")

# Customers' own formulas for praise that VADER scores as neutral.
PRAISE_CUES = re.compile(
    r"\b(?:five stars|5 stars|10/10|can'?t fault|couldn'?t fault|hats off|props to|kudos|"
    r"shout ?-?out to|big thanks|thank you so much|always on time|never (?:had|have) (?:a|any) "
    r"(?:single )?(?:problem|issue)s?|no complaints|highly recommend|keep it up|"
    r"above and beyond|made my day|can'?t go wrong|(?:what more|couldn'?t) (?:could you |"
    r"can you )?(?:ask|wish) for|worth every (?:penny|lira|cent|one|minute|mile|second|hour|"
    r"bit)|value for money|rock solid|solid as a rock|"
    r"money well spent|well spent|very happy|so happy|really happy|spot on|top marks|"
    r"top notch|nothing to complain about|that'?s (?:what i call )?service|"
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
    r"what more could (?:you|i|anyone) (?:want|ask for)|an absolute star|a (?:real )?gem)\b")

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


# Suggestions and requests are not verdicts: "it would be nice if …", "could you add …".
SUGGESTION = re.compile(
    r"\b(?:could you|can you|would you|please (?:add|consider|bring|stock|open)|"
    r"it (?:might|would|could) be (?:useful|nice|great|good|helpful|better)|would be (?:nice|"
    r"great|helpful|good|better) (?:if|to)|hope that'?s (?:ok|okay|fine|alright)|i suggest|"
    r"suggestion|is it possible|any chance|(?:i'?d|i would) like to (?!thank|say|give|praise|"
    r"compliment|recogni[sz]e|shout|mention|commend)|i want to (?:change|cancel|return|know|ask|"
    r"update|book|order)|i'?d (?:love|like) to know|would love to know|"
    r"(?:do|are) you (?:plan|planning))\b")

_SARCASM_STRONG = re.compile(
    r"\b(?:thanks for nothing|yeah,? right|said no one ever|what a joke|so much for|"
    r"(?:congrats|congratulations|well done|bravo|kudos|thanks|thank you|really appreciated?) "
    r"(?:on|for) (?:charging|losing|cancel\w*|forgetting|ruining|breaking|making me|overcharging|"
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
    r"if you (?:enjoy|like|love) (?:\w+ ){0,2}(?:dishwater|cardboard|waiting|"
    r"rubber|plastic|cold)|nothing says .{1,40} like|is it too much to ask|apparently (?:yes|not)|"
    r"\d+/10 for (?:creativity|effort)|what an? (?:great|brilliant|genius|fantastic) idea to|"
    r"only \d+ (?:minutes|mins|hours|days) late|oh (?:good|great|joy|wonderful|lovely|nice)|"
    r"(?<!\d)[0-4]/10 would|\d+/10 would [^.!?]{0,40}\b(?:\d+|an?) (?:min|mins|minutes|"
    r"hours?)\b|michelin[- ]star (?:service|experience)|(?:a )?(?:truly|real|true) "
    r"(?:premium|vip|five[- ]star) experience|keeps (?:me|life|things) (?:on my toes|"
    r"interesting|mysterious|exciting)|(?:minimalism|efficiency|customer service) at its finest|"
    r"more of a vibe|who knew|who needs|well played|asking for a friend|ah yes|"
    r"so glad i paid|complimentary (?:ant|hair|bug|insect|fly)|extra protein|close enough|"
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
    r"exactly what (?:you|i|we|one) (?:want|need)(?:ed)? (?:after|when|on)|totally (?:fair|"
    r"worth it|normal|reasonable|acceptable)|(?:nice|good|glad|great|lovely) to (?:know|see|hear) "
    r"(?:that )?(?:my|the|you|your)|totally (?:fair|"
    r"worth it|normal|reasonable|acceptable)|"
    r"(?:love|loving|enjoy|enjoyed|adore) (?:spending|waiting|standing|queuing|queueing|paying|"
    r"being (?:ignored|overcharged|kept waiting))|nothing (?:like|beats) (?:waiting|a \d+)|"
    r"love how|gotta love|got to love|five stars for (?:creativity|effort|trying|"
    r"the hold music|the wait|the queue|patience)|"
    r"(?:genius|brilliant|great|stellar|top) (?:staffing|planning|logic|idea|system)|"
    r"another (?:\d+|hour|day|week|half hour)|as always|as usual|what a (?:surprise|shock)|"
    r"(?:top|great|amazing|fantastic|stellar) (?:planning|service|job)(?:,| again| as)? "
    r"(?:again|as always|as usual|guys|team|folks)?[.!]*\s*(?:👏|🙄|😒|🤡)?\s*$)")
_SCARE_QUOTES = re.compile(
    r"[\"“'‘](?:fresh|arriving[^\"”']{0,20}|on time|quick|fast|express|friendly|helpful|"
    r"unlimited|free|included|no fee|no fees|instant|guaranteed|"
    r"(?:sugar|gluten|dairy|lactose|nut)[- ]free|organic|same[- ]day|next[- ]day|open 24 hours|"
    r"24/7|premium|\d+ minutes?|"
    r"service|customer service|\w+ in \d+ minutes)[\"”'’]", re.I)
# The dramatic pause before the twist: "arrived just in time... for tomorrow's breakfast".
_PAUSE = re.compile(r"(?:\.\.\.|…)\s*(?:(?:for|to|in|and|but|only|if|just|on)\b|(?:\w+ ){0,2}"
                    r"(?:later|after)\b)", re.I)
_EYE_ROLL = re.compile("[🙄😒🤡🙃]")
_LAUGH = re.compile("[😂🤣]")
# Quotation marks around a short phrase: the customer quoting a promise back ("'fresh'").
_QUOTED = re.compile(r"(?:^|\s)['\"“‘][^'\"”’\n]{2,30}['\"”’](?=[\s.,!?;:]|$)")
# "Top-notch hygiene: the guy wiped his nose" — a verdict, a colon, then the facts.
_VERDICT_COLON = re.compile(r"^\s*((?:[\w'-]+\s+){0,5}[\w'-]+)\s*:\s+(.+)$", re.S)
# A praise word left standing alone at the end, after the facts: "… at rush hour. Genius."
_CLOSING_PRAISE = re.compile(
    r"[.!?]\s+(?:genius|impressive|classic|fantastic|brilliant|bravo|great|perfect|lovely|"
    r"amazing|wonderful|superb|stellar|nice)[.!]*\s*(?:👏|🙄)*\s*$", re.I)


# A complaint situation that did not happen ("not one item has arrived damaged"), or the
# customer's own.
_DENIED = re.compile(r"\b(?:not (?:one|a single|once)|never|haven'?t (?:once|ever)|zero|"
                     r"without (?:a|any|a single))\b[^.!?,;]*$|\bno $|"
                     r"\bcould(?:'ve| have)(?: easily)? $|"  # "could have charged me, but …"
                     # the customer's own plan: "I'll pick it up 15 minutes late"
                     r"\b(?:i'?ll|i will|we'?ll|we will|i might|i may|we might|we may) (?:be|pick|"
                     r"collect|come|arrive|get|drop)\b(?: [\w']+){0,4} $",
                     re.I)


# Someone else waited for the customer: "the courier waited 5 mins while I parked".
_WAITED_FOR_ME = re.compile(r"\s*(?:while (?:i|we)|for (?:me|us)|until (?:i|we))\b")
_WE_WAITED = re.compile(r"\b(?:i|we|i'?ve|we'?ve|i had|we had)\s*$")


def complaint_cues(text: str) -> bool:
    """A complaint situation somewhere in the text, unless the text says it never happened."""
    low = text.lower()  # the cues are lower case; matching without re.I is 4× faster
    return any(not _DENIED.search(low[max(0, m.start() - 50):m.start()])
               and not (m.group().startswith("wait") and _WAITED_FOR_ME.match(low, m.end())
                        and not _WE_WAITED.search(low, 0, m.start()))
               for m in COMPLAINT_CUES.finditer(low))


def praise_cues(text: str) -> bool:
    return bool(PRAISE_CUES.search(text.lower()))


def suggestion(text: str) -> bool:
    return bool(SUGGESTION.search(text.lower()))


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
