from kiosk.analysis.themes import ThemeMatcher, default_matcher, parse_themes


def test_default_taxonomy_in_both_languages():
    m = default_matcher()
    assert m.find("Kasadaki Ayşe Hanım çok güler yüzlüydü", "tr") == ["staff"]
    assert m.find("40 dakika bekledim, ekmekler bayattı", "tr") == ["speed", "freshness"]
    assert m.find("Siparişim gelmedi, uygulama çöktü", "tr") == ["delivery", "app"]
    assert m.find("guler yuzlu personel, tertemiz magaza", "tr") == ["staff", "cleanliness"]
    assert m.find("Great fresh bread and friendly staff", "en") == ["staff", "freshness"]
    assert m.find("prices went up again", "en") == ["price"]
    assert m.find("Merhaba", "tr") == []


def test_an_edited_taxonomy_is_used_as_given():
    themes = parse_themes('[parking]\ntr = "Otopark"\nen = "Parking"\n'
                          'keywords_tr = ["otopark*"]\nkeywords_en = ["parking", "car park"]\n')
    m = ThemeMatcher(themes)
    assert m.find("Otoparkta yer yoktu", "tr") == ["parking"]
    assert m.find("The car park was full", "en") == ["parking"]
