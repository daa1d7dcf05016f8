"""Shout-outs: staff and branches named in Turkish and English."""

import pytest

from kiosk.analysis.mentions import Branch, Person, Roster, RosterError, find_mentions, parse_roster

ROSTER = Roster(
    [Person("Ayşe Yılmaz", "Kasa", "Kadıköy", aliases=("Ayşe Hanım", "Ayşe abla")),
     Person("Mehmet Aksoy", "Kasap", "Kadıköy", aliases=("Mehmet Bey", "Mehmet usta")),
     Person("Mehmet Kaya", "Fırın", "Çankaya"),
     Person("Can Demir", "Manav", "Kadıköy"),
     Person("Umut Polat", "Kurye", "Çankaya"),
     Person("Deniz Arslan", "Kasa", "Beşiktaş"),
     Person("Sevgi Aydın", "Kasa", "Beşiktaş"),
     Person("İsmail Doğan", "Kasap", "Alsancak"),
     Person("Elif Şahin", "Müşteri Hizmetleri", "Beşiktaş")],
    [Branch("Kadıköy", "İstanbul", ("Kadikoy",)), Branch("Çankaya", "Ankara"),
     Branch("Beşiktaş", "İstanbul"), Branch("Alsancak", "İzmir")])


@pytest.mark.parametrize("text, people, branches", [
    ("Kadıköy'deki Ayşe Hanım'a çok teşekkürler!", ["Ayşe Yılmaz"], ["Kadıköy"]),
    ("ayse hanim cok ilgiliydi, kadikoy subesine tesekkurler", ["Ayşe Yılmaz"], ["Kadıköy"]),
    ("Ayşeye ve Kadıköyde çalışan herkese selam", ["Ayşe Yılmaz"], ["Kadıköy"]),
    ("İSMAİL USTA'NIN ETLERİ HARİKA", ["İsmail Doğan"], []),
    ("Thanks to Elif at Beşiktaş for the help", ["Elif Şahin"], ["Beşiktaş"]),
    ("Kasadaki Can çok yardımcı oldu", ["Can Demir"], []),
    ("Umut'a teşekkürler, siparişi kapıya kadar getirdi", ["Umut Polat"], []),
    ("Deniz at the Beşiktaş till was lovely", ["Deniz Arslan"], ["Beşiktaş"]),
    ("Sevgi's patience with my kids was amazing", ["Sevgi Aydın"], []),
])
def test_shout_outs_are_found(text, people, branches):
    assert find_mentions(text, ROSTER) == (people, branches)


@pytest.mark.parametrize("text", [
    "Umut ettiğim gibi çıkmadı.",
    "Can you open earlier on Sundays?",
    "canımı sıktı bu kuyruk",
    "Deniz ürünleri reyonu çok taze",
    "Sevgiyle hazırlanmış pastalar",
    "I can say the bread was great",
    "Elif harfi gibi ince dilimlenmiş",
    "Can't fault the café or the cakes.",
    "Deniz ürünleri harika. Umut verici bir başlangıç.",
])
def test_names_that_are_words_are_not_mentions(text):
    assert find_mentions(text, ROSTER)[0] == []


def test_a_shared_first_name_needs_a_branch_to_say_who():
    assert find_mentions("Mehmet'e teşekkürler", ROSTER)[0] == []
    assert find_mentions("Çankaya'daki Mehmet'e teşekkürler", ROSTER)[0] == ["Mehmet Kaya"]
    assert find_mentions("Mehmet'e teşekkürler", ROSTER, item_branch="Kadıköy")[0] == \
        ["Mehmet Aksoy"]
    assert find_mentions("Mehmet Bey'in ilgisi için sağolun", ROSTER)[0] == ["Mehmet Aksoy"]


def test_roster_csv_needs_a_header_and_names():
    people = parse_roster("name,aliases,team,branch,email\nAyşe Yılmaz,Ayşe Hanım;Ayşe abla,"
                          "Kasa,Kadıköy,ayse@example.com\n")
    assert people[0].aliases == ("Ayşe Hanım", "Ayşe abla")
    assert people[0].email == "ayse@example.com"
    with pytest.raises(RosterError):
        parse_roster("Ayşe,Kasa\n")
    with pytest.raises(RosterError, match="line 2"):
        parse_roster("name,aliases,team,branch\n,x,y,z\n")


