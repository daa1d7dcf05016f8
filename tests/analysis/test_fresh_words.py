"""Situations met in the blind development sets of car hire and of cinemas (dev-blind-13 and
-14), each rule tested in fresh words, not the sets' own: understatement, rhetorical
questions, requests with a sad reason, sarcasm, and what did or did not go wrong.

These are the rules' own readings (sentiment.rules): the verdict model weighs them with the
words afterwards, and what it makes of them is tested in test_verdict_model.py and measured
on blind held-out sets by bench/analysis_quality.py."""

import pytest

from kiosk.analysis import english_cues
from kiosk.analysis.sentiment import rules
from kiosk.analysis.turkish import score_turkish


def _reads_as(text: str, lang: str, label: str) -> bool:
    """The label, or only "not a complaint" / "not praise" where that is all a rule
    promises."""
    got = rules(text, lang).label
    if label.startswith("not "):
        return got != label.removeprefix("not a ").removeprefix("not ")
    return got == label

# Car hire and transfers (dev-blind-13's trade), in fresh words: understatement, two answers to
# one question, a fault that is still there, a charge dropped or never made, "but hey, at least".
CAR_HIRE = [
    ("I'd hardly call the pickup process smooth; forty minutes for one signature.", "en",
     "complaint"),
    ("Bit less than ideal that the sat nav only spoke German.", "en", "complaint"),
    ("I've had better weekends, put it that way. The van broke down twice.", "en", "complaint"),
    ("I would have expected the spare tyre to actually have air in it.", "en", "complaint"),
    ("Better than I would have expected for the price!", "en", "praise"),
    ("The chat agent said parking was included, the hotel says it isn't. Which one is it?", "en",
     "complaint"),
    ("The boot still won't close properly after your 'repair'.", "en", "complaint"),
    ("Three winters on and it still doesn't have a single scratch. Great coat.", "en", "praise"),
    ("Still no problems with the boiler a year after the install, thank you!", "en", "praise"),
    ("Brakes squealed the whole way to Fethiye. But hey, at least the music was good.", "en",
     "complaint"),
    ("Brilliant support, if your idea of support is a chatbot that loops forever.", "en",
     "complaint"),
    ("We dropped the van an hour late because of the ferry and they didn't charge us a thing.",
     "en", "praise"),
    ("Huge thanks to Mert, who waived the late fee when our train was cancelled.", "en",
     "praise"),
    ("No queue, no upsell, didn't have to argue about the fuel. Lovely.", "en", "praise"),
    ("Good value 👍 clean car 👍 two hours at the desk 👎", "en", "complaint"),
    ("Hiçbir aksilik yaşamadık, araç tertemizdi.", "tr", "praise"),
    ("Teslimatta hiçbir gizli ücret çıkmadı.", "tr", "praise"),
    ("Gişedeki çocuk sigorta için hiç baskı yapmadı.", "tr", "praise"),
    ("Kontuarda ek ücret istediler, sözleşmede yazmıyordu.", "tr", "complaint"),
]


@pytest.mark.parametrize("text,lang,label", CAR_HIRE)
def test_car_hire_in_fresh_words(text, lang, label):
    assert rules(text, lang).label == label


def test_a_negated_verb_denies_the_nearer_fault():
    # "teslim" (delivery) only counts when negated, but here the verb denies the hidden fee
    assert rules("Teslimde gizli ücret çıkmadı, söyledikleri fiyatı ödedik.", "tr").label \
        != "complaint"
    assert rules("Sipariş hâlâ teslim edilmedi.", "tr").label == "complaint"


@pytest.mark.parametrize("text,lang", [
    ("Please cancel my booking for Saturday, my mother is in hospital.", "en"),
    ("Requesting a copy of the accident report for my insurer.", "en"),
    ("Kocam hastalandı, yarınki randevumuzu iptal etmek istiyorum.", "tr"),
    ("Hasar tespit raporunun bir kopyasını rica ediyorum.", "tr"),
    ("Feribot iptal oldu, teslimi bir gün erteleyebilir miyiz? KV-40812", "tr"),
])
def test_a_request_with_a_sad_reason_is_neutral(text, lang):
    assert rules(text, lang).label == "neutral"


