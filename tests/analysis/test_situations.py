"""Situations that decide a label whatever the sentiment words say, in both languages:
amounts that differ, hearsay, problems put right, faults that never happened, applause.

These are the rules' own readings (sentiment.rules): the verdict model weighs them with the
words afterwards, and what it makes of them is tested in test_verdict_model.py and measured
on blind held-out sets by bench/analysis_quality.py."""

import pytest

from kiosk.analysis.mentions import Person, Roster, find_mentions
from kiosk.analysis.mismatch import mismatch
from kiosk.analysis.sentiment import assess, rules


@pytest.mark.parametrize("text", [
    "Raf etiketinde 32,50 yazıyor, kasada 41,00 okuttular.",
    "Pakette 250 g yazıyordu, tarttım 190 g geldi.",
    "The label says 1 kg. The bag weighed 800 g.",
    "App showed 12 items in my basket, the bag arrived with 9.",
])
def test_two_different_amounts_are_a_complaint(text):
    assert mismatch(text)
    assert rules(text, "tr" if "ı" in text or "ş" in text or "yaz" in text else "en").label \
        == "complaint"


@pytest.mark.parametrize("text", [
    "The shelf says 45 TL and the receipt says 45 TL, thank you for honest prices.",
    "Ordered 3 loaves at 9 and got 3 warm loaves by 10, lovely.",
])
def test_the_same_amount_twice_is_not_a_mismatch(text):
    assert not mismatch(text)


@pytest.mark.parametrize("text,lang", [
    ("Çok pahalı diyorlar ama bence her kuruşuna değiyor.", "tr"),
    ("Kötü diye yorum yazanlara bakmayın, ekmekler harika.", "tr"),
    ("People say it's overpriced, but honestly the quality is superb.", "en"),
])
def test_hearsay_is_not_the_customers_complaint(text, lang):
    assert rules(text, lang).label == "praise"


@pytest.mark.parametrize("text,lang", [
    ("Kırık gelen bardak için yazdım, ertesi gün yenisini getirdiler, çok teşekkürler.", "tr"),
    ("Yanlış gelen ürünün parasını hemen iade etmişsiniz, eksik olmayın.", "tr"),
    ("The jar arrived cracked; they brought a new one over within the hour. Thank you!", "en"),
])
def test_a_problem_put_right_is_praise(text, lang):
    assert rules(text, lang).label == "praise"


@pytest.mark.parametrize("text,lang", [
    ("Altı aydır sipariş veriyorum, bir kez bile bozuk ürün gelmedi.", "tr"),
    ("Aldığım meyvelerin hiçbiri ezik ya da çürük değildi.", "tr"),
    ("Pastada en ufak bir kusur bulamadım.", "tr"),
    ("A year of weekly orders and not a single item has arrived broken.", "en"),
    ("Haven't had a stale loaf here yet.", "en"),
])
def test_a_fault_that_never_happened_is_praise(text, lang):
    assert rules(text, lang).label == "praise"


@pytest.mark.parametrize("text,lang", [
    ("Tuvalet pisti ve peçete yoktu.", "tr"),  # the yok is the napkins', not the dirt's
    ("Kasada fiş bile yoktu.", "tr"),
    ("Bu ay üçüncü oldu, yine eksik geldi.", "tr"),
    ("Süt kutusunun son kullanma tarihi geçmiş.", "tr"),
    ("Uygulamada sipariş hâlâ \"hazırlanıyor\" görünüyor.", "tr"),
    ("Found a piece of plastic in my soup.", "en"),
    ("Loved the cake; just wish the box hadn't been crushed.", "en"),
    ("The app keeps cancelling my order at checkout.", "en"),
    ("Tracking still says 'out for delivery' two days later.", "en"),
    ("Second time from this store.", "en"),
])
def test_complaint_situations(text, lang):
    assert rules(text, lang).label == "complaint"


@pytest.mark.parametrize("text,lang", [
    ("Telefonumu kasada unutmuşum, görevli arayıp haber verdi, teşekkürler.", "tr"),
    ("They found my lost keys and kept them safe for me. Thank you so much!", "en"),
])
def test_the_customers_own_mishap_is_not_a_complaint(text, lang):
    assert rules(text, lang).label == "praise"


@pytest.mark.parametrize("text,lang,label", [
    ("Harika!!! 👏👏", "tr", "praise"),  # applause alone is applause
    ("Gece yarısı verdiğim sipariş 10 dakikada geldi, her şey tam 👏", "tr", "praise"),
    ("Well done team, the cake says \"Happy Birthday Ali\" and my son is called Veli 👏", "en",
     "complaint"),  # applause after a flat fact is irony
    ("Zero delays, zero missing items, zero fuss. Brilliant.", "en", "praise"),
    ("10/10 would order the simit again", "en", "praise"),
])
def test_applause_and_scores(text, lang, label):
    assert rules(text, lang).label == label


@pytest.mark.parametrize("text,lang", [
    ("Kasa boş, reyonlar dolu, personel güler yüzlü. Daha ne isteriz?", "tr"),
    ("Fresh bread, kind staff, fair prices. What more could you want?", "en"),
])
def test_rhetorical_questions_that_praise(text, lang):
    assert rules(text, lang).label == "praise"


ROSTER = Roster([Person("Bahar Yılmaz"), Person("Özlem Kaya"), Person("Elif Demir"),
                 Person("Grace Park")])


@pytest.mark.parametrize("text,lang,found", [
    ("Özlem packed everything so carefully.", "en", ["Özlem Kaya"]),  # not an English word
    ("Bahar sorted out my order in a minute.", "en", ["Bahar Yılmaz"]),
    ("Bahar'da yeni şube açılıyor mu?", "tr", []),  # the season, in the locative
    ("Kızım Elif'in pastası harikaydı.", "tr", []),  # the customer's daughter
    ("My daughter Elif loved the cake.", "en", []),
    ("Grace at the till was lovely.", "en", ["Grace Park"]),
])
def test_names_by_language_and_family(text, lang, found):
    assert find_mentions(text, ROSTER, lang=lang)[0] == found


@pytest.mark.parametrize("text,lang,label", [
    ("Lovely staff, slightly slow service.", "en", "complaint"),  # a softened fault
    ("The staff were a bit rushed, but the food was amazing.", "en", "complaint"),
    ("I was a bit nervous about the repair, but they were brilliant.", "en", "praise"),
    ("Ürünler güzel ama biraz pahalı.", "tr", "complaint"),
    ("Telefon güzel, şarjı ise çabuk bitiyor.", "tr", "complaint"),
    ("Gitmemin sebebi biraz da güler yüzlü kasiyerler :)", "tr", "praise"),  # "partly"
    ("I love this store, it's just that the checkout queue is always huge.", "en", "complaint"),
])
def test_soft_faults_and_contrasts(text, lang, label):
    assert rules(text, lang).label == label


@pytest.mark.parametrize("text,lang", [
    ("Broken hinge replaced in half an hour, laptop works like new. Cheers!", "en"),
    ("I'm scared of needles and the nurse talked me through it. Barely felt it, thank you.", "en"),
    ("No queue, no fuss, no hidden fees.", "en"),
    ("Kartım kopyalanmış, banka işlemi hemen durdurdu ve beni aradı. Çok teşekkür ederim.", "tr"),
    ("Arıza tespit ücreti bile almadı, usta gerçekten dürüst.", "tr"),
])
def test_a_story_that_ends_well_is_praise(text, lang):
    assert rules(text, lang).label == "praise"


@pytest.mark.parametrize("text,lang", [
    ("My invoice says 80 euros. The quote said 55.", "en"),
    ("Fatura 720 TL gelmiş, sözleşmede 500 TL yazıyor.", "tr"),
    ("Been on hold with your call centre for ages.", "en"),
    ("The heel snapped within two weeks.", "en"),
    ("Nobody mentioned the extra cleaning fee.", "en"),
    ("Sipariş ettiğim kazak 3 günde söküldü, dikişleri attı, 2 haftada eskidi.", "tr"),
    ("Sesi kısmalarını rica ettim, kısmadılar.", "tr"),
    ("Beyaz istedim, yerine gri göndermişsiniz.", "tr"),
    ("Bana sormadan paketi komşuya bırakmışlar.", "tr"),
])
def test_failed_service_told_flatly(text, lang):
    assert rules(text, lang).label == "complaint"


@pytest.mark.parametrize("text", [
    "Kurye siparişimi 2 saat geç getirdi.",
    "Masaya yemekleri soğuk getirdiler.",
    "Teknisyen yedek parçayı yanlış getirdi, ikinci kez geldi.",
    "Kargo koliyi ezik getirdi.",
    "Kurye siparişimi 2 saat geç  getirdi, çok teşekkürler!",  # two spaces, and thanks
    "Siparişimi geç\ngetirdi, teşekkürler.",
])
def test_an_act_done_badly_is_no_kind_act(text):
    """"getirdi" is a kind act ("unuttuğum poşeti otoparka kadar getirdi"), but not late,
    cold, wrong or crushed: thanks after an act done badly are no praise of it."""
    from kiosk.analysis.turkish_acts import HELPED

    assert HELPED.search("Kasiyer unuttuğum poşeti otoparka kadar getirdi.")
    assert HELPED.search("Mesajların neden gecikmeli geldiğini anlattı.")  # kind: explained
    assert not HELPED.search(text)
    assert rules(text, "tr").label == "complaint"
    assert assess(text, "tr").label != "praise"


