"""Turkish idioms the score reads in plain words, rewritten before it reads them: "hiç
beklemediğim kadar hızlı" is "çok iyi", "zammı sildirdi" is "sorun çözüldü", "keşke her
firma böyle olsa" is "harika", "kaba birine denk gelmedim" is "rastlamadım". Each pattern is
written with and without Turkish letters.
"""

from __future__ import annotations

import re

# "Hiç beklemediğim kadar hızlı": faster than expected, not a wait.
_BEYOND_EXPECTED = re.compile(r"(?:[Hh]i[çc] )?[Bb]eklemedi[ğg]im(?:iz)? (?:kadar|ölçüde|olcude|"
                              r"derecede)|[Bb]ekle(?:di[ğg]im|nti(?:m|miz))(?:in|ın|iz|ızın|"
                              r"imizin)? (?:[çc]ok |epey |fazlas[ıi]yla )?(?:[üu]st[üu]nde|"
                              r"[üu]zerinde|[öo]tesinde)")
# "beklediğimden iyi / kötü": than expected, the adjective says which way
_THAN_EXPECTED = re.compile(r"[Bb]ekledi[ğg]imden(?: daha)?")
# "Neden daha önce gelmemişim", "gelmedik ki": the customer's own delay, a compliment; not
# "gelmedi". Written with and without Turkish letters, so complaint cues read it folded too.
OWN_DELAY = re.compile(r"\b(?:[Nn]eden|[Nn]iye) daha [öo]nce \w+m[ae](?:m[ıi][şs][ıi](?:m|z)\b|"
                       r"d[ıi](?:m|k)\b)")
# "Memnun kalmamak elde değil": one cannot help being pleased.
_CANNOT_HELP = re.compile(r"(\w+)m([ae])m\2k elde de[ğg]il\w*")
# "İki servisin çözemediği arıza", "başka yerde bulamadığım parça": others failed, not us.
_OTHERS_FAILED = re.compile(
    r"(?:(?:[Bb]a[şs]ka|[Dd]i[ğg]er) (?:\w+ )?|(?:[İi]ki|[Üü][çc]|[Dd][öo]rt|\d+) (?:farkl[ıi] )?)"
    r"(?:servis|yer|ma[ğg]aza|usta|doktor|eczane|[şs]ube|market|firma|tamirci|d[üu]kkan|"
    r"operat[öo]r|[şs]irket)\w* (?:\w+ ){0,2}?(?:[çc][öo]zemedi[ğg]|bulamad[ıi][ğg]|"
    r"ula[şs]amad[ıi][ğg]|yapamad[ıi][ğg]|tamir edemedi[ğg]|"
    r"anlayamad[ıi][ğg]|[çc][öo]z[üu]lemeyen|bulunamayan|yap[ıi]lamayan|tamir edilemeyen)\w*"
    r"(?:(?: \w+)? (?:ar[ıi]za|sorun|problem|hata|dert)\w*)?")


# "Yardımı olmasa aboneliği açamazdık": without her we could not have, so she made it happen.
_WITHOUT_WHOM = re.compile(r"(?:[Yy]ard[ıi]m|[Dd]este[kğ]|[İi]lgi|[Çç]aba)\w* olmasa(?:yd[ıi])?\b"
                           r"[^.!?]{0,60}?(?<!\w)\w+(?:amaz|emez)d[ıiuü]\w*")
# "Gecikme zammını sildirdi", "tutanak iptal edildi", "fazla ödediğim tutar iade edildi": a
# charge taken back is a problem put right, not a cancellation or a penalty.
_CHARGE_DROPPED = re.compile(
    r"(?<!\w)(?:ceza|zam|bor[çc]|tahakkuk|tutana[ğg]|[üu]cret|bedel|faiz|ihtarname|ihbarname|"
    r"fark|fazla (?:[öo]de|[çc]ekil|al[ıi]n)\w*)\w*(?: [^\W\d]+| [\d.,]+ (?:tl|lira)){0,4}? "
    r"(?:iptal (?:edildi|etti|ettirdi|oldu)|silindi|sildi|sildirdi|kald[ıi]r[ıi]ld[ıi]|"
    r"kald[ıi]rd[ıi]|d[üu][şs][üu]r[üu]ld[üu]|iade (?:edildi|etti)|geri [öo]dendi|"
    r"hesab[ıi](?:ma|m[ıi]za) (?:yat[ıi]r[ıi]ld[ıi]|yatt[ıi]|ge[çc]ti))\w*", re.IGNORECASE)
# "kaba bir şoföre denk gelmedim" is "rastlamadım": never met, not a delivery that never came.
BAD_MET = (r"(?:kaba|k[öo]t[üu]|rezil|rezalet|sayg[ıi]s[ıi]z|ilgisiz|bozuk|kirli|so[ğg]uk|"
           r"yanl[ıi][şs]|eksik|sorun|problem|aksilik|terslik|s[ıi]k[ıi]nt[ıi]|hata|olumsuz|"
           r"surats[ıi]z|asabi|sinirli)\w*(?: \w+){0,3} ")
_CAME_ACROSS = re.compile(r"(" + BAD_MET + r")(denk|rast) gelme(di[mk]?|mi[şs]\w*)", re.I)
_AS_MET = {"di": "dı", "dim": "dım", "dik": "dık"}
# "Keşke her firma böyle olsa": a wish that all were like this one is praise of this one
# (not "keşke kasiyerler de böyle olsa", which asks the cashiers to be).
ALL_LIKE_YOU = re.compile(r"[Kk]e[şs]ke (?:her|b[üu]t[üu]n|t[üu]m) (?:\w+ )?(?:firma|[şs]irket|"
                          r"i[şs]letme|ma[ğg]aza|market|banka|kargo|esnaf|doktor|hastane|"
                          r"klinik|restoran|kafe|otel|kurum|yer)\w* (?:b[öo]yle|"
                          r"sizin gibi|(?:sizin|bu) kadar (?:iyi|g[üu]zel|temiz|h[ıi]zl[ıi]|"
                          r"ilgili|[öo]zenli|titiz|kibar|nazik)) olsa\w*(?=\s*(?:[.!…]|$))")
_CHARGE_VERB = re.compile(r"iptal|sil|kald|d[üu][şs][üu]r|iade|[öo]dendi|hesab", re.IGNORECASE)


def rewrite(text: str) -> str:
    """`text` with each idiom told in plain words."""
    if "ekle" in text:  # most texts need none of these
        text = _THAN_EXPECTED.sub("çok", _BEYOND_EXPECTED.sub("çok iyi", text))
    if "nce" in text:
        text = OWN_DELAY.sub("iyi ki geldim", text)
    if "elde" in text:
        text = _CANNOT_HELP.sub(r"\1m\2k kesin", text)
    if "olsa" in text:
        text = ALL_LIKE_YOU.sub("harika", text)
    if "gelme" in text:
        text = _CAME_ACROSS.sub(
            lambda m: m.group(1) + "rastlama" + _AS_MET.get(m.group(3), "mış" + m.group(3)[3:]),
            text)
    if "olmasa" in text:
        text = _WITHOUT_WHOM.sub("çok yardımcı oldu", text)
    if _CHARGE_VERB.search(text):
        text = _CHARGE_DROPPED.sub("sorun çözüldü", text)
    if "ama" in text or "eme" in text or "yan" in text:  # -AmAdI, -(y)An
        text = _OTHERS_FAILED.sub("", text)
    return text