@pytest.mark.parametrize("text,lang", [
    ("Please cancel my order, it is three weeks late and nobody answers.", "en"),
    ("Siparişimi iptal etmek istiyorum, iki haftadır kargoya verilmedi.", "tr"),
    ("Booked the 09:00 pickup. The desk opened at 09:50.", "en"),
])
def test_a_request_that_tells_a_fault_is_still_a_complaint(text, lang):
    assert rules(text, lang).label == "complaint"


@pytest.mark.parametrize("text,lang,label", [
    ("Nothing at all to moan about, and I moan about everything.", "en", "praise"),
    ("Expected the worst from a cheap broadband deal, but it hasn't let us down in a year.", "en",
     "praise"),
    ("Who knew a bank could actually pick up the phone on the first ring? Impressed.", "en",
     "praise"),
    ("Who knew 'next day delivery' means next month?", "en", "complaint"),
    ("The kitchen firm told us 6 weeks, fitted in 4.", "en", "praise"),
    ("The kitchen firm told us 2 weeks, fitted in 5.", "en", "complaint"),
    ("I complain a lot about the parking here and nothing changes.", "en", "complaint"),
])
def test_pleasant_surprises_and_promises_beaten(text, lang, label):
    assert rules(text, lang).label == label


@pytest.mark.parametrize("text,label", [
    ("Danışman bize zorla sigorta satmaya çalışmadı.", "not a complaint"),
    ("Kasadaki çocuk uzatılmış garanti satmaya çalışmadı.", "not a complaint"),
    ("Uygulama iki gündür çalışmıyor.", "complaint"),
    ("Sorunu çözmeye çalışmadılar bile.", "complaint"),
])
def test_trying_to_is_not_working(text, label):
    # "satmaya çalışmadı" is didn't try to sell; whether a plain fact is praise is the verdict
    # model's call, so the rule only promises it is no complaint
    assert _reads_as(text, "tr", label)


@pytest.mark.parametrize("text,lang,label", [
    ("How is it possible that a 2 km delivery takes an hour and a half?", "en", "complaint"),
    ("Could somebody explain why my points vanished overnight?", "en", "complaint"),
    ("Is it possible to change my pickup time to 3pm?", "en", "neutral"),
    ("Could you explain how the deposit works for a one-way rental?", "en", "neutral"),
])
def test_questions_that_demand_an_account(text, lang, label):
    assert rules(text, lang).label == label


# Cinemas and events (dev-blind-14's trade), in fresh words.
CINEMA = [
    ("Is there any reason the café shuts before the last show ends?", "en", "complaint"),
    ("Am I the only one who thinks 12 euros for nachos is a joke?", "en", "complaint"),
    ("Does anyone at head office actually read these reviews?", "en", "complaint"),
    ("Is anybody actually answering the chat this week?", "en", "complaint"),
    ("Do you really have to turn the air con down to arctic levels?", "en", "complaint"),
    ("The ticket said parking was included, then we got charged 12 pounds at the barrier.",
     "en", "complaint"),
    ("Love it when the projector dies ten minutes before the end 🙄", "en", "complaint"),
    ("Nothing seemed too much trouble for the ushers, even on a packed night.", "en",
     "praise"),
    ("Never once had the booking site fail on me in three years.", "en", "praise"),
    ("Can't thank the front desk enough for finding my daughter's scarf.", "en", "praise"),
    ("Film boyunca bir an bile sıkılmadık, salon da tertemizdi.", "tr", "praise"),
    ("Görevli yüzümüze bakmadı bile.", "tr", "complaint"),
    ("Babam hastaneye kaldırıldı, yarınki biletlerimizi başka güne almanızı rica ederiz.", "tr",
     "neutral"),
]


@pytest.mark.parametrize("text,lang,label", CINEMA)
def test_cinemas_in_fresh_words(text, lang, label):
    assert rules(text, lang).label == label


