"""What Turkish staff did, in the text as written, with or without Turkish letters: a problem
put right ("yenisini getirdiler"), a trouble gone ("fare sorunumuz bitti"), a kind act ("arayıp
haber verdi"), and an act done badly, which is no kind one ("2 saat geç getirdi").

The story a text tells around these is read in sentiment.read_signals; the phrases that
settle a verdict on their own, matched on folded text, are in turkish_cues.
"""

from __future__ import annotations

import re

# A problem put right ("aynı akşam yenisini getirdiler", "3 dakika sonra iade hesabımdaydı").
RECOVERY = re.compile(
    r"(?<!\w)(?:yenisi(?:ni|yle)? (?:getir|ver|gönder|gonder|yolla|değiştir|degistir)\w*|"
    # the replacement came, however said: "ertesi gün yenisi geldi", "doğrusu gönderildi"
    r"(?:yenisi|doğrusu|dogrusu|sağlamı|saglami) (?:(?:\w+ )?(?:içinde|icinde|sonra|gün|gun|"
    r"saatte|günde|gunde) )?(?:geldi|getirildi|getirilip|gönderildi|gonderildi|takıldı|takildi|"
    r"verildi|kapıdaydı|kapidaydi)\w*|"
    r"iade (?:etmiş|etmis|etti|edildi|yapıldı|yapildi|hesab)\w*|(?:hemen|anında|aninda|aynı gün|"
    r"ayni gun) (?:çözdü|cozdu|ilgilendi|değiştirdi|degistirdi|getirdi|gönderdi|gonderdi)\w*|"
    r"(?:para|ücret|ucret)(?:sını|sini|sı|si)? almadı\w*|param(?:ı|i)? geri (?:geldi|yattı|yatti|"
    r"verdiler|aldım|aldim)\w*|yepyeni gibi|ilk günkü gibi|ilk gunku gibi)", re.IGNORECASE)
# A trouble gone, which is what the visit was for: "fare sorunumuz bitti", "hamam böceklerinden
# kurtulduk", "lekeler tamamen gitti". Read as "sorun çözüldü": the pest is not the complaint.
_TROUBLE = (r"(?:fare|s[ıi][çc]an|b[öo]cek|hamam ?b[öo]ce[ğgk]|tahta ?kurus|kar[ıi]nca|pire|termit|"
            r"g[üu]ve|ha[şs]ere|leke|s[ıi]z[ıi]nt[ıi]|g[üu]r[üu]lt[üu]|a[ğg]r[ıi]|k[üu]f|rutubet|"
            r"sorun|problem|dert|s[ıi]k[ıi]nt[ıi])")
# plural, possessive: "fareler", "sorunumuz", "ağrım"; not "lekeli", "sorunlu"
_OWNED = r"(?:l[ae]r)?(?:[ıiuü]?m[ıiuü]z|[ıiuü]?m|s[ıiuü]|[ıiuü]|y[ıiuü])?"
GONE = re.compile(
    r"(?<!\w)" + _TROUBLE + _OWNED + r" (?:(?:tamamen|art[ıi]k|k[öo]kten|sonunda|hemen) )?"
    r"(?:bitti|kalmad[ıi]|ge[çc]ti|tarih oldu|yok oldu|kayboldu|gitti)(?!\w)|"
    r"(?<!\w)" + _TROUBLE + _OWNED + r"n?[dt][ae]n (?:(?:tamamen|sonunda|nihayet|hemen|kolayca|"
    r"art[ıi]k|tek|bir|iki|ilk|ila[çc]lamayla|seferde|ziyarette|g[üu]nde|haftada|(?:\w+ ){0,2}"
    r"sayesinde) ){0,3}?"
    r"kurtul(?:duk|dum|dunuz|dular|mu[şs]|du)\w*", re.IGNORECASE)
