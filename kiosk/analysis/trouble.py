"""A trouble gone: "no more mice", "bed bugs are gone", "fare sorunumuz bitti", "hamam
böceklerinden kurtulduk". The pest or the leak is what the visit was for, so the rules read it
as the trouble solved, not as a complaint about it; the phrases themselves are each
language's (english_cues.GONE, turkish_acts.GONE). Not where the writer only thought so, where
it came back, or where it went with the customer to another company.
"""

from __future__ import annotations

import re

# A trouble only thought gone: "I thought the mice were gone", "sorunum bitti sanmıştım".
_THOUGHT = re.compile(r"\b(?:thought|hoped|assumed|seemed|believed|supposed to|wish|if only|"
                      r"want)\b", re.I)
_THOUGHT_AFTER = re.compile(r"\s*(?:san(?:m|d|[ıi]yor|[ıi]p)|zann|diye|gibi|m[ıiuü]\b|"
                            r"de(?:d|r|m|y)|s[öo]yle)\w*", re.I)
# Nor one that came back or left with the customer ("once we switched to another company"),
# nor "olmadık sorun kalmadı" (every trouble there was, we had).
_CAME_BACK = re.compile(r"\b(?:(?:yine|tekrar|geri) (?:\w+ ){0,2}(?:gel|ba[şs]la|[çc][ıi]k|"
                        r"g[öo]r[üu]l|ortaya)\w*|(?:came|come|are|is|were|was) back|returned|"
                        r"again (?:after|the next|a week|within|in \d))", re.I)
_ELSEWHERE = re.compile(r"\b(?:switch\w*|another (?:company|provider|firm|shop|bank)|elsewhere|"
                        r"ba[şs]ka (?:bir )?(?:firma|[şs]irket|banka|yer)\w*)", re.I)
_NONE_WE_LACKED = re.compile(r"\w+(?:m[ae]d[ıiuü][kğg]\w*|m[ae]yen)\s+$", re.I)


def trouble_gone(text: str, gone: re.Pattern, solved: str) -> str:
    """`text` with each trouble gone (a match of the language's `gone`) told as `solved`."""
    return gone.sub(
        lambda m: m.group() if _THOUGHT.search(text, max(0, m.start() - 30), m.start())
        or _THOUGHT_AFTER.match(text, m.end()) or _CAME_BACK.search(text, m.end(), m.end() + 60)
        or _ELSEWHERE.search(text, max(0, m.start() - 40), m.end() + 60)
        or _NONE_WE_LACKED.search(text, max(0, m.start() - 30), m.start())
        else solved, text)