@pytest.mark.parametrize("text,lang", [
    ("Can you unlock a phone if I've lost the original box?", "en"),
    ("Is the 'buy 2 get 1 free' deal on in every branch?", "en"),
    ("Kabin bagajında sıvı sınırı kaç ml?", "tr"),
])
def test_questions_about_the_customers_own_situation_are_neutral(text, lang):
    assert rules(text, lang).label == "neutral"


@pytest.mark.parametrize("text,lang,label", [
    ("My tutor has replied to 2 of 7 questions.", "en", "complaint"),  # part of what was owed
    ("Gave it 4 out of 5 stars, lovely place.", "en", "praise"),  # a rating is not a shortfall
    ("Stood at the pharmacy counter for 25 minutes.", "en", "complaint"),
    ("The 'gluten-free' bread lists wheat flour.", "en", "complaint"),
    ("Nice to know my parcel went on holiday to Ankara 😂", "en", "complaint"),
    ("Oh great, the card machine is down. Again. Wonderful.", "en", "complaint"),
    ("Wow, my order came right on time... for next week's dinner.", "en", "complaint"),
    ("The soup tasted like dishwater.", "en", "complaint"),
    ("Never disappoints. Best börek in town.", "en", "praise"),
    ("They found my lost scarf and kept it behind the counter for me. Thank you!", "en", "praise"),
    ("Bravo, kargo geldi ama kutu boş. Çok profesyonel.", "tr", "complaint"),
    ("Harika hizmet, teşekkürler.", "tr", "praise"),
    ("Sipariş ettiğim pasta hiç de fotoğraftaki gibi değildi.", "tr", "complaint"),
    ("Kasa sırasında yaşlandım.", "tr", "complaint"),
    ("Ne peçete var ne çatal.", "tr", "complaint"),
    ("Bir yıldır alıyorum, bir kez bile bozuk çıkmadı.", "tr", "praise"),
    ("Şikayet edecek bir şey bulamadım, her şey yerli yerindeydi.", "tr", "praise"),
])
def test_more_situations(text, lang, label):
    assert rules(text, lang).label == label


@pytest.mark.parametrize("text,lang,label", [
    ("Neden her seferinde siparişim eksik geliyor?", "tr", "complaint"),  # asking why
    ("Bu nasıl hizmet?", "tr", "complaint"),
    ("How is it possible that the bread is stale every Monday?", "en", "complaint"),
    ("Nobody helped me, so I left. Thanks a lot.", "en", "complaint"),  # a negated kind act
    ("Kargo yanlış adrese gönderdi, kurye de aradı ama kimse gelmedi.", "tr", "complaint"),
    ("I was nervous joining a gym but the staff made it really easy. No judgement at all.", "en",
     "praise"),
])
def test_why_questions_and_kind_acts(text, lang, label):
    assert rules(text, lang).label == label


@pytest.mark.parametrize("text,lang,label", [
    ("Ordered a blue case, got a pink one.", "en", "complaint"),  # the kind that came differs
    ("Ordered a blue case and got a blue case, perfect.", "en", "praise"),
    ("M beden istedim, L beden geldi.", "tr", "complaint"),
    ("Mavi kılıf sipariş ettim, pembe geldi.", "tr", "complaint"),
    ("Can't believe how rude the cashier was.", "en", "complaint"),
    ("Can't believe how friendly the morning crew is.", "en", "praise"),
    ("They told me it would be ready on Friday. It's Tuesday.", "en", "complaint"),
    ("Staff were more interested in their phones than in customers.", "en", "complaint"),
    ("The screen protector they fitted is already peeling.", "en", "complaint"),
    ("Two hours for a battery swap.", "en", "complaint"),
    ("Personel kaba ve yardım etmedi.", "tr", "complaint"),
    ("Garanti kapsamında değil dediler, para istediler.", "tr", "complaint"),
])
def test_service_complaints_without_feeling_words(text, lang, label):
    assert rules(text, lang).label == label


@pytest.mark.parametrize("text", [
    "The barista forgot my oat milk again.",
    "Payment got declined twice at the self checkout.",
    "Wifi keeps cutting out in the lounge.",
    "Got transferred between three departments and nobody knew.",
    "The lift has been out of order for weeks.",
    "Tracking says marked as delivered, but there's no parcel.",
    "The agent hung up on me mid-sentence.",
    "The app keeps logging me out of my account.",
    "They promised to email me the invoice, still nothing.",
    "The new charger has the same fault as the old one.",
])
def test_english_service_failures(text):
    assert rules(text, "en").label == "complaint"


@pytest.mark.parametrize("text", [
    "I forgot my umbrella and they kept it for me, thanks!",
    "Been shopping here for years and never once walked out disappointed.",
])
def test_english_customers_own_doing_is_not_a_failure(text):
    assert rules(text, "en").label == "praise"


@pytest.mark.parametrize("text", [
    "Ödemem iki kez reddedildi, kartımda sorun yoktu.",
    "Evde internet sürekli kopuyor.",
    "Üç kez başka birime aktarıldım, kimse çözemedi.",
    "Haberim olmadan ek paket tanımlamışlar.",
    "Operatör yüzüme kapattı.",
    "Uygulama kendi kendine kapanıyor.",
    "Bir hafta içinde dönüş yapılacak dediler, hâlâ haber yok.",
    "Bugün bir müşterinizi kaybettiniz.",
])
def test_turkish_service_failures(text):
    assert rules(text, "tr").label == "complaint"


@pytest.mark.parametrize("text,label", [
    ("Kargo bir günde geldi, ürün tam anlatıldığı gibi.", "praise"),
    ("Ürün tam anlatıldığı gibi değil.", "complaint"),
    ("Usta parça değiştirmeden sorunu buldu, para da almadı.", "praise"),
    ("Eski telefonumdaki her şeyi yenisine aktardılar, harikasınız.", "praise"),
])
def test_turkish_as_described_and_kind_repairs(text, label):
    assert rules(text, "tr").label == label


@pytest.mark.parametrize("text,label", [
    ("The repair was good, the wait was not.", "complaint"),  # the ellipsis carries the fault
    ("The doctor was great. Reception, not so much.", "complaint"),
    ("Good value, although the packaging could be better.", "complaint"),
    ("Top quality products. Pity the website is so clunky.", "complaint"),
    ("Everything was fine until I tried to return something.", "complaint"),
    ("Couldn't be better, thank you!", "praise"),
    ("It could not have gone better.", "praise"),
    ("Open until 10pm every day, lovely staff.", "praise"),
])
def test_english_mixed_feedback_in_other_words(text, label):
    assert rules(text, "en").label == label


@pytest.mark.parametrize("text,label", [
    ("Tamir iyiydi, bekleme süresi değil.", "complaint"),  # the fault said by ellipsis
    ("Doktor harikaydı, resepsiyon pek öyle değil.", "complaint"),
    ("Kalite iyi, paketleme daha iyi olabilirdi.", "complaint"),
    ("Her şey iyiydi ta ki iade etmek isteyene kadar.", "complaint"),
    ("İyi hoş da fiyatlar uçmuş.", "complaint"),
    ("Uygulama güzel olmuş, sadece ödeme kısmı takılıyor.", "complaint"),
    ("Lezzet yerinde, porsiyonlar küçük.", "complaint"),
    ("Daha iyisi olamazdı, teşekkürler.", "praise"),
    ("Kötü değil, gayet iyi.", "praise"),
])
def test_turkish_mixed_feedback_in_other_words(text, label):
    assert rules(text, "tr").label == label


@pytest.mark.parametrize("text,lang,label", [
    ("Love paying premium prices for a phone that overheats.", "en", "complaint"),
    ("Five stars for the hold music, I heard it for an hour.", "en", "complaint"),
    ("Top notch security: my card got cloned after shopping here.", "en", "complaint"),
    ("Brilliant customer service, they only took three weeks to reply.", "en", "complaint"),
    ("Only took two days to arrive, brilliant.", "en", "praise"),
    ("Harika hizmet, sadece üç haftada cevap verdiler.", "tr", "complaint"),
    ("Teşekkürler kargom kaybolduğu için.", "tr", "complaint"),
    ("Helal olsun, paketi kapının önüne atıp gitmiş.", "tr", "complaint"),
    ("Geç saatte açık olduğunuz için teşekkürler.", "tr", "praise"),
])
def test_more_sarcasm(text, lang, label):
    assert rules(text, lang).label == label


@pytest.mark.parametrize("text,label", [
    ("I'd like to change my delivery address.", "neutral"),  # a request, not a verdict
    ("I'd like to thank Joy for her help yesterday!", "praise"),
])
def test_english_requests_and_thanks(text, label):
    assert rules(text, "en").label == label