# The staff put something right ("ekranı değiştirdiler", "işlemi hemen durdurdu").
RESOLVED = re.compile(
    r"(?<!\w)(?:de[ğg]i[şs]tirdi\w*|de[ğg]i[şs]tirip|de[ğg]i[şs]tirildi\w*|tamir etti\w*|"
    r"halloldu\w*|hallolmu[şs]\w*|yeniden kestiler|d[üu]zeltti\w*|d[üu]zeltip|geri y[üu]kle\w*|"
    r"tamir edip|"
    r"tamir edildi\w*|[çc][öo]zd[üu]\w*|[çc][öo]z[üu]ld[üu]\w*|hallett\w*|halledip|halledildi\w*|"
    r"durdurdu\w*|durdurup|engelledi\w*|engelleyip|yenisini|iade etti\w*|kurtard[ıi]\w*|"
    r"tamamlad[ıi]\w*|tamamlay[ıi]p|telafi etti\w*|sorunu (?:buldu|tespit etti|g[öo]rd[üu])\w*|"
    r"do[ğg]ru adrese (?:y[öo]nlendirdi|ula[şs]t[ıi]rd[ıi]|g[öo]nderdi|getirdi)\w*|"
    r"kaybol\w* (?:\w+ ){0,2}bul(?:mu[şs]|du|up)\w*|do[ğg]rusu\w* (?:\w+ )?(?:geldi|"
    r"g[öo]nderildi|getirildi)|yola [çc][ıi]kard[ıi]\w*|fark edip|d[üu]zeldi\w*|"
    r"[öo]deme (?:\w+ ){0,3}"
    r"yap[ıi]ld[ıi]|[öo]dendi|hesab[ıi]ma ge[çc]ti|ar[ıi]zay[ıi] "
    r"(?:uzaktan )?(?:tespit edip|buldu|giderdi))"
    # not "üç kez düzelttim", "kendimiz çözdük": the customer put it right, not the staff
    r"(?<![dt][ıiuü][mk])(?!(?<=[dt][ıiuü])[mk](?!\w))",
    re.IGNORECASE)
# A kind act ("arayıp haber verdi", "poşetleri taşıdı"): clears a story's bad words only
# when the story ends in thanks or praise.
# An act done badly is no kind one: "2 saat geç getirdi", "soğuk getirdiler", "kırık gönderdi"
# (the word right before the act, across any spaces; "gecikmeli geldiğini anlattı" is kind).
_DONE_BADLY = re.compile(
    r"(?<!\w)(?:geç|gec|gecikmeyle|gecikmeli|eksik|yanlış|yanlis|soğuk|soguk|kırık|kirik|ezik|"
    r"hasarlı|hasarli|bozuk)\s+$", re.IGNORECASE)


class _KindAct:
    """A pattern of kind acts whose matches an act done badly does not count as."""

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern

    def finditer(self, text: str, pos: int = 0):
        return (m for m in self.pattern.finditer(text, pos)
                if not _DONE_BADLY.search(text, max(0, m.start() - 40), m.start()))

    def search(self, text: str, pos: int = 0) -> re.Match | None:
        return next(self.finditer(text, pos), None)


HELPED = _KindAct(re.compile(
    r"(?<!\w)(?:(?:buldu|getirdi|g[öo]nderdi|yollad[ıi]|anlatt[ıi]|ilgilendi|[öo]nerdi|"
    r"ta[şs][ıi]d[ıi]|ayarlad[ıi]|arad[ıi]|uyard[ıi]|oturttu|a[çc]t[ıi])(?:lar|ler)?(?!\w)|bulup|"
    r"getirip|aray[ıi]p|"
    r"izin verdi(?:ler)?|yard[ıi]m(?:c[ıi])? ol\w*|yard[ıi]m etti(?:ler)?|sakinle[şs]tirdi\w*|"
    r"[öo]z[üu]r diledi\w*|indirim tan[ıi]mlad[ıi]\w*|yeniden ayarlad[ıi]\w*|benim yerime|"
    r"bizim yerimize|buldurdu\w*)",
    re.IGNORECASE))