def test_nobody_did_the_bad_thing():
    # "kimse gelmedi" (nobody came) is a complaint; "kimse bekletmedi" (nobody kept us waiting)
    # denies a fault: the verb carries its own negative meaning
    assert rules("Kimse gelmedi, iki saat bekledik.", "tr").label == "complaint"
    assert rules("Kimse bizi bekletmedi, biletler kapıda hazırdı.", "tr").label != "complaint"


@pytest.mark.parametrize("text,lang,label", [
    ("İade ettiğim telefonun parası hâlâ kartıma yatmadı.", "tr", "complaint"),
    ("Rezervasyonum hâlâ onaylanmadı, yarın yola çıkıyoruz. İyi çalışmalar.", "tr", "complaint"),
    ("Müşteri hizmetleri hâlâ kapalı, saat 10 oldu.", "tr", "complaint"),
    ("İki yıl oldu, montun fermuarı hâlâ bozulmadı.", "tr", "not a complaint"),
    ("Ayakkabılar hâlâ su almıyor, çok memnunum.", "tr", "praise"),
    ("Paketi komşuya bırakmışlar, haber de vermemişler. Teşekkürler gerçekten :/", "tr",
     "complaint"),
    ("Tamirden bir hafta sonra kapak yine düştü 🤡 sağlam iş", "tr", "complaint"),
    ("Thanks for the update, the order is still stuck in 'processing' :/", "en", "complaint"),
])
def test_still_not_and_mocking_faces(text, lang, label):
    assert _reads_as(text, lang, label)


@pytest.mark.parametrize("text,label", [
    ("Lovely shop, but the box came with a warranty add-on we never asked for.", "complaint"),
    ("Wow, they upgraded us for free. Never asked for it, what a treat!", "praise"),
    ("I have not yet received a reply to either of my e-mails about the broken zip.",
     "complaint"),
    ("Haven't had a single problem with the router since.", "praise"),
    ("The damp smell in the hall still hasn't gone away after the clean.", "complaint"),
    ("The trainee did her best, but nobody showed her how the till works.", "complaint"),
    ("The agent promised a full refund. The claims team now says it was never approved.",
     "complaint"),
    ("The music was way too loud to hear each other.", "complaint"),
    ("Not too expensive and the staff were lovely.", "praise"),
    ("It took twenty minutes to find the checkout button. Very intuitive.", "complaint"),
    ("Congratulations, you've managed to lose my parcel twice.", "complaint"),
    ("An hour for two coffees. Worth the wait, I'm sure.", "complaint"),
    ("The \"improved\" app now forgets my card every time.", "complaint"),
])
def test_english_complaints_in_polite_and_ironic_words(text, label):
    assert rules(text, "en").label == label


@pytest.mark.parametrize("text,label", [
    ("The pharmacist never rushes you, even with a queue out the door.", "praise"),
    ("Never once felt like just a number at this branch.", "praise"),
    ("Is there anything in this bakery that isn't delicious?", "praise"),
    ("Why did nobody tell me the shop was closing early?", "complaint"),
])
def test_praise_that_reads_like_a_complaint(text, label):
    assert _reads_as(text, "en", label)


def test_a_replacement_that_came_puts_it_right():
    assert rules("Kettle arızalıydı, iki gün içinde yenisi geldi. Teşekkürler.", "tr").label \
        == "praise"
    assert rules("Kettle arızalıydı, yenisi hâlâ gelmedi.", "tr").label == "complaint"