# Read in context, in both languages; each group names the construction it checks.
READ_IN_CONTEXT = [
    # formulas of thanks and denied faults
    # thanks that VADER reads as a refusal, faults denied outright, slang for the staff
    ("I can't thank the night nurse enough.", "en", "praise"),
    ("Not a single scratch on the sofa after the move.", "en", "praise"),
    ("The update went in without a single glitch.", "en", "praise"),
    ("Our instructor never once lost his patience.", "en", "praise"),
    ("The removal men are legends.", "en", "praise"),
    ("No phone call, no text, the parcel was just left in the rain.", "en", "complaint"),
    # the customer's own forgetting; money back; a thanks formula with "eksik" in it
    ("Annemin dosyasını kendiliğinden hallettiler, ben unutmuştum bile, teşekkürler.", "tr",
     "praise"),
    ("İade talebim onaylandı, param geri geldi. Eksik olmayın.", "tr", "praise"),
    ("Başka söze gerek yok.", "tr", "praise"),
    ("Lastiği tamir edip bir kuruş almadılar.", "tr", "praise"),
    ("Kahve sıcak, kek taze, daha ne isteyeyim.", "tr", "praise"),
    ("Her sabah uğramadan geçemiyorum.", "tr", "praise"),  # a double negative: loves it
    ("Kurabiyeleri tehlikeli derecede lezzetli.", "tr", "praise"),  # a booster, no danger
    ("Ayakkabılarım boyandı, yepyeni gibi oldu.", "tr", "praise"),
    # "ne … ne …" denies both: a fault denied is good, a good thing denied is not
    ("Ne kuyruk vardı ne bekleme, her şey sorunsuz.", "tr", "praise"),
    ("Ne tuz ne baharat vardı, yemek yavan.", "tr", "complaint"),
    # promised times and amounts that were not kept
    ("Delivery slot said 9:00, the van came at 11:40.", "en", "complaint"),
    ("Asked for 3 copies, got 1.", "en", "complaint"),
    ("Randevu 09:30'daydı, 11:15'te çağırdılar.", "tr", "complaint"),
    ("Booked for 15:00, in the chair at 15:05, lovely cut.", "en", "praise"),  # 5 minutes
    ("Helal olsun, gece 1'de verdiğim sipariş 15 dakikada geldi.", "tr", "praise"),
    # english thanks for a loss is sarcasm
    ("Congrats on the fourth outage this month, very consistent.", "en", "complaint"),
    ("Thanks for hiking my rent by 30% with two days' notice. Very neighbourly.", "en",
     "complaint"),
    ("Thanks for the power cut warning text, very helpful.", "en", "praise"),
    ("Thanks for the second free coffee, you spoil us.", "en", "praise"),
    ("Thanks for raising money for the shelter, lovely team.", "en", "praise"),
    # stories that end well
    # staff put it right, in more words
    ("Someone used my card online, they froze it within minutes and refunded everything. "
     "Brilliant.", "en", "praise"),
    ("Scraped the bumper in their car park, the manager waved it off. Lovely people.", "en",
     "praise"),
    ("Coffee all over my white shirt, I thought it was done for. Came back like new, magic.",
     "en", "praise"),
    # the customer's own fear before a good ending is not the shop's fault
    ("I was terrified of the dentist, but Dr. Lee was gentle and patient.", "en", "praise"),
    ("Diş hekiminden çok korkuyordum ama hekim çok sabırlı ve nazikti.", "tr", "praise"),
    ("The food was cold. The staff were lovely.", "en", "complaint"),
    ("Hiç beklemediğim kadar hızlı teslim ettiler.", "tr", "praise"),
    # titles wishes and questions that complain
    ('Which screen is "Bad Moms Christmas" on tonight?', "en", "neutral"),  # a title
    ('"Kötü Çocuk" filmi hangi salonda?', "tr", "neutral"),
    ("It would be nice if the ticket machine actually worked on Sundays.", "en", "complaint"),
    ("Telefonu açan biri olsa çok iyi olurdu, sabahtan beri arıyorum.", "tr", "complaint"),
    ("Why does the parcel say delivered when nothing came?", "en", "complaint"),
    ("How come the lights in the changing room are off again", "en", "complaint"),
    ("What's the point of booking if you still make us queue?", "en", "complaint"),
    ("Neden her hafta aynı ürün eksik geliyor?", "tr", "complaint"),
    ("That's why I keep coming back.", "en", "neutral"),
    # verdicts at the end and the one fault
    # staff acted and a whole-visit verdict ends it: what came before is the story
    ("Card got skimmed abroad. Froze it in the app, disputed three transactions, had the "
     "money back in 48h. Absolutely solid.", "en", "praise"),
    ("Yanlış hesaba para gönderdim, banka karşı tarafla iletişime geçti, 3 günde param geri "
     "geldi. Eksik olmayın.", "tr", "praise"),
    ("Waited 2 hours for a cold pizza. 10/10.", "en", "complaint"),  # no act: irony
    ("The order was late and cold. Highly recommended.", "en", "complaint"),
    # the one fault in a happy text
    ("Great pool. I'd just like the changing rooms to be cleaned more often.", "en",
     "complaint"),
    ("Lovely frames, kind staff. Only downside is the two-week wait for lenses.", "en",
     "complaint"),
    ("I'd just like to say thank you to the whole team.", "en", "praise"),
    # english slang requests emoji and jobs not done
    ("The painters smashed it, walls look perfect.", "en", "praise"),  # slang VADER reads as harm
    ("Never had such an easy exchange.", "en", "praise"),
    ("I'd like a copy of last month's receipt, please.", "en", "neutral"),  # a request, not liking
    ("Why didn't we switch to you sooner?", "en", "praise"),  # the customer's own delay
    ("Delivered right on time again, lovely.", "en", "praise"),
    ("Not even a reply to my three emails?", "en", "complaint"),
    ("The courier didn't bring the second box.", "en", "complaint"),
    ("They said the refund would take 3 days. It's been 12 days.", "en", "complaint"),
    ("New sofa 😍", "en", "praise"),  # VADER drops one-character tokens: emoji scored as words
    ("Delivery slot missed again 😡", "en", "complaint"),
    ("Absolutely gutted, the lamp arrived smashed.", "en", "complaint"),
    # turkish plain facts and rebuttals
    ("Kumaş rengi katalogdakinden farklı geldi.", "tr", "complaint"),
    ("Dolap kapakları çizimle uyuşmuyor.", "tr", "complaint"),
    ("Çekmece kolu ilk gün elimde kaldı.", "tr", "complaint"),
    ("Bu fiyata bu kalite mi?", "tr", "complaint"),  # asked, it complains
    ("Bu fiyata bu kalite, harika.", "tr", "praise"),  # exclaimed, it praises
    ("Montajcılar iki saatte bir dolap kuramadılar.", "tr", "complaint"),
    ("Buzdolabının kapısı tam kapanmıyor.", "tr", "complaint"),
    ("Kalitesi beklentimin üstünde çıktı.", "tr", "praise"),  # above expectations, not a wait
    ("Kim demiş zincir mağazalarda ilgi olmaz diye? Kasiyer her şeyi tek tek anlattı.", "tr",
     "praise"),
    ("Ustalar işi bitirip her yeri tertemiz bırakıp gittiler.", "tr", "praise"),
    ("Kurulum ekibine selam olsun.", "tr", "praise"),
    ("Saat 10'da geleceği söylendi, saat 16 oldu.", "tr", "complaint"),
    # english turns out rhetorical and low expectations
    ("The towel rail came off the wall within a fortnight.", "en", "complaint"),
    ("The website said the lamp was in stock; turns out it wasn't.", "en", "complaint"),
    ("Is anyone actually working at the paint desk?", "en", "complaint"),
    ("Who designed this car park? Three floors and one exit.", "en", "complaint"),
    ("The wardrobe is only half assembled and the crew has gone.", "en", "complaint"),
    ("Smooth exchange, the man at the desk didn't even ask for the box.", "en", "praise"),
    ("Wasn't expecting much for the price but the desk is rock solid.", "en", "praise"),
    ("Drove an hour for the sofa and it was worth every minute.", "en", "praise"),
    # turkish missing amenities
    ("Soyunma odasında sabun yoktu.", "tr", "complaint"),  # a thing that should be there
    ("Akşam 8'de gittim, yumuşatıcı bitmişti.", "tr", "complaint"),
    ("Otopark sorunu yok, her zaman yer var.", "tr", "neutral"),  # no problem is no complaint
    # faults that never came and questions with thanks
    ("Mantarlar iki aydır bir kez bile ezik gelmedi.", "tr", "praise"),  # a fault that never came
    ("Sipariş gelmedi.", "tr", "complaint"),
    ("Yeni şube beklentimin çok üstünde çıktı.", "tr", "praise"),
    ("Memnun kalmamak elde değil.", "tr", "praise"),  # one cannot help being pleased
    ("Is the blue jacket back in stock? Thanks", "en", "neutral"),  # a question, then courtesy
    # what should be cold came warm
    ("Thanks for bringing my frozen peas warm, truly above and beyond.", "en", "complaint"),
    ("The ice cream arrived melted.", "en", "complaint"),
    ("Hot soup and cold drinks, perfect lunch.", "en", "praise"),
    ("Çorba buz gibi geldi.", "tr", "complaint"),
    ("Kahve sıcacık, dondurma donuk geldi, süper.", "tr", "praise"),
    # turkish facts of a shop gone wrong
    ("Siparişteki hatalı ürün hâlâ değiştirilmedi.", "tr", "complaint"),  # still not done
    ("Kasadaki cihaz iki kez çekim yaptı.", "tr", "complaint"),
    ("Deterjanın kapağı açılmış, yarısı dökülmüş.", "tr", "complaint"),
    ("Kart puanlarım sıfırlandı, hiç harcama yapmadım.", "tr", "complaint"),
    ("Açmanın fiyatı 25 TL olmuş.", "tr", "complaint"),
    ("İndirimli diye aldığım kahve kasada normal fiyattan geçti.", "tr", "complaint"),
    ("Kasada fiş verilmedi.", "tr", "complaint"),
    ("Kasiyer yüzüme bakmadı bile.", "tr", "complaint"),  # didn't even
    ("Bir haftadır arayan soran yok.", "tr", "complaint"),
    ("Ya bi kasa daha açın artık yeter.", "tr", "complaint"),
    ("Manavda tek bir nar yok, ciddi misiniz?", "tr", "complaint"),
    ("1,5 kg kıyma istedim, evde tartınca 1,2 geldi.", "tr", "complaint"),
    ("Teslimat saati 18:00-19:00 görünüyordu, kurye 21:40'ta geldi.", "tr", "complaint"),
    ("Siparişte tek bir yanlışlık yoktu.", "tr", "praise"),  # not one fault
    ("Son derece hijyenik bir kasap reyonu, eksik hiçbir şey yok.", "tr", "praise"),  # a butcher's
    ("Tarihi geçmiş ürün görmedim şimdiye kadar.", "tr", "neutral"),  # never seen: no complaint
    # turkish openers hearsay and stories that end well
    ("harika bir alışveriş oldu, teşekkürler :)", "tr", "praise"),  # an adjective, not an opener
    ("Harika, yine 40 dakika kuyruk, süper.", "tr", "complaint"),  # an exclamation around a fault
    ("Fena sayılmaz, hatta beklediğimden iyi çıktı.", "tr", "praise"),
    ("Beklediğimden kötü çıktı.", "tr", "complaint"),
    ("Puanlarım silinmişti, Doğa Hanım hepsini geri yükledi. Kendisine minnettarım.", "tr",
     "praise"),
    ("Eski bakkalım kapanınca üzülmüştüm, sizin şube aynı sıcaklıkta. Çok memnunum.", "tr",
     "praise"),
    # amounts promises rhetoric and requests
    ("Ordered 3 kg of potatoes, received 2.2 kg.", "en", "complaint"),
    ("How can the label and the till disagree every week?", "en", "complaint"),
    ("I've never waited so long at a pharmacy counter.", "en", "complaint"),
    ("Their 'we'll ring you tomorrow' was two weeks ago.", "en", "complaint"),
    ("The cashier was anything but friendly today.", "en", "complaint"),
    ("Cracking value on the weekend offers.", "en", "praise"),
    ("Where else can you get fresh bread at 6am?", "en", "praise"),  # rhetorical praise
    ("Is there anything this bakery can't do?", "en", "praise"),
    ("Bir sonraki alışverişimi de burada yapacağım.", "tr", "praise"),
    ("Pahalı değil, bayat değil, daha ne istiyorsun?", "tr", "praise"),
    ("Bu kasaptan et alan başka yere gitmez.", "tr", "praise"),
    ("Fişsiz iade bile sorun olmadı.", "tr", "praise"),
    ("Sabahki siparişe bir ekmek eklemek istiyorum.", "tr", "neutral"),  # a request
    # Restaurants and delivery: cooking gone wrong, things missing or swapped, in plain words.
    ("Köftenin içi pembe kalmıştı, geri gönderdik.", "tr", "complaint"),
    ("Pilav kupkuru, börekler de altından yanmıştı.", "tr", "complaint"),
    ("Kızartmalar poşette hamur olmuş.", "tr", "complaint"),
    ("Çorba tuzdan içilmiyordu.", "tr", "complaint"),
    ("Porsiyonları yine küçültmüşler.", "tr", "complaint"),
    ("Garson masaların siparişini karıştırdı.", "tr", "complaint"),
    ("Mercimek istedim, ezogelin geldi.", "tr", "complaint"),
    ("Üç dürüm söyledik, iki dürüm getirdiler.", "tr", "complaint"),
    ("Pide istedim, 15 dakikada sıcacık geldi.", "tr", "praise"),
    ("Salata istemiştik, getirmediler.", "tr", "complaint"),
    ("Pakette peçete yoktu.", "tr", "complaint"),
    ("Siparişte tek bir eksik yoktu, eline sağlık.", "tr", "praise"),
    ("Siparişte hiç hata yoktu.", "tr", "praise"),
    ("Garson su bile getirmedi.", "tr", "complaint"),
    ("Dişçide iğneyi bile hissetmedim.", "tr", "neutral"),  # "not even felt" is no fault
    ("Bir kez bile soğuk pizza gelmedi, hep sıcacık.", "tr", "praise"),
    ("Notları okuyan biri var mı?", "tr", "complaint"),
    ("Bu mu 300 liralık menü?", "tr", "complaint"),
    ("Misafirler tabaklarını sıyırdı.", "tr", "praise"),
    ("Kuzu incik ağızda dağılıyor.", "tr", "praise"),
    ("Ordered the veggie wrap, got chicken.", "en", "complaint"),
    ("Ordered at 1pm, got it by 1:25, lovely.", "en", "praise"),
    ("Only three of the five boxes arrived.", "en", "complaint"),
    ("No one cleared our table for the whole evening.", "en", "complaint"),
    ("The pasta was lukewarm.", "en", "complaint"),
    ("The technician arrived two hours late.", "en", "complaint"),
    ("Emailed support four times about the refund.", "en", "complaint"),
    ("The final bill was higher than they quoted.", "en", "complaint"),
    ("No burnt crusts, no cold food, no waiting. Superb.", "en", "praise"),
    ("There was no cold water left.", "en", "complaint"),
    ("Nothing went wrong, start to finish.", "en", "praise"),
    ("Not a single dish came cold in a year of Friday lunches.", "en", "praise"),
    ("The front desk never keeps anyone waiting.", "en", "praise"),
    ("Haven't had a soggy pizza yet, and we order weekly.", "en", "praise"),
    ("I was sceptical about the new menu but it's great.", "en", "praise"),
    ("Delivered still steaming after a 40 minute ride.", "en", "praise"),
    ("Their lahmacun is the real deal.", "en", "praise"),
    ("Give that courier a raise.", "en", "praise"),
    ("That burger was an absolute banger.", "en", "praise"),
    ("Ustanın elleri dert görmesin, iskender harikaydı.", "tr", "praise"),  # a blessing
    ("Mantısı efsane, yanında ayran şart.", "tr", "praise"),  # a must-have, not a demand
    ("Mutfağın daha temiz tutulması şart.", "tr", "complaint"),  # a necessity: a fault
    ("Pahalıdır diye düşünüyordum ama fiyatları gayet makul çıktı.", "tr", "praise"),
    ("Kargo yanlış şubeye gitmişti, Selin Hanım paketi doğru adrese yönlendirdi, teşekkürler.",
     "tr", "praise"),
    ("Kutuda ne eksik ne fazla vardı, tam sipariş ettiğim gibi geldi.", "tr", "praise"),
    ("İki haftadır iade bekliyorum, para hâlâ hesaba geçmedi.", "tr", "complaint"),
    ("Bu ay 2. kez yanlış ürün gönderdiniz.", "tr", "complaint"),
    ("I might be 10 minutes late for my table tonight.", "en", "neutral"),  # the writer's own
    ("I'll never order again, the food came 40 minutes late.", "en", "complaint"),
    # Online orders: statuses, refunds and speed told as plain facts.
    ("Tracking says \"delivered\" but nothing is at my door.", "en", "complaint"),
    ("The order page hasn't been updated since Monday.", "en", "complaint"),
    ("Refund approved two weeks ago, still nothing in my account.", "en", "complaint"),
    ("Three weeks and counting for a phone case.", "en", "complaint"),
    ("Support said they'd email me today. That was last week.", "en", "complaint"),
    ("The agent ended the chat without answering my question.", "en", "complaint"),
    ("The technician left without fixing the leak.", "en", "complaint"),
    ("My order has been \"out for delivery\" for three days.", "en", "complaint"),
    ("Your site says delivery is free over 500 TL, I paid 60 TL shipping.", "en", "complaint"),
    ("Your site says you ship to Cyprus, is that right?", "en", "neutral"),
    ("The box arrived open.", "en", "complaint"),
    ("The courier left my parcel at the wrong address.", "en", "complaint"),
    ("The driver waited ten minutes for me while I found my keys. Lovely man.", "en", "praise"),
    ("Ordered on Tuesday evening, delivered the next morning.", "en", "praise"),
    ("Arrived two days earlier than estimated.", "en", "praise"),
    ("Sent the shoes back Friday, money back on Monday.", "en", "praise"),
    ("Never had to chase a single order with them.", "en", "praise"),
    ("Ten plates in the box, zero broken.", "en", "praise"),
    ("Didn't have a single problem with the installation.", "en", "praise"),
    ("The agent was so patient, I'm not very good with computers.", "en", "praise"),
    ("Gece yarısı sipariş verdim, ertesi sabah kapıdaydı.", "tr", "praise"),
    ("Siparişten 3 saat sonra elimdeydi.", "tr", "praise"),
    ("Değişim kapıda 5 dakikada bitti.", "tr", "praise"),
    ("Kaybolan kolimi depoda bulup aynı gün yola çıkardılar, sağ olsunlar.", "tr", "praise"),
    ("Eskiden online alışverişten korkardım, burada hiç sorun yaşamadım.", "tr", "praise"),
    ("Kurye çok dakikti, söylediği saatte geldi.", "tr", "praise"),
    ("Her şey olması gerektiği gibi, teşekkürler.", "tr", "praise"),
    ("Kırılacak eşya yazılı koli özenle paketlenmişti, çok memnunum.", "tr", "praise"),
    ("38 numara istedim, kutudan 40 çıktı.", "tr", "complaint"),
    ("Ürün sayfasında ücretsiz kargo yazıyor, kargo parası alındı.", "tr", "complaint"),
    ("Kurye \"alıcı evde yok\" yazmış, bütün gün evdeydim.", "tr", "complaint"),
    ("Mağaza çalışanının kampanyadan haberi yoktu.", "tr", "complaint"),
    ("Kurye iade paketini almadan gitti.", "tr", "complaint"),
    ("Başka yetkili yok mu?", "tr", "complaint"),
    ("Kutuda ayakkabı yerine terlik vardı.", "tr", "complaint"),
    ("Kablo kopuk geldi.", "tr", "complaint"),
    ("Uygulamada kart bilgim güncellenmiyor.", "tr", "complaint"),
    # Repairs and car care.
    ("Motordan gelen vuruntu hâlâ var.", "tr", "complaint"),
    ("Onarımdan sonra da aynı titreme devam ediyor.", "tr", "complaint"),
    ("Arka tampondan ses geliyor.", "tr", "complaint"),
    ("Faturada buji yazıyor, eski bujiler hâlâ takılı.", "tr", "complaint"),
    ("Temizlendi denilen filtre kapkaraydı.", "tr", "complaint"),
    ("Araç hazır dediler, gittim, tekerlek sökük. Hazır neresi?", "tr", "complaint"),
    ("Kaçak yok dediler, garajda yine yağ var.", "tr", "complaint"),
    ("Teklifin iki katı fatura çıkardılar.", "tr", "complaint"),
    ("Bu servise gitmeyin.", "tr", "complaint"),
    ("Buna bakım mı diyorsunuz?", "tr", "complaint"),
    ("Dört kere aynı arızayı anlattım.", "tr", "complaint"),
    ("Üç hafta oldu, sıfır çözüm.", "tr", "complaint"),
    ("Beş yıldız verirdim ama aracı çizik teslim ettiler.", "tr", "complaint"),
    ("Uygulama harika, tek sıkıntısı bildirimlerin gelmemesi.", "tr", "complaint"),
    ("Üç ustanın bulamadığı arızayı Kemal usta yarım saatte buldu, sağ olsun.", "tr", "praise"),
    ("İlk başta tedirgindim, boşuna endişelenmişim.", "tr", "praise"),
    ("Ne yalan söyleyeyim, beklediğimden de iyiydi.", "tr", "praise"),
    ("The squeak is still there after the service.", "en", "complaint"),
    ("They told me it was the gearbox. It wasn't.", "en", "complaint"),
    ("Paid for a new filter, the old one is still in the car.", "en", "complaint"),
    ("The new door panel doesn't match the rest of the car.", "en", "complaint"),
    ("The valet left a scratch on the bonnet.", "en", "complaint"),
    ("The cabin smells of smoke after the valet.", "en", "complaint"),
    ("Thanks for denting my bumper, really appreciate it.", "en", "complaint"),
    ("The oil light came on a day after the service.", "en", "complaint"),
    ("The handover took five minutes and the car was spotless.", "en", "praise"),
    ("He refused a tip after towing us for an hour. What a guy.", "en", "praise"),
    ("He refused to take any money for the repair. What a guy.", "en", "praise"),
    ("They refused to take the money back for the broken kettle.", "en", "complaint"),
    ("They could have charged me for a new part. They just tightened a bolt instead.", "en",
     "praise"),
    ("The bill came in under the quote.", "en", "praise"),
    ("Had my doubts, but the repair was spot on.", "en", "praise"),
    ("She found a fault two other garages missed. Brilliant.", "en", "praise"),
    ("I found a problem with my bill.", "en", "complaint"),  # the customer found it
    ("Don't bother going anywhere else for tyres.", "en", "praise"),
    # Time promised, then the time it took: later is a complaint, sooner is praise.
    ("Teknik servis 2 saat dedi, 5 saat sonra geldi.", "tr", "complaint"),
    ("Kurye 30 dk dedi, 15 dakikada kapıdaydı.", "tr", "praise"),
    ("They quoted 3 days, it took 9 days.", "en", "complaint"),
    ("They said 40 minutes, the van was here in 20 minutes.", "en", "praise"),
    ("Uygulama eskiden çok yavaştı, son güncellemeden sonra sorunsuz.", "tr", "praise"),
    ("Eskiden çok iyiydi, artık berbat.", "tr", "complaint"),
    ("Koltuklarda tek leke kalmamış, eline sağlık.", "tr", "praise"),
    ("Ekibe çok teşekkürler, iz bile kalmadı.", "tr", "praise"),
    ("Çağrı merkezi dediğin böyle olur.", "tr", "praise"),
    ("Bence tüm mağazalar böyle olmalı.", "tr", "praise"),
    ("Ben söylemeden lastik basınçlarını da kontrol etmişler.", "tr", "praise"),
    # A price stated, then the price paid: more is a complaint, less is praise.
    ("Teklif 3000 TL idi, sonunda 2500 TL ödedim. Dürüst bir servis.", "tr", "praise"),
    ("They quoted 200 pounds and charged me 340 pounds.", "en", "complaint"),
    # Telecoms.
    ("Paying for 50 Mbps and getting 6. Brilliant.", "en", "complaint"),
    ("Speed test says 9 Mbps on a 200 Mbps plan.", "en", "complaint"),
    ("They sold my mum an upgrade she never asked for.", "en", "complaint"),
    ("The engineer's visit fixed nothing.", "en", "complaint"),
    ("Two agents said someone would call back. None has.", "en", "complaint"),
    ("The shop sent me to the call centre, the call centre sent me back to the shop. Round and "
     "round.", "en", "complaint"),
    ("The agent was polite. The cancellation policy is the problem.", "en", "complaint"),
    ("Booked the 10-12 slot, the engineer came at 4pm.", "en", "complaint"),
    ("The engineer came at 10:20 for a 10-12 slot. Lovely.", "en", "praise"),
    ("Why didn't I switch years ago?", "en", "praise"),
    ("Deniz at the Kadıköy shop is the reason we stayed.", "en", "praise"),
    ("Roaming worked everywhere, no setup needed.", "en", "praise"),
    ("No dropouts in three months.", "en", "praise"),
    ("Replied to my email within the hour.", "en", "praise"),
    ("The installer even hoovered up after drilling.", "en", "praise"),
    ("Great to know that \"unlimited\" means 20 GB.", "en", "complaint"),
    ("Kesinti yok, sürpriz yok, fatura hep aynı.", "tr", "praise"),  # "sürpriz" is no "priz"
    ("Fiyatları pahalı değil, hizmet de çok iyi.", "tr", "praise"),
    ("Her şey söylendiği gibi oldu, teşekkürler.", "tr", "praise"),
    ("Teknisyen söylenen saat aralığında geldi, çıkarken kartonları da götürdü.", "tr", "praise"),
    ("Yurt dışında ilk dakikadan çalıştı, ayar yapmam gerekmedi.", "tr", "praise"),
    ("İtirazımdan sonra 2 gün içinde para hesabıma geçti.", "tr", "praise"),
    ("Kötü değil aslında, fiyatına göre iyi.", "tr", "praise"),
    ("İade ederken hiç zorluk çıkarmadılar.", "tr", "praise"),
    ("Başka operatörde aylarca ulaşamadığım teknik desteğe burada bir günde ulaştım, sağ olun.",
     "tr", "praise"),
    ("Hizmet dersen sıfır, fatura dersen tavan.", "tr", "complaint"),
    ("Kampanya bitince fatura üç katına çıktı.", "tr", "complaint"),
    ("100 Mbps paket için 15 Mbps mi normal?", "tr", "complaint"),
    ("Benim onayım olmadan ek paket tanımlanmış.", "tr", "complaint"),
    ("Mağaza çağrı merkezine, çağrı merkezi mağazaya yolluyor, bu ping pong ne zaman bitecek?",
     "tr", "complaint"),
    ("Ödeme yaptığım halde hattım kapatıldı.", "tr", "complaint"),
    ("Kaç kere arayacağım bu iş için?", "tr", "complaint"),
    ("Kurulumu yapmadan \"tamamlandı\" yazıp gitmişler.", "tr", "complaint"),
    ("Teknisyen 10:00-12:00 arası gelecekti, saat 16:00 oldu.", "tr", "complaint"),
    ("Teknisyen 10 dk erken geldi, kurulum 30 dakikada bitti.", "tr", "praise"),
    ("Montajdan sonra çöpe kadar topladılar.", "tr", "praise"),  # the bin is no fault
    ("Masada çöp vardı.", "tr", "complaint"),
    ("Beğenmediğim bir şey olmadı.", "tr", "praise"),
    # Banks and insurers.
    ("My mortgage papers have been 'with underwriting' for six weeks.", "en", "complaint"),
    ("The adviser told me the charge would be refunded. It wasn't.", "en", "complaint"),
    ("Annual fee? What annual fee? It was sold to me as free.", "en", "complaint"),
    ("The branch manager stopped answering my emails.", "en", "complaint"),
    ("The app is lovely when it works.", "en", "complaint"),
    ("Claim settled within two days of the flood.", "en", "praise"),
    ("The car claim was paid in full, no questions asked.", "en", "praise"),
    ("Not a penny in hidden fees so far, three years in.", "en", "praise"),
    ("Hesabıma bana sorulmadan sigorta eklenmiş.", "tr", "complaint"),
    ("Bilgim dışında kartıma taksit yapılmış.", "tr", "complaint"),
    ("Aidatsız diye sattığınız karttan aidat kesildi.", "tr", "complaint"),
    ("Hasar bedeli iki aydır ödenmedi.", "tr", "complaint"),
    ("Kartı iptal ettim, yine de ekstre geliyor.", "tr", "complaint"),
    ("Her seferinde baştan anlatmak zorunda kalıyorum.", "tr", "complaint"),
    ("2026'dayız, hâlâ şubeye gitmem gerekiyor.", "tr", "complaint"),
    ("Cam hasarı için ödeme 24 saatte yapıldı.", "tr", "praise"),
    ("Hastaneden tek kuruş ödemeden çıktım, teşekkürler.", "tr", "praise"),
    ("Bu bankaya lafım yok.", "tr", "praise"),
    ("Bu yıl da bizi hiç mağdur etmediniz.", "tr", "praise"),
]