# Names no fixed list knows are words: a dictionary says so (kiosk/analysis/name_words.py).
WORD_ROSTER = Roster(
    [Person("Şeker Polat", aliases=("Seker",)), Person("Kuzey Aydın"), Person("Nehir Ünal"),
     Person("Dawn Fletcher"), Person("Miles Carter"), Person("Amber Collins"),
     Person("Duke Morrison"), Person("Ömer Tan"), Person("Zeynep Arslan")],
    [Branch("Kartal")])


@pytest.mark.parametrize("text,lang,people", [
    ("Kasadaki kız şeker gibiydi ama fiş yanlış çıktı.", "tr", []),
    ("Seker gibi bir mağaza olmuş.", "tr", []),
    ("Nehir manzaralı balkona uygun takım önerdiler.", "tr", []),
    ("Kuzey Marmara'ya teslimat var mı?", "tr", []),
    ("Waited from dawn till dusk for the fitters.", "en", []),
    ("Miles of queues at the tills again.", "en", []),
    ("Amber paint for the hallway came out lovely.", "en", []),
    ("Is the Duke armchair back in stock?", "en", []),
    # and the same names as people
    ("Şeker Hanım'a çok teşekkürler, kasada çok yardımcı oldu.", "tr", ["Şeker Polat"]),
    ("Kasiyer Kuzey siparişimi hemen buldu.", "tr", ["Kuzey Aydın"]),
    ("Dawn helped us pick a sofa and measured the doorway for us.", "en", ["Dawn Fletcher"]),
    ("Duke, the delivery driver, carried the bed up four floors.", "en", ["Duke Morrison"]),
    ("Huge thanks to Miles at the paint counter!", "en", ["Miles Carter"]),
    ("Zeynep çok ilgiliydi.", "tr", ["Zeynep Arslan"]),  # not a word: a capital is enough
    ("Omer the fitter was brilliant.", "en", ["Ömer Tan"]),
    # spoken to at the start, with a comma and thanks: the person, not the word
    ("Dawn, thank you for staying late to wrap the mirror!", "en", ["Dawn Fletcher"]),
    ("Miles, if you read this: the sofa fits perfectly.", "en", ["Miles Carter"]),
    ("Dawn, the light kind, is when the van arrived.", "en", []),
    ("Şeker, teşekkürler!", "tr", ["Şeker Polat"]),
    # a customer's pet is not the staff member of the same name
    ("Kedim Kuzey'in aşısını yaptırdık, Şeker Hanım çok ilgiliydi.", "tr", ["Şeker Polat"]),
    ("Our kitten Dawn loved the groomer.", "en", []),
    ("Miles'ım (köpeğim) ameliyattan sonra çok iyi.", "tr", []),
])
def test_names_a_dictionary_knows_as_words(text, lang, people):
    assert find_mentions(text, WORD_ROSTER, None, lang)[0] == people


def test_names_are_not_read_as_sentiment():
    """Mutlu (happy), Sevinç (joy), Güneşli (sunny): on a roster they are names."""
    from datetime import UTC, datetime

    from kiosk.analysis.pipeline import analyze
    from kiosk.feedback import FeedbackItem

    roster = Roster([Person("Mutlu Karaca"), Person("Sevinç Aydın")], [Branch("Güneşli")])

    def label(text):
        item = FeedbackItem(source="t", external_id="1", text=text, created_at=datetime.now(UTC))
        return analyze(item, roster=roster).label

    assert label("Mutlu Bey siparişimi 2 saat geç getirdi.") == "complaint"
    assert label("Mutlu Bey bugün kasadaydı.") == "neutral"
    assert label("Sevinç Hanım çok kabaydı.") == "complaint"


SCRIPT_ROSTER = Roster([Person("Aslan Kurt"), Person("Şahin Yurt"), Person("Holly Brown"),
                        Person("Serin Yalçın"), Person("Bill Turner"), Person("Irmak Koç"),
                        Person("Ozan Polat"), Person("Yağmur Sarı")], [Branch("Liman")])