# Language schools (dev-blind-15's trade, written to be hard in English), in fresh words.
LANGUAGE_SCHOOL = [
    ("Not the quickest reply I've ever had. Nine days and counting.", "complaint"),
    ("I've had friendlier welcomes at the tax office.", "complaint"),
    ("The Wi-Fi could be a touch more reliable. Dropped twice in one lesson.", "complaint"),
    ("It would be nice, one day, to receive the invoice I asked for in May.", "complaint"),
    ("Might be worth checking whether the lift works. It hasn't, for me, since March.",
     "complaint"),
    ("Are you planning to answer my email this year or next?", "complaint"),
    ("Was the 'small groups' promise a joke? There were 22 of us.", "complaint"),
    ("Honestly the course was mid.", "complaint"),
    ("For what we pay I expected more than a photocopied workbook.", "complaint"),
    ("The lessons are fine. Nothing special.", "complaint"),
    ("Three different people gave me three different start dates.", "complaint"),
    ("The promised call back has now reached its second week.", "complaint"),
    ("How many more times will my lesson be moved?", "complaint"),
    ("Advertised: 6 students per class. Actual: 15.", "complaint"),
    ("Congratulations to the Bornova office on losing my form again.", "complaint"),
    ("Our teacher called in sick and nobody told us. Stellar communication as always.",
     "complaint"),
    ("Brilliant. A chatbot instead of a teacher for the speaking test. Innovative.",
     "complaint"),
    ("Never once had the call drop in a whole term of online lessons.", "praise"),
    ("No pushy sales, no hidden fees, just good teaching.", "praise"),
    ("Wouldn't hesitate to recommend this school to my friends.", "praise"),
    ("Sad the course is over, honestly the best six weeks of my year.", "praise"),
    ("My daughter cried on the last day (happy tears) and hugged her teacher.", "praise"),
    ("Sick app, the grammar games actually work.", "praise"),
    ("Please freeze my course until June, I've had surgery.", "neutral"),
    ("Just letting you know I'll miss Thursday's class, my son is ill.", "neutral"),
]


@pytest.mark.parametrize("text,label", LANGUAGE_SCHOOL)
def test_language_schools_in_fresh_words(text, label):
    assert rules(text, "en").label == label


# Sentences a reviewer wrote to break this session's rules; each did, and the rules were
# narrowed. They stay as tests.
REVIEWED = [
    ("en", "We were on hold for 40 minutes.", "complaint"),
    ("en", "Moved from my old bank, and the card got cloned within a week.", "complaint"),
    ("en", "Our order was wrong and 40 minutes late. The driver apologised, thanks.",
     "complaint"),
    ("en", "I've had better haircuts here than anywhere else in the city.", "praise"),
    ("en", "Tried 3 different things on the menu and all were delicious.", "praise"),
    ("en", "We didn't go away disappointed!", "praise"),
    ("en", "I hated the new menu but the staff were lovely.", "complaint"),
    ("en", "Why did nobody tell me earlier that my class was cancelled?", "complaint"),
    ("en", "Said it would be ready at 5, it was ready at 4.", "praise"),
    ("en", "Great idea to add online booking, I love it.", "praise"),
    ("en", "Thank you for teaching my daughter patience and kindness.", "praise"),
    ("en", "If your idea of a perfect weekend is good food and quiet, this is the place.",
     "praise"),
    ("en", "Thanks to Sarah for cancelling the late fee, so kind.", "praise"),
    ("tr", "Aracımın tamiri hâlâ bitmedi.", "complaint"),
    ("tr", "Yıllardır geliyorum, kalitesi hâlâ düşmedi.", "praise"),
]


@pytest.mark.parametrize("lang,text,label", REVIEWED)
def test_what_a_reviewer_wrote_to_break_the_rules(lang, text, label):
    assert rules(text, lang).label == label


def test_the_animal_is_not_slang():
    assert rules("The goat was tough and dry.", "en").label != "praise"