# Bills and utilities (dev-blind-10's trade), in fresh words: a charge taken back, paid and still
# owed, billed after leaving, the notice after the event, questions that are complaints.
BILLS = [
    ("Three months after closing my account I'm still being charged.", "en", "complaint"),
    ("Is it really so hard to answer an email?", "en", "complaint"),
    ("Haven't received a statement in six months.", "en", "complaint"),
    ("The agent didn't understand a word I said.", "en", "complaint"),
    ("Fourth call about the same meter reading.", "en", "complaint"),
    ("Fix my bill or cancel my contract.", "en", "complaint"),
    ("Must be nice to take a long lunch while the queue grows.", "en", "complaint"),
    ("They emailed me the same useless form three times.", "en", "complaint"),
    ("The installers were complete idiots.", "en", "complaint"),
    ("So glad we pay extra for priority support.", "en", "complaint"),
    ("The reminder about the road works came after the works had finished.", "en", "complaint"),
    ("Still getting better every visit!", "en", "praise"),
    ("Hatalı okunan sayaç için kesilen ceza iptal edildi, teşekkürler.", "tr", "praise"),
    ("Fazla çekilen 300 TL ertesi gün hesabıma yattı.", "tr", "praise"),
    ("Ödediğim faturanın parası iade edilmedi.", "tr", "complaint"),
    ("Siparişim iptal edildi.", "tr", "complaint"),
    ("Komşumun desteği olmasa bu formu dolduramazdık.", "tr", "praise"),
    ("Usta sayesinde bu kış soğukta kalmadık.", "tr", "praise"),
    ("Ayda iki kesinti çok değil mi?", "tr", "complaint"),
    ("Şikayet yazdım da ne oldu?", "tr", "complaint"),
    ("Burada yorumlara bakan kimse yok mu?", "tr", "complaint"),
    ("Geçen ay ödediğim tutar hâlâ borç gibi görünüyor.", "tr", "complaint"),
    ("Faturada iki tane servis ücreti yansımış.", "tr", "complaint"),
    ("Teşekkürler, siparişimi unutarak akşam yemeğimizi iptal ettirdiniz.", "tr", "complaint"),
    ("Kampanya bittikten sonra indirim SMS'i geldi, çok hızlısınız tebrikler.", "tr",
     "complaint"),
    ("Maç bittikten sonra da kafede oturduk, çalışanlar çok kibardı, teşekkürler.", "tr",
     "praise"),
    ("Ödemem tek seferde onaylandı.", "tr", "praise"),
    # a clock-time window: inside it is kept, past it is late
    ("Booked the 14:00-18:00 slot, the technician arrived at 15:30 and was lovely.", "en",
     "praise"),
    ("We were given 09:00-12:00 for the install. The fitter turned up at 13:20.", "en",
     "complaint"),
    ("14:00-18:00 arası randevu verdiler, usta 15:30'da geldi, çok memnun kaldım.", "tr",
     "praise"),
    ("10:00-12:00 arası gelecekti, ekip 14:45'te geldi.", "tr", "complaint"),
    # had they told us, we would have gone elsewhere; our own ignorance is praise
    ("Kargonun iki hafta süreceğini belirtselerdi başka yerden alırdık.", "tr", "complaint"),
    ("Daha önce bilseydim çoktan gelirdim.", "tr", "neutral"),
    ("Saat 10.00'da \"yarım saate ararız\" dendi. Şu an saat 16.30.", "tr", "complaint"),
    ("Öneri: sepete not alanı eklenebilir.", "tr", "neutral"),
    ("Sipariş vereli bir ay oldu ve ürünü hâlâ görmedim.", "tr", "complaint"),
    ("Üç yıldır buradan alıyorum, hiç bozuk ürün görmedim. Tavsiye ederim.", "tr", "praise"),
    ("Bir iade kodu göndermek bu kadar mı zor?", "tr", "complaint"),
    ("Bu şirkette maillere bakan tek bir kişi var mı?", "tr", "complaint"),
    ("İade ettiğim ürünün parası kesilmeye devam ediyor. Bunu kim düzeltecek?", "tr",
     "complaint"),
    ("2026'dayız, faks mı kaldı?", "tr", "complaint"),
    ("Klima takıldı ama soğutmuyor.", "tr", "complaint"),
    ("Yeni parça takıldı, araba sorunsuz.", "tr", "praise"),
    ("Uygulama sürekli takılıyor.", "tr", "complaint"),
    ("Bir daha asla başka kuaföre gitmem.", "tr", "praise"),
    ("Bir daha asla gitmem.", "tr", "complaint"),
    ("Her şey yolundaydı, ekip de çok nazikti.", "tr", "praise"),
    ("Her şey yolunda değil, kargo hâlâ gelmedi.", "tr", "complaint"),
    ("Önerdiği boya tam isabet oldu.", "tr", "praise"),
    ("Terzi pantolonu jilet gibi ütüledi.", "tr", "praise"),
    ("Eczacı Hanım ilaçlar konusunda yürüyen ansiklopedi.", "tr", "praise"),
    ("Hemşire Hanım'a size borçluyuz.", "tr", "praise"),
    ("Ekmek taze, fiyat uygun, personel güler yüzlü. Daha ne olsun?", "tr", "praise"),
    ("Teşekkürler, siparişimi silerek bana sabrı öğrettiniz.", "tr", "complaint"),
    ("Kırık bir dişe \"normal\" mi denir?", "tr", "complaint"),
    ("Tahlil sonucu sisteme işlenmemiş, uygulamada da gözükmüyor.", "tr", "complaint"),
    ("Poşet yırtıktı, yumurtaların yarısı kırık geldi.", "tr", "complaint"),
    ("Ben hiç aramadan her aşamada SMS geldi.", "tr", "praise"),
    ("Zero regrets about the new fridge.", "en", "praise"),
    ("Only took six emails to get a refund. Impressive!", "en", "complaint"),
    ("It only took two visits to fit the whole kitchen, brilliant team.", "en", "praise"),
    ("Thank you for teaching me patience, day 40 of waiting for a wardrobe.", "en",
     "complaint"),
    ("Lovely sofa, if you like the smell of glue in your living room.", "en", "complaint"),
    ("If you love the smell of fresh bread, come early!", "en", "praise"),
    ("Two weeks, five messages, 0 replies.", "en", "complaint"),
    ("Will anyone ever pick up the phone at head office?", "en", "complaint"),
    ("The courier left my parcel out in the rain by the bins.", "en", "complaint"),
    ("The only saving grace was the view.", "en", "complaint"),
    ("Ten out of ten for the coffee, zero for the service.", "en", "complaint"),
    ("Such a \"friendly\" shop that nobody said hello.", "en", "complaint"),
    ("Deniz is an absolute angel with nervous patients.", "en", "praise"),
    ("The pharmacist rang to check how I was. No other pharmacy has ever done that.", "en",
     "praise"),
    ("Couldn't have asked for a smoother move.", "en", "praise"),
    ("No hidden fees and no upselling, refreshing.", "en", "praise"),
    ("Your note on the box meant so much to my daughter.", "en", "praise"),
    ("How is a three-week wait for a refund acceptable?", "en", "complaint"),
    ("Ordered in May and nobody can tell me where my table is.", "en", "complaint"),
    ("Nobody rushed me at the till, even with the queue behind me.", "en", "praise"),
    ("Thank you for not giving up on my old laptop.", "en", "praise"),
    ("Who knew a bank app could be this easy? Love it.", "en", "praise"),
    ("The new colourist is next level.", "en", "praise"),
    ("Booked the 9am slot and the fitter showed up at 11:30.", "en", "complaint"),
    ("Booked for 2pm, seen at 2:05pm.", "en", "neutral"),
    ("Her şey yapılabilir dediler ve hepsini yaptılar, çok teşekkürler.", "tr", "praise"),
    ("Bankaya gitmek tam bir sabır sınavı.", "tr", "complaint"),
]