@pytest.mark.parametrize("text,lang,people,branches", [
    # Russian speakers write the names in Cyrillic, with Russian case endings.
    ("Спасибо Аслану из Лимана, всё было вкусно!", "other", ["Aslan Kurt"], ["Liman"]),
    ("Курьер Шахин опоздал на час.", "other", ["Şahin Yurt"], []),
    ("Холли очень помогла с возвратом.", "other", ["Holly Brown"], []),
    ("Ягмур была очень внимательна.", "other", ["Yağmur Sarı"], []),
    # Azerbaijani honorifics.
    ("Irmak xanıma çox sağ olun.", "other", ["Irmak Koç"], []),
    # In French or German an English or Turkish word-name is a name.
    ("Bill était adorable et le repas excellent.", "other", ["Bill Turner"], []),
    # Said to be a name, or beside one.
    ("Dün Ozan adındaki garson siparişi iki kez unuttu.", "tr", ["Ozan Polat"], []),
    ("The waiter, a guy called Bill, was brilliant.", "en", ["Bill Turner"], []),
    ("Irmak ile Ozan'ın ekibi çok hızlı.", "tr", ["Irmak Koç", "Ozan Polat"], []),
    # Word-names used as words.
    ("Serin bir akşam için teras var mı?", "tr", [], []),
    ("Irmak kenarında oturduk.", "tr", [], []),
    ("Мы отдыхали на лимане, кафе отличное.", "other", [], []),  # a Russian word, lower case
    ("We called, bill came quickly and was correct.", "en", [], []),  # the bill, not Bill
])
def test_names_in_other_scripts_languages_and_frames(text, lang, people, branches):
    assert find_mentions(text, SCRIPT_ROSTER, None, lang) == (people, branches)


def test_a_modal_name_before_a_past_tense_is_the_person():
    roster = Roster([Person("Will Harper"), Person("Can Demir")], [])
    assert find_mentions("Will looked after our cat like his own.", roster, None,
                         "en")[0] == ["Will Harper"]
    assert find_mentions("Will you open on Sunday?", roster, None, "en")[0] == []
    assert find_mentions("Can fixed the tap in ten minutes.", roster, None, "en")[0] == \
        ["Can Demir"]


def test_the_writer_and_a_question_are_not_the_staff():
    roster = Roster([Person("Will Harper"), Person("Joy Kaya"), Person("Grace Ak")], [])
    assert find_mentions("Hello, I'm Will, calling about order 5512.", roster, None,
                         "en")[0] == []
    assert find_mentions("My name is Grace and I booked a van for Friday.", roster, None,
                         "en")[0] == []
    assert find_mentions("Will the driver wait if the ferry is late?", roster, None,
                         "en")[0] == []
    assert find_mentions("Joy arranged a bigger van for us in ten minutes.", roster, None,
                         "en")[0] == ["Joy Kaya"]
    assert find_mentions("Will, the driver, waited an hour for us.", roster, None,
                         "en")[0] == ["Will Harper"]


def test_a_word_name_as_a_word_is_not_the_staff():
    roster = Roster([Person("Hunter Collins"), Person("Summer Whitfield")], [])
    assert find_mentions("I'm a job hunter, so mornings suit me.", roster, None, "en")[0] == []
    assert find_mentions("Last summer's course was great.", roster, None, "en")[0] == []
    assert find_mentions("This summer's camp was the best yet.", roster, None, "en")[0] == []
    assert find_mentions("Summer's lessons are the best.", roster, None, "en")[0] == \
        ["Summer Whitfield"]
    assert find_mentions("Thanks to Hunter for the mock exams!", roster, None, "en")[0] == \
        ["Hunter Collins"]


@pytest.mark.parametrize("text, people", [
    # what a card should say, a code, what someone wrote: another person, or nobody
    ("Could the card say 'Happy birthday Deniz, love from all of us'?", []),
    ("Kartta 'Canım annem' yazacaktı, 'Can annem' yazmışsınız.", []),
    ('"UMUT15" kodu geçersiz görünüyor.', []),
    # outside the quotes, or with an honorific inside them, it is still the staff
    ("Thanks to Deniz, who wrote 'Happy birthday' on the card so neatly!", ["Deniz Arslan"]),
    ("Kartta 'Sevgi Hanım'dan sevgilerle' yazıyordu, çok incelik.", ["Sevgi Aydın"]),
    ("Umut'a teşekkürler, 'iyi ki varsınız' diye not da bırakmış.", ["Umut Polat"]),
])
def test_a_name_inside_quotes_is_someone_elses(text, people):
    assert find_mentions(text, ROSTER)[0] == people


def test_azerbaijani_writes_turkish_names_with_schwa():
    roster = Roster([Person("İpek Aydın"), Person("Şule Kaya")], [])
    assert find_mentions("İpək xanıma çox sağ olun!", roster, None, "other")[0] == ["İpek Aydın"]
    assert find_mentions("Şulə xanım çox köməkçi idi.", roster, None, "other")[0] == ["Şule Kaya"]