# What the ten held-out sets whose figures had been seen (now development material) taught,
# each in fresh words: a fault denied with one word between ("no fringe damage"), days counted
# past a promise, what was paid for and not got, a claim quoted and denied, and the customer's
# own fear, fury or misfortune in a story that ends well.
SEEN_HELD_OUTS = [
    ("Three rugs back in a week, smelling clean, no colour damage.", "en", "praise"),
    ("Contact lenses fitted in ten minutes and zero eye irritation since.", "en", "praise"),
    ("The engineer said the part would come in 3 days. It's day 11.", "en", "complaint"),
    ("Ordered on Monday, told two days. Now on day 8 and still nothing.", "en", "complaint"),
    ("It's day 4 of the course and I already love it.", "en", "praise"),
    ("The facial was 30 minutes, not the full hour we paid for.", "en", "complaint"),
    ("Asked for a window seat in the booking. Not what we were promised.", "en", "complaint"),
    ("The agent said the room was 'sea facing'. It isn't.", "en", "complaint"),
    ("Walked in fuming about a double charge, walked out laughing. Thank you Onur.", "en",
     "praise"),
    ("I had a panic attack on the platform and the guard sat with me until it passed. So kind.",
     "en", "praise"),
    ("I was frightened of the drill, and the dentist was rough and rushed.", "en", "complaint"),
    ("Got a flat tyre outside Konya at midnight. The tow truck came in 40 minutes. Heroes.",
     "en", "praise"),
    ("Lost my passport on day two. The hotel sorted a taxi to the consulate. Brilliant people.",
     "en", "praise"),
    ("Had a burst pipe on Sunday night and a plumber was here within the hour. Lifesavers!",
     "en", "praise"),
    ("Lost my bag at your store and nobody even looked for it.", "en", "complaint"),
    ("The baklava is not too sweet, not too heavy. Spot on.", "en", "praise"),
    ("I was not too happy with how long it took.", "en", "not praise"),
    ("Never had a single parcel go missing in two years with them.", "en", "praise"),
    ("I was dreading the tax paperwork, but Selin made it painless.", "en", "praise"),
    ("I've used plenty of removal firms. None were as careful as this one.", "en", "praise"),
    ("I've used plenty of removal firms. None were as careless as this one.", "en", "complaint"),
]


@pytest.mark.parametrize("text, lang, label", SEEN_HELD_OUTS)
def test_lessons_of_the_seen_held_outs_in_fresh_words(text, lang, label):
    assert _reads_as(text, lang, label)


@pytest.mark.parametrize("text, denied", [
    ("The agent said the room was 'sea facing'. It isn't.", True),
    ("The tracking page says \"out for delivery\". It wasn't.", True),
    ("The nurse said \"this will sting a bit\". It didn't.", False),  # an event, not a state
    ("Everyone warned me \"the registry office is a nightmare\". It wasn't.", False),  # feared
])
def test_a_claim_quoted_and_denied(text, denied):
    assert english_cues.complaint_cues(text) is denied


# Turkish from the same ten sets, in fresh words: a causative verb negated ("sorun çıkarmadı"),
# "hiçbir şey" inside a negation's reach, membership counted in months or years, and nothing
# else as good as this one.
TURKISH_SEEN_HELD_OUTS = [
    ("Teknisyen hiç sorun çıkarmadı, iadeyi hemen yaptı.", "praise"),
    ("Hiç zorluk çıkarmadan faturayı düzelttiler.", "praise"),
    ("Koltuk geldi, çizik falan hiçbir şey yok, teşekkürler.", "praise"),
    ("İki yıldır üyeyim, çok memnunum.", "praise"),
    ("İki aydır bekliyorum, hâlâ ses yok.", "complaint"),
    ("Çok kargo firması denedim, hiçbiri sizin kadar hızlı değildi.", "praise"),
    ("Hiçbir yer sizin kadar yavaş değil.", "complaint"),
    ("Akşama kadar teslim edilmedi.", "complaint"),
    ("Başta biraz pahalı bulmuştum ama halıları görünce hiç pişman olmadım.", "praise"),
    ("Kargo ücretini pahalı buluyordum ama hız olarak gerçekten değdi.", "praise"),
    ("Başta çok ilgiliydiler ama sonra kimse telefonu açmadı.", "complaint"),
    ("Gece yolda kaldık, çekici yarım saatte geldi, çok teşekkürler!", "praise"),
    ("Bir yıldır her hafta buradan çiçek alıyoruz, tek bir kez bile sorun olmadı.", "praise"),
    ("İki aydır her sabah geliyorum, hiç sorun yaşamadım.", "praise"),
    ("Bir haftadır sayenizde evden çalışıyorum, çok teşekkürler.", "not praise"),
    ("Üç aydır bekliyorum, iade hâlâ yok.", "complaint"),
    ("Denediğim hiçbir şeyi beğenmediğim olmadı, hepsi çok güzeldi.", "praise"),
    ("Bu fiyata bu kalite başka hiçbir yerde yok.", "praise"),
    ("Bu kadar kaba personel başka yerde yok.", "complaint"),
    ("Buzdolabını dördüncü kata taşıdılar, kapağı bile çizilmedi. Helal olsun.", "praise"),
    ("Kapıyı bile çalmadı, paketi bırakıp gitti.", "complaint"),
]