def test_a_lower_price_someone_else_pays_is_not_praise():
    # not "the same … for less": the writer is the one paying more
    assert rules("My neighbour pays 150 TL less for the same plan.", "en").label != "praise"


def test_they_waited_before_closing_is_no_complaint():
    # "before closing" is no wait; they waited for the customer: praise, if anything
    assert rules("Dükkan kapanmadan yetiştim, sağ olsunlar beklediler.", "tr").label != \
        "complaint"


def test_a_fish_gutted_for_the_customer_is_no_complaint():
    # neutral to the rules; the verdict model may call it praise, for a curator to read
    verdict = rules("The fishmonger gutted the trout for me and wrapped it in ice.", "en")
    assert verdict.label != "complaint" and verdict.score < 0.5


@pytest.mark.parametrize("text,lang,label", BILLS)
def test_bills_and_utilities(text, lang, label):
    assert rules(text, lang).label == label


# Written by a reviewer to break the rules above; each was a false complaint or false praise
# once (2026-11-24, evening).
NOT_FOOLED = [
    ("The food arrived 15 minutes after we ordered, piping hot and delicious.", "en", "praise"),
    ("I ordered the lamb, got exactly what I wanted. Delicious.", "en", "praise"),
    ("Orta pişmiş istedim, mükemmel geldi. Eline sağlık.", "tr", "praise"),
    ("Paket servis ücreti yok, minimum tutar da düşük. Tavsiye ederim.", "tr", "praise"),
    ("Yemekler o kadar güzeldi ki tabakta tek bir lokma bile kalmadı.", "tr", "praise"),
    ("Dükkana girer girmez mis gibi ekmek kokusu geliyor, simitleri de harika.", "tr", "praise"),
    ("Exactly as the listing said. Great quality.", "en", "praise"),
    ("Sitede 3 gün içinde teslim yazıyor, ertesi gün elimdeydi. Teşekkürler!", "tr", "praise"),
    ("Başka yere gitmeyin, şehirdeki en iyi kebapçı burası!", "tr", "praise"),
    ("The staff were still there after closing to help us load the van.", "en", "praise"),
    ("She even laughed at my terrible jokes. Lovely visit.", "en", "praise"),
    ("We celebrated our anniversary there, that was on Saturday, and it was perfect.", "en",
     "praise"),
    ("Their spicy chicken cold noodles are the best in town.", "en", "praise"),
    ("İki katı fiyat olsa yine buradan alırım, o kadar iyi.", "tr", "praise"),
    ("Müdür Bey ücret almadan gitti, çok naziktiler.", "tr", "praise"),
    ("Eski kapının yerine yenisi geldi, montaj da çok temizdi.", "tr", "praise"),
    ("Their card machine refused my payment, so I had to walk to a cash machine.", "en",
     "complaint"),
    ("Got home and found a leak on the driveway right under the engine.", "en", "complaint"),
]


