"""Signs of irony that work the same way in every language, given that language's scorer.

English and Turkish each find their own praise openers and closers; what the two signs
mean together, and when applause is ironic, does not depend on the language.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_CLAP = re.compile("👏")
_QUOTED_SPAN = re.compile(r"[\"“‘«][^\"”’»\n]{0,60}[\"”’»]")  # a name on a cake, not praise
_EXCLAIMED = re.compile(r"\s*(?:[,.;:!?…—-]|$)")
_STOPS = ",.;:!?…"
# A crooked mouth ":/" (not the "://" of a link) mocks the thanks beside it, in any language.
CROOKED_MOUTH = r"(?<![a-z]):-?/(?!/)"


def _last_part(text: str) -> str | None:
    """The last stretch between stops that has a word in it ("… eksiksiz 👏" of "Kargo
    hızlı, her şey eksiksiz 👏!"). A scan, not a regular expression: one anchored at the
    end is tried from every character and costs the square of a sentence."""
    last = len(text) - 1
    while last >= 0 and not (text[last].isalnum() or text[last] == "_"):
        last -= 1
    if last < 0:
        return None
    start = max(text.rfind(stop, 0, last) for stop in _STOPS) + 1
    ends = [i for i in (text.find(stop, last) for stop in _STOPS) if i >= 0]
    return text[start:min(ends, default=len(text))]

Score = Callable[[str], float]


def framing(text: str, opener: re.Match | None, closer: re.Match | None, score: Score) -> int:
    """Weak sarcasm signs from praise opening and closing a text. One sign for either, or
    for both around praise ("Harika hizmet, teşekkürler"; a lone "Brilliant." is both);
    two when a flat middle of three words or more lies between them ("great, the ATM ate
    my card. on a sunday. wonderful.")."""
    middle = text[opener.end():closer.start()] if opener and closer else ""
    # An opener that is an exclamation ("Harika, …", "great. …"), not the first word of a
    # praise that goes on ("harika bir alışveriş oldu, teşekkürler").
    exclaimed = bool(opener) and (opener.group().rstrip()[-1:] in ",.;:!?…—-"
                                  or bool(_EXCLAIMED.match(text, opener.end())))
    if exclaimed and len(middle.split()) >= 3 and score(middle) <= 0.05:
        return 2
    return int(bool(opener or closer))


def ironic_applause(text: str, negative_context: bool, score: Score) -> bool:
    """Applause beside a complaint, or after a plain fact ("… and my son's name is Mehmet
    👏"), is ironic; on its own or after praise ("… her şey eksiksiz 👏") it is applause."""
    if not _CLAP.search(text):
        return False
    if negative_context:
        return True
    part = _last_part(_QUOTED_SPAN.sub(" ", text))
    return part is not None and len(part.split()) >= 2 and score(part) <= 0.05