@pytest.mark.parametrize("text, label", TURKISH_SEEN_HELD_OUTS)
def test_turkish_lessons_of_the_seen_held_outs_in_fresh_words(text, label):
    assert _reads_as(text, "tr", label)


def test_nothing_broken_is_no_fault():
    assert score_turkish("yırtık pırtık hiçbir şey yok") > 0
    assert score_turkish("yırtık bir şey yok") > 0


# A second reader's sentences against this session's rules (all fixed; kept so they stay so):
# the shop's own fault is no misfortune of the customer's, a fault told first is no first
# impression, a word between "no" and the fault may reverse it, and a claim must be someone's.
REVIEWED_AGAIN = [
    ("The car broke down a week after your so-called full service. Thanks a lot.", "en",
     "complaint"),
    ("Lovely staff. The lift broke down and we were stuck in the lift for an hour.", "en",
     "complaint"),
    ("Your emergency line rang out for an hour. The plumber who finally came was great.", "en",
     "complaint"),
    ("The dentist was great. I was anxious because the receptionist was rude.", "en",
     "complaint"),
    ("Walked in upset and walked out upset. Great decor.", "en", "complaint"),
    ("At first the waiter ignored us for twenty minutes, but the food was great.", "en",
     "complaint"),
    ("No fewer delays than last winter, despite the new timetable.", "en", "complaint"),
    ("I expect a full refund without any further delay.", "en", "not praise"),
    ("The guidebook called it 'basic'. It isn't. The rooms are gorgeous.", "en", "praise"),
    ("It's day 10 and still no problems with the new boiler.", "en", "praise"),
    ("Not the first time we booked for a birthday here, and it was perfect again.", "en",
     "praise"),
    ("Ordered the lamb. Again.", "en", "not a complaint"),
    ("Ürünü kırık teslim almıştım ama müşteri hizmetleri çok nazikti.", "tr", "complaint"),
    ("Çok pahalı ama lezzetli.", "tr", "complaint"),
    ("Haziran'a kadar güzel bir haber alamadık.", "tr", "complaint"),
    ("Üç aydır üyelik ücreti çekiliyor, salon kapalı.", "tr", "complaint"),
    ("Kusura bakmayın ama çok beğendik", "tr", "praise"),
    ("2 aydır ulaşmaya çalışıyorum, teşekkürler", "tr", "complaint"),
    ("3 aydır aidat ödüyorum", "tr", "complaint"),
    ("6 aydır servise gidip geliyorum", "tr", "complaint"),
    ("2 aydır gelecek dediler, çok sağolun", "tr", "complaint"),
    ("Beğenmediğim kazağın iadesi mümkün olmadı", "tr", "complaint"),
    ("Bu bölgede kaliteli başka yer yok, o yüzden katlanıyoruz", "tr", "complaint"),
    ("Üç aydır kullanamıyorum", "tr", "complaint"),
    ("I thought you were the best in town. I was wrong. Thanks a lot.", "en", "complaint"),
    ("The shop was not too busy, not too tidy.", "en", "not praise"),
    ("I never had a single thing go wrong with my old bank.", "en", "not praise"),
]


@pytest.mark.parametrize("text, lang, label", REVIEWED_AGAIN)
def test_what_a_second_reader_wrote_against_this_sessions_rules(text, lang, label):
    assert _reads_as(text, lang, label)