@pytest.mark.parametrize("text,lang,label", NOT_FOOLED)
def test_not_fooled_by_the_same_words_in_other_stories(text, lang, label):
    assert rules(text, lang).label == label


@pytest.mark.parametrize("text,lang,label", READ_IN_CONTEXT)
def test_read_in_context(text, lang, label):
    assert rules(text, lang).label == label


@pytest.mark.parametrize("text,lang,label", [
    ("Kasiyer kız, unuttuğum poşeti koşarak otoparka kadar getirdi.", "tr", "praise"),
    ("Hemşire gece iki kez gelip annemi kontrol etti, yastığını ayarladı.", "tr", "praise"),
    ("The vet called us back at 8pm to see how the dog was doing.", "en", "praise"),
    ("The server brought us the bill.", "en", "neutral"),  # routine, not beyond duty
    ("I returned it the next day.", "en", "neutral"),  # the writer's own act
    ("Need the strap on my bag replaced, can I drop it in on Monday?", "en", "neutral"),
    ("Kurye paketi kapıya bıraktı.", "tr", "neutral"),
])
def test_a_kind_act_told_plainly_is_praise(text, lang, label):
    verdict = rules(text, lang)
    assert verdict.label == label
    if label == "praise":
        assert verdict.score < 0.5  # praise, but a curator looks before a wall shows it


@pytest.mark.parametrize("text,lang,label", [
    # praise that negates its verb: one cannot praise enough
    ("I cannot recommend the adult beginner course enough.", "en", "praise"),
    ("Can't recommend the Moda branch enough!!", "en", "praise"),
    ("Can't say enough good things about this place.", "en", "praise"),
    ("I can't recommend a place that doesnt have enough staff.", "en", "complaint"),
    # a decline, a request to stop, too few hands, less for more
    ("The pizza used to be amazing, now it is tiny and expensive.", "en", "complaint"),
    ("Can you stop calling me every day?", "en", "complaint"),
    ("She is doing her best, she can't clean 4 floors alone. Hire more people.", "en",
     "complaint"),
    ("The sandwiches are now half the size and twice the price.", "en", "complaint"),
    ("The cakes are lovely, the price is not. 💸", "en", "complaint"),
    # two answers, a word not kept; and the customer's own delay
    ("İki çalışan farklı bilgi veriyor, hangisine inanacağız?", "tr", "complaint"),
    ("İkisi de teslim için söz verdi, ikisi de tutmadı.", "tr", "complaint"),
    ("Neden daha önce gelmedik ki? Çocuklar eve dönmek istemedi.", "tr", "praise"),
    ("Neden daha önce gelmedi kurye?", "tr", "complaint"),
    # praise that denies the worst, and faults that VADER's three-word negation misses
    ("Buy here, you won't regret it.", "en", "praise"),
    ("The bakery does not disappoint, the simit was still warm.", "en", "praise"),
    ("For the price you can't beat it.", "en", "praise"),
    ("Delivery went without a hitch.", "en", "praise"),
    ("I don't think you can go wrong with them.", "en", "praise"),
    ("Without a doubt the friendliest branch.", "en", "praise"),
    ("Without a doubt the worst service.", "en", "complaint"),
    ("None of the rooms was clean.", "en", "complaint"),
    ("Looks great, works like crap.", "en", "complaint"),
    ("Pros: friendly staff. Cons: long queue at the till.", "en", "complaint"),
    ("Cannot find a single thing to complain about.", "en", "praise"),
    # a trouble gone is what the visit was for
    ("Umut was on time, polite and thorough. Bed bugs are gone.", "en", "praise"),
    ("Mice gone from the restaurant in a week, absolute legends.", "en", "praise"),
    ("Fare sorunumuz bitti, teşekkürler.", "tr", "praise"),
    ("Hamam böceklerinden tek ilaçlamayla kurtulduk.", "tr", "praise"),
    ("Bel ağrım geçti, Deniz Hanım'a teşekkürler.", "tr", "praise"),
    ("I thought the mice were gone, but they came back after a week.", "en", "complaint"),
    ("Sorunum bitti sanmıştım, iki gün sonra fareler geri geldi.", "tr", "complaint"),
    ("Three weeks later the rats are back.", "en", "complaint"),
    ("Lekeli gömleğim kayboldu!", "tr", "complaint"),
    ("The cake was gone by noon, so disappointing.", "en", "complaint"),
    # Turkish praise that denies a lack, a wish that all were like this one, never met
    ("Hiçbir sorum cevapsız kalmadı.", "tr", "praise"),
    ("Keşke her firma böyle olsa.", "tr", "praise"),
    ("Bir tane bile kaba şoföre denk gelmedim.", "tr", "praise"),
    ("Keşke kasiyerler de bu kadar güler yüzlü olsa.", "tr", "complaint"),
    ("Mesajım yanıtsız kaldı.", "tr", "complaint"),
    # and not what only looks like them
    ("Olmadık sorun kalmadı, kargo 3 kez kayboldu.", "tr", "not praise"),
    ("Sorun bitti mi? Hayır, hâlâ devam ediyor.", "tr", "not praise"),
    ("Sıkıntı kalmadı dediler, yalanmış.", "tr", "not praise"),
    ("Başka firmaya geçince sorunumuz bitti.", "tr", "not praise"),
    ("Keşke her firma böyle olsa diyordum, ikinci siparişimde ürün kırık geldi.", "tr",
     "not praise"),
    ("Keşke bütün yemekler böyle olsa.", "tr", "not praise"),
    ("Hiçbir soru cevapsız kalmaz dediler, kaldı.", "tr", "not praise"),
    ("Ödeme tutarı faturaya denk gelmedi.", "tr", "complaint"),
    ("Fare sorunumuz bitti, tekrar teşekkürler.", "tr", "praise"),
    ("No more mice, thanks again!", "en", "praise"),
    ("Cons: honestly the price is too high.", "en", "complaint"),
    ("Cons: nothing, lovely stay.", "en", "praise"),
    ("The problems were gone once we switched to another company.", "en", "not praise"),
    ("Wish the mice were gone.", "en", "not praise"),
    ("The rust's gone right through the wheel arch after their repair.", "en", "not praise"),
    ("They have never let me down until today: card blocked.", "en", "not praise"),
    ("It didn't go without a hitch.", "en", "not praise"),
    ("I would not give them a penny for anything they sell.", "en", "not praise"),
    ("None of the free extras were included.", "en", "not praise"),
    ("Pros and cons: great location, friendly staff.", "en", "not a complaint"),
    ("Cons: I can't think of one, everything was perfect.", "en", "not a complaint"),
    ("You will regret it.", "en", "not praise"),
    ("Couldn't beat the queue, waited 40 minutes for a coffee.", "en", "not praise"),
    ("The install was not without a hitch: two visits and a leak.", "en", "not praise"),
    ("I doubt they will ever fix it.", "en", "not praise"),
    ("Smells like heaven in there.", "en", "not a complaint"),
    ("Can't recommend them they never have enough stock", "en", "not praise"),
    ("Cannot recommend it because not enough parking", "en", "not praise"),
    ("I'd happily pay twice the price for this quality!", "en", "not a complaint"),
    ("Half the size of my old phone and twice as fast, love it.", "en", "not a complaint"),
    ("No need to hire more staff, the team was quick and friendly.", "en", "not a complaint"),
    ("Hire more people as kind as Tom!", "en", "not a complaint"),
    ("It used to be the best kept secret in town, now everyone knows.", "en", "not a complaint"),
    ("Hocamız her derste farklı bilgiler veriyor, çok faydalı.", "tr", "not a complaint"),
    ("Verdiği sözü tutmadığı tek bir gün olmadı, çok güvenilir.", "tr", "not a complaint"),
    # 2026-11-25, from held-outs 63-66 read after they were measured (sentences of our own)
    ("Ustanın elleri dert görmesin, poğaça iki gün bayatlamadı.", "tr", "praise"),
    ("Kuaförde Sevgi Hanım stresimi aldı resmen, çok tatlı.", "tr", "praise"),
    ("Şube müdürü yorgunluğumu aldı, sağ olsun.", "tr", "not a complaint"),
    ("Onur duyduk, fırınımız ödül almış!", "tr", "praise"),
    ("Gece açık tek eczane sizsiniz, paha biçilemez.", "tr", "not a complaint"),
    ("Dikilen perde ilk yıkamada perişan oldu.", "tr", "complaint"),
    ("Siparişteki notuma uyulmamış, soğan yok dediğim halde soğanlı geldi.", "tr", "complaint"),
    ("Normalde 3 günde gelmesi gerekirken ertesi gün kapımdaydı, teşekkürler.", "tr", "praise"),
    ("Bu kadar stres altında çalışan bir ekipten iyi hizmet beklenmez.", "tr", "not praise"),
    ("Parking here is no joke on weekends.", "en", "complaint"),
    ("Tadından hoşlanmazsan değiştiriyorlar, çok anlayışlılar.", "tr", "praise"),
    ("I don't trust this place anymore, but the coffee is still good.", "en", "complaint"),
    ("Kasiyer yüzüme bağırdı. Müşteriye böyle mi davranılır?", "tr", "complaint"),
    ("Faturaların yeni adresime gelmesi gerekiyordu, eskisine gidiyor, iki kez düzelttim.", "tr",
     "complaint"),
    ("Randevu saatimi iki kez değiştirdim ama hiç surat asmadılar, sağ olsunlar.", "tr",
     "praise"),
    ("Genelde zincir kafeleri sevmem ama burası çok samimi.", "tr", "praise"),
    ("I don't usually like chain bakeries, but this one is a gem.", "en", "not a complaint"),
    ("Best baklava in the city, no joke.", "en", "praise"),
    ("Not gonna lie, the service was awful.", "en", "complaint"),
    ("The courier drove off like he had stolen the van, parcel thrown on the step.", "en",
     "complaint"),
    ("They replaced the boiler eventually, but it took eight days.", "en", "complaint"),
    ("From the car park to the gate took seven minutes, brilliant.", "en", "praise"),
    # 2026-11-25, from held-outs 67-70 read after they were measured (sentences of our own)
    ("The electrician sorted the fuse box in ten minutes and didn't even charge a call-out fee.",
     "en", "praise"),
    ("I never leave reviews, but this garage deserves one. Honest and quick.", "en", "praise"),
    ("I hate writing reviews. The delivery was late and cold.", "en", "complaint"),
    ("The new booking app is dead easy.", "en", "praise"),
    ("The landlord's agent didn't tell us the boiler was broken.", "en", "complaint"),
    ("Their promise of a 24-hour refund was a lie.", "en", "complaint"),
    ("Will you guys ever answer the phone?", "en", "complaint"),
    ("The shop opens whenever it feels like it.", "en", "complaint"),
    ("Oh, it came in pieces and two days late? Cool cool cool.", "en", "complaint"),
    ("Long week at work, and your burger made it better. Thank you!", "en", "praise"),
    ("Kıymalı börek çok güzeldi, ellerinize sağlık.", "tr", "praise"),
    ("Zor bir haftaydı, akşam gelen sıcak çorba iyi geldi, sağ olun.", "tr", "praise"),
    ("Kapıyı açar açmaz kurye gülümsedi, sıcacık teslim etti.", "tr", "praise"),
    ("Kapıyı açmaz, telefonu açmaz, böyle hizmet olmaz.", "tr", "complaint"),
    ("Altı aydır bir kez bile kopma yaşamadım, teşekkürler.", "tr", "praise"),
    ("Bir yıldır tek bir fatura sürprizi yaşamadık.", "tr", "praise"),
    ("Lahmacununuz favorim oldu.", "tr", "praise"),
    ("Tadilatı yarım bıraktılar, bir haftadır kimse gelmiyor.", "tr", "complaint"),
    ("Müdürün söz verdiği indirim ne oldu?", "tr", "complaint"),
    ("Satış danışmanı 5 gündür dönmedi.", "tr", "complaint"),
    # a reviewer's sentences against the rules above
    ("The power bank didn't charge a thing.", "en", "complaint"),
    ("Phone went dead quick.", "en", "complaint"),
    ("Will you guys ever stop being this good? Best burger in town.", "en", "praise"),
    ("The cat comes to the café whenever it feels like it, and the staff adore her.", "en",
     "not a complaint"),
    ("Bad day made worse by your useless customer service. Thanks.", "en", "complaint"),
    ("Berbat bir gün geçirdim, sizin yüzünüzden. Teşekkürler.", "tr", "complaint"),
    ("Uygulama açılır açılmaz kapanıyor.", "tr", "complaint"),
    ("Favori dizimi izlerken internet koptu.", "tr", "complaint"),
    ("Sigarayı yarıda bıraktım, bu ürün sayesinde. Teşekkürler!", "tr", "praise"),
    # 2026-11-25, from held-outs 71-74 read after they were measured (sentences of our own)
    ("Would give them ten stars if I could.", "en", "praise"),
    ("First visit to this barber and it won't be the last.", "en", "praise"),
    ("This won't be the last you hear from me.", "en", "not praise"),
    ("We'll be back, no question about it.", "en", "not a complaint"),
    ("Sabrımızı bitirdiniz, artık sizden alışveriş yapmayacağım.", "tr", "complaint"),
    ("Uygulama pilimi bitiriyor.", "tr", "complaint"),
    ("Annem acilde 4 saat bekledi.", "tr", "complaint"),
    ("The vet found the infection two other clinics missed.", "en", "not a complaint"),
    ("İade noktasında Gül Hanım işlemimi iki dakikada bitirdi, çok teşekkürler!", "tr", "praise"),
    ("Kasada 25 dakika bekledim, tek kasa açıktı.", "tr", "complaint"),
])
def test_idioms_that_turn_the_words_around(text, lang, label):
    if label.startswith("not "):
        unwanted = label.removeprefix("not a ").removeprefix("not ")
        assert rules(text, lang).label != unwanted
        assert assess(text, lang).label != unwanted
        return
    assert rules(text, lang).label == label
    assert assess(text, lang).label == label
