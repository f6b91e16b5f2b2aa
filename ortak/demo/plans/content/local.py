"""Local colour: objectives that only one pilot has, keyed by slug and then by theme.

They are placed first under their theme's aim. Figures here are the pilot's own (not scaled);
costs are yearly planned costs in million ₺ for the pilot itself.
"""

from __future__ import annotations

from ortak.demo.plans.content.themes._sources import RECORDS, WORKS
from ortak.demo.plans.content.types import ObjectiveSpec, act, ind

SEYHAN = ObjectiveSpec(
    title="Seyhan Nehri kıyılarını kentle bütünleşen bir rekreasyon ve ekolojik koridor olarak düzenlemek",
    unit="park",
    cooperating=("fen", "iklim", "etut"),
    indicators=(
        ind("Düzenlenen Seyhan Nehri kıyı şeridi uzunluğu", "Km", WORKS, 6, 18, decimals=1),
        ind("Nehir kıyısındaki yürüyüş ve bisiklet yolu uzunluğu", "Km", WORKS, 8, 22, decimals=1),
        ind(
            "Seyhan Nehri su kalitesi izleme noktası sayısı", "Adet", RECORDS, 3, 12, owner="cevre"
        ),
        ind(
            "Kıyı parklarından memnuniyet oranı",
            "%",
            "Vatandaş memnuniyeti araştırması",
            64,
            80,
            periodic=True,
            yearly=True,
        ),
    ),
    activities=(
        act(
            "Seyhan Nehri kıyı düzenleme ve rekreasyon projesi",
            "park",
            340,
            project=True,
            years=(2025, 2028),
        ),
        act("Nehir kıyısında ekolojik restorasyon ve ağaçlandırma", "park", 24),
        act("Seyhan Nehri su kalitesi izleme ağı", "cevre", 3.5, years=(2025, 2026)),
    ),
    risks=(
        "Nehir kıyısındaki mülkiyet ve yetki karmaşası (DSİ, Hazine, belediye)",
        "Yaz aylarında aşırı sıcakların kıyı kullanımını sınırlaması",
    ),
    strategies=(
        "Kıyı projelerini DSİ Bölge Müdürlüğü ve ilçe belediyeleriyle ortak bir master planla yürütmek",
        "Kıyı boyunca gölgeli, serin ve erişilebilir yürüyüş aksları oluşturmak",
    ),
    findings=(
        "Seyhan Nehri'nin kent içinden geçen kıyılarının önemli bir bölümünün kamusal kullanıma kapalı ya da bakımsız olduğu tespit edilmiştir.",
        "Yaz aylarında kentsel ısı adası etkisinin nehirden uzak mahallelerde belirgin biçimde arttığı görülmüştür.",
    ),
    needs=(
        "Seyhan Nehri kıyı master planı",
        "Kıyı yatırımları için dış finansman",
    ),
)

ADANA_FESTIVAL = ObjectiveSpec(
    title="Uluslararası Portakal Çiçeği Karnavalı ve Adana Lezzet Festivali'ni kentin markası hâline getirmek",
    unit="kultur",
    cooperating=("basin", "ekonomi", "zabita"),
    indicators=(
        ind(
            "Karnaval ve festival ziyaretçi sayısı",
            "Kişi",
            "Etkinlik ziyaretçi sayımları",
            1200000,
            2000000,
            periodic=True,
            yearly=True,
        ),
        ind(
            "Festivallere katılan yerel işletme ve üretici sayısı",
            "Adet",
            RECORDS,
            150,
            300,
            periodic=True,
            yearly=True,
        ),
        ind(
            "Festival dönemindeki otel doluluk oranı",
            "%",
            "İl Kültür ve Turizm Müdürlüğü konaklama istatistikleri",
            68,
            85,
            periodic=True,
            yearly=True,
        ),
    ),
    activities=(
        act("Uluslararası Portakal Çiçeği Karnavalı", "kultur", 38),
        act("Adana Lezzet Festivali", "kultur", 24),
    ),
    risks=(
        "Etkinlik maliyetlerinin hızla artması",
        "Kalabalık yönetimi ve güvenlik riskleri",
    ),
    strategies=(
        "Festivalleri yerel üretici, esnaf ve STK'larla birlikte tasarlamak",
        "Sponsorluk gelirlerini artırarak belediye bütçesi üzerindeki yükü azaltmak",
    ),
    findings=(
        "Karnavalın ulusal ölçekte tanınırlığının yüksek olduğu, ancak ziyaretçilerin kentte kalış süresinin kısa olduğu tespit edilmiştir.",
    ),
    needs=("Etkinlik yönetimi ve güvenlik planı",),
)

OSTIM = ObjectiveSpec(
    title="OSTİM ve İvedik organize sanayi bölgeleriyle işbirliği içinde gençlerin nitelikli istihdamını artırmak",
    unit="ekonomi",
    cooperating=("spor", "kadin"),
    indicators=(
        ind(
            "OSB işbirliğiyle mesleki eğitim alan genç sayısı",
            "Kişi",
            "Kurs kayıt sistemi",
            600,
            1500,
            periodic=True,
        ),
        ind(
            "OSB firmalarında işe yerleştirilen kişi sayısı",
            "Kişi",
            "İstihdam ofisi ve İŞKUR kayıtları",
            200,
            700,
            periodic=True,
        ),
        ind(
            "Sanayi staj programına katılan üniversite öğrencisi sayısı",
            "Kişi",
            RECORDS,
            100,
            400,
            periodic=True,
            yearly=True,
        ),
    ),
    activities=(
        act("OSTİM ve İvedik OSB ile mesleki eğitim işbirliği", "ekonomi", 6),
        act("Sanayi-genç buluşmaları ve staj programı", "ekonomi", 1.5),
    ),
    risks=("Sanayideki çalışma koşullarının gençler için çekici bulunmaması",),
    strategies=(
        "Eğitim programlarını OSB yönetimleri ve meslek liseleriyle birlikte tasarlamak",
        "Kadınların sanayide istihdamını destekleyen özel programlar yürütmek",
    ),
    findings=(
        "İlçe sınırlarındaki organize sanayi bölgelerinde ara eleman açığı bulunurken ilçedeki genç işsizliğinin yüksek olduğu tespit edilmiştir.",
    ),
    needs=("OSB yönetimleriyle işbirliği protokolü",),
)

SENTEPE = ObjectiveSpec(
    title="Şentepe ve çevresindeki gecekondu alanlarında dönüşümü hak sahipleriyle birlikte tamamlamak",
    unit="donusum",
    cooperating=("imar", "emlak", "fen", "sosyal"),
    indicators=(
        ind("Şentepe'de hak sahipleriyle uzlaşma sağlanan parsel oranı", "%", RECORDS, 55, 90),
        ind("Dönüşüm alanında teslim edilen konut sayısı", "Adet", RECORDS, 0, 1800),
        ind(
            "Dönüşüm alanında yapılan okul, park ve sağlık tesisi sayısı",
            "Adet",
            WORKS,
            0,
            12,
            owner="fen",
        ),
    ),
    activities=(
        act(
            "Şentepe dönüşüm alanı altyapı ve sosyal donatı yatırımları",
            "fen",
            120,
            project=True,
            years=(2025, 2028),
        ),
        act("Hak sahipleriyle uzlaşma ve bilgilendirme ofisi", "donusum", 3),
    ),
    risks=(
        "Hisseli tapular nedeniyle uzlaşmanın gecikmesi",
        "İnşaat maliyetlerindeki artış",
    ),
    strategies=(
        "Yerinde dönüşümü esas alarak mahalle dokusunu korumak",
        "Hak sahiplerine düzenli bilgilendirme toplantıları yapmak",
    ),
    findings=("Şentepe'de gecekondu ve riskli yapıların hâlâ yoğun olduğu tespit edilmiştir.",),
    needs=("Güncel hak sahipliği envanteri",),
)

BURDUR_GOLU = ObjectiveSpec(
    title="Burdur Gölü havzasında kuraklıkla mücadeleye ve suyun verimli kullanımına katkı sağlamak",
    unit="iklim",
    cooperating=("su", "park", "basin"),
    indicators=(
        ind(
            "Kişi başı günlük su tüketimi",
            "Litre/kişi-gün",
            "Su tahakkuk kayıtları, TÜİK ADNKS",
            185,
            150,
            down=True,
            periodic=True,
            yearly=True,
            owner="su",
        ),
        ind(
            "Arıtılmış atık su veya yağmur suyuyla sulanan yeşil alan oranı",
            "%",
            RECORDS,
            5,
            40,
            owner="park",
        ),
        ind(
            "Kuraklığa dayanıklı (kserofit) peyzaj uygulanan alan",
            "m²",
            WORKS,
            0,
            60000,
            owner="park",
        ),
        ind(
            "Su tasarrufu farkındalık eğitimi verilen kişi sayısı",
            "Kişi",
            RECORDS,
            2000,
            6000,
            periodic=True,
        ),
    ),
    activities=(
        act("Burdur Gölü ve Su Tasarrufu Farkındalık Programı", "iklim", 1.2),
        act(
            "Arıtılmış atık suyun park sulamasında kullanılması projesi",
            "su",
            14,
            project=True,
            years=(2025, 2027),
        ),
        act("Kserofit peyzaj dönüşümü", "park", 3),
    ),
    risks=(
        "Kuraklığın şiddetlenmesi ve yeraltı suyu seviyesinin hızla düşmesi",
        "Tarımsal sulamada kaçak kuyu kullanımı",
    ),
    strategies=(
        "Göl havzasındaki kurumlarla (DSİ, İl Tarım ve Orman Müdürlüğü) ortak eylem planı uygulamak",
        "Kent içi su tüketimini kademeli tarife ve akıllı sayaçlarla azaltmak",
    ),
    findings=(
        "Burdur Gölü'nün su seviyesinin son otuz yılda belirgin biçimde düştüğü ve kıyı çizgisinin geri çekildiği tespit edilmiştir.",
        "Park ve yeşil alanların sulanmasında içme suyu kullanıldığı görülmüştür.",
    ),
    needs=(
        "Havza ölçeğinde su bütçesi",
        "Arıtılmış atık su iletim hattı",
    ),
)

GASTRONOMI = ObjectiveSpec(
    title="UNESCO Gastronomi Şehri unvanını yerel ekonomiye ve istihdama dönüştürmek",
    unit="ekonomi",
    cooperating=("kultur", "turizm", "basin"),
    indicators=(
        ind(
            "Gastronomi merkezindeki eğitimleri tamamlayan aşçı adayı sayısı",
            "Kişi",
            "Kurs kayıt sistemi",
            300,
            800,
            periodic=True,
        ),
        ind(
            "Gastronomi festivali ziyaretçi sayısı",
            "Kişi",
            "Etkinlik ziyaretçi sayımları",
            400000,
            750000,
            periodic=True,
            yearly=True,
            owner="kultur",
        ),
        ind("Coğrafi işaretli yöresel ürün satış noktası sayısı", "Adet", RECORDS, 5, 25),
    ),
    activities=(
        act("Uluslararası Gastronomi Festivali", "kultur", 34),
        act(
            "Gastronomi eğitim ve uygulama merkezi", "ekonomi", 28, project=True, years=(2025, 2026)
        ),
        act("Antep fıstığı ve yöresel ürünlerin tanıtım kampanyası", "ekonomi", 5),
    ),
    risks=("Nitelikli usta ve aşçıların başka kentlere göç etmesi",),
    strategies=(
        "Usta-çırak ilişkisini gastronomi merkezinde sertifikalı eğitimle sürdürmek",
        "UNESCO Yaratıcı Şehirler Ağı'ndaki kentlerle değişim programları yürütmek",
    ),
    findings=(
        "Gastronominin kentin tanınırlığına en çok katkı sağlayan alan olduğu, ancak nitelikli işgücü açığının büyüdüğü tespit edilmiştir.",
    ),
    needs=("Uygulamalı gastronomi mutfağı",),
)

NURDAGI = ObjectiveSpec(
    title="6 Şubat depremlerinden etkilenen Nurdağı ve İslahiye'de altyapının ve sosyal yaşamın yeniden kurulmasına destek olmak",
    unit="fen",
    cooperating=("afet", "sosyal", "su"),
    indicators=(
        ind("Deprem bölgesinde yenilenen altyapı hattı uzunluğu", "Km", WORKS, 40, 150),
        ind("Deprem bölgesinde yapılan sosyal donatı sayısı", "Adet", WORKS, 2, 15),
        ind(
            "Kalıcı konutlara taşınan hane oranı",
            "%",
            "AFAD ve belediye kayıtları",
            40,
            100,
            owner="afet",
        ),
        ind(
            "Psikososyal destek alan depremzede sayısı",
            "Kişi",
            RECORDS,
            6000,
            12000,
            periodic=True,
            owner="sosyal",
        ),
    ),
    activities=(
        act(
            "Nurdağı ve İslahiye'de altyapı yenileme", "fen", 180, project=True, years=(2025, 2027)
        ),
        act("Depremzedelere psikososyal destek", "sosyal", 6),
    ),
    risks=(
        "Kalıcı konut yapımının gecikmesi",
        "Bölgeden göçün sürmesi",
    ),
    strategies=(
        "Yatırımları AFAD ve Çevre, Şehircilik ve İklim Değişikliği Bakanlığı ile eşgüdüm içinde programlamak",
    ),
    findings=(
        "Deprem bölgesindeki içme suyu ve kanalizasyon hatlarının önemli bir bölümünün ağır hasar gördüğü tespit edilmiştir.",
    ),
    needs=("Deprem bölgesine özel yatırım ödeneği",),
)

MALTEPE_SAHIL = ObjectiveSpec(
    title="Maltepe Sahil Parkı'nı iklime dirençli, erişilebilir ve herkesin kullanabileceği bir kent parkı olarak yaşatmak",
    unit="park",
    cooperating=("spor", "kultur", "temizlik"),
    indicators=(
        ind("Sahil parkında yenilenen yeşil alan", "m²", WORKS, 0, 80000),
        ind("Sahil parkındaki erişilebilir oyun ve spor alanı sayısı", "Adet", RECORDS, 4, 16),
        ind(
            "Sahil bandında kesintisiz bisiklet yolunun oranı",
            "%",
            RECORDS,
            60,
            100,
            owner="ulasim",
        ),
        ind(
            "Sahil parkı kullanıcı memnuniyeti",
            "%",
            "Park kullanıcı anketi",
            70,
            85,
            periodic=True,
            yearly=True,
        ),
    ),
    activities=(
        act(
            "Maltepe Sahil Parkı yeşil alan ve peyzaj yenileme",
            "park",
            45,
            project=True,
            years=(2025, 2027),
        ),
        act("Sahil bandında erişilebilir spor ve oyun alanları", "park", 12),
        act("Sahil parkında açık hava etkinlikleri", "kultur", 6),
    ),
    risks=(
        "Dolgu alanındaki yetki paylaşımı nedeniyle izin süreçlerinin uzaması",
        "Yaz aylarındaki yoğun kullanım ve temizlik yükü",
    ),
    strategies=(
        "Sahil parkındaki uygulamaları İstanbul Büyükşehir Belediyesi ile ortak bir yönetim planına bağlamak",
        "Parkın tasarımında çocukların, yaşlıların ve engellilerin görüşünü almak",
    ),
    findings=(
        "Sahil parkının hafta sonları yüz binlerce kişiye hizmet verdiği, ancak gölgelik ve erişilebilir alanların yetersiz olduğu tespit edilmiştir.",
    ),
    needs=("Sahil parkı yönetim planı",),
)

ISTANBUL_DEPREM = ObjectiveSpec(
    title="Beklenen İstanbul depremine karşı mahalle ölçeğinde hazırlığı ve dayanışmayı güçlendirmek",
    unit="afet",
    cooperating=("muhtarlik", "destek", "sosyal"),
    indicators=(
        ind("Afet konteyneri kurulan mahalle sayısı", "Adet", RECORDS, 3, 18),
        ind("Eğitimli mahalle afet gönüllüsü sayısı", "Kişi", "Gönüllü kayıt sistemi", 600, 2500),
        ind(
            "Deprem çantası hazır olan hane oranı",
            "%",
            "Afet hazırlık anketi",
            22,
            50,
            periodic=True,
            yearly=True,
        ),
    ),
    activities=(
        act("Mahalle afet konteynerlerinin kurulması", "afet", 6),
        act("İstanbul deprem senaryosuna dayalı mahalle tatbikatları", "afet", 1.5),
    ),
    risks=("Deprem riskinin gündelik yaşamda unutulması",),
    strategies=(
        "Her mahallede muhtarlıkla birlikte eğitimli bir afet gönüllü ekibi kurmak",
        "Hazırlık çalışmalarını İBB ve AFAD İstanbul ile eşgüdüm içinde yürütmek",
    ),
    findings=(
        "İlçedeki yapı stokunun önemli bir kısmının 1999 öncesine ait olduğu tespit edilmiştir.",
    ),
    needs=("Mahalle afet konteynerleri için uygun alanlar",),
)

KARSIYAKA_KORFEZ = ObjectiveSpec(
    title="İzmir Körfezi kıyısında Karşıyaka sahilinin ekolojik ve rekreatif niteliğini korumak",
    unit="park",
    cooperating=("temizlik", "iklim", "zabita"),
    indicators=(
        ind(
            "Sahil bandında yenilenen yürüyüş ve bisiklet yolu uzunluğu",
            "Km",
            WORKS,
            0,
            6,
            decimals=1,
        ),
        ind(
            "Kıyı ve deniz yüzeyi temizliğinde toplanan atık miktarı",
            "Ton",
            RECORDS,
            120,
            180,
            periodic=True,
            owner="temizlik",
        ),
        ind(
            "İZSU ile birlikte tespit edilip kapatılan kaçak atık su bağlantısı sayısı",
            "Adet",
            RECORDS,
            0,
            60,
            owner="zabita",
        ),
        ind(
            "Sahil kullanıcılarının memnuniyet oranı",
            "%",
            "Sahil kullanıcı anketi",
            66,
            82,
            periodic=True,
            yearly=True,
        ),
    ),
    activities=(
        act("Karşıyaka sahil bandı yenileme projesi", "park", 38, project=True, years=(2025, 2027)),
        act("Kıyı ve deniz yüzeyi temizliği", "temizlik", 5),
        act("Körfez farkındalık etkinlikleri", "iklim", 1),
    ),
    risks=(
        "Yaz aylarında körfezde koku ve balık ölümleri gibi olayların yaşanması",
        "Kıyıdaki yetki paylaşımı (İzmir Büyükşehir Belediyesi, İZSU)",
    ),
    strategies=(
        "Körfezin temizliğine yönelik çalışmaları İzmir Büyükşehir Belediyesi ve İZSU ile ortak yürütmek",
        "Kıyıyı herkes için erişilebilir bir kamusal alan olarak korumak",
    ),
    findings=(
        "Körfeze karışan kaçak bağlantıların yaz aylarında kıyıda koku sorununa yol açtığı tespit edilmiştir.",
    ),
    needs=("Kıyı yönetim planı",),
)

ANI = ObjectiveSpec(
    title="Ani Ören Yeri'ni ve Kars'ın kültürel mirasını dört mevsim turizmine kazandırmak",
    unit="turizm",
    cooperating=("kultur", "etut", "ulasim"),
    indicators=(
        ind(
            "Kent merkezinden Ani Ören Yeri'ne düzenlenen ring seferi sayısı",
            "Adet",
            "Sefer kayıtları",
            300,
            900,
            periodic=True,
            owner="ulasim",
        ),
        ind(
            "Kent merkezine gelen ziyaretçilerin Ani'yi de ziyaret etme oranı",
            "%",
            "Ziyaretçi profili araştırması",
            35,
            60,
            periodic=True,
            yearly=True,
        ),
        ind(
            "Restorasyonu tamamlanan Baltık mimarisi tescilli yapı sayısı",
            "Adet",
            WORKS,
            2,
            10,
            owner="etut",
        ),
        ind(
            "Doğu Ekspresi döneminde düzenlenen kış etkinliği sayısı",
            "Adet",
            RECORDS,
            4,
            12,
            periodic=True,
            yearly=True,
            owner="kultur",
        ),
    ),
    activities=(
        act("Ani Ören Yeri ulaşım ve tanıtım programı", "turizm", 4),
        act(
            "Baltık mimarisi yapılarının restorasyonu", "etut", 18, project=True, years=(2025, 2028)
        ),
        act("Doğu Ekspresi karşılama ve kış festivali", "kultur", 3),
    ),
    risks=(
        "Sert kış koşullarının ulaşımı aksatması",
        "Koruma kurulu onaylarının uzaması",
    ),
    strategies=(
        "Ani, Kars Kalesi ve Baltık mimarisini tek bir kültür rotasında birleştirmek",
        "Kış turizmini Doğu Ekspresi ve kar etkinlikleriyle desteklemek",
    ),
    findings=(
        "Ani Ören Yeri'nin UNESCO Dünya Mirası Listesi'ne alınmasından sonra ziyaretçi sayısının arttığı, ancak kentte konaklama süresinin kısa kaldığı tespit edilmiştir.",
    ),
    needs=("Restorasyon için Kültür ve Turizm Bakanlığı ve kalkınma ajansı desteği",),
)

KARS_KIS = ObjectiveSpec(
    title="Uzun ve sert kış koşullarında kent içi ulaşımın kesintisiz sürmesini sağlamak",
    unit="fen",
    cooperating=("ulasim", "destek", "zabita"),
    indicators=(
        ind(
            "Yoğun kar yağışından sonra ana arterlerin ulaşıma açılma süresi",
            "Saat",
            RECORDS,
            6,
            3,
            down=True,
            periodic=True,
            yearly=True,
        ),
        ind(
            "Kar mücadelesinde kullanılan iş makinesi sayısı",
            "Adet",
            "Makine ikmal kayıtları",
            22,
            35,
        ),
        ind(
            "Kaldırım ve duraklarda buzlanmaya karşı tuzlanan alan",
            "m²",
            RECORDS,
            120000,
            200000,
            periodic=True,
        ),
    ),
    activities=(
        act("Kar mücadelesi araç ve ekipman alımı", "fen", 12, years=(2025, 2027)),
        act("Kaldırım ve duraklarda buzlanmayla mücadele", "fen", 2),
    ),
    risks=(
        "Beklenenden uzun ve şiddetli kışlar",
        "Tuz ve akaryakıt fiyatlarındaki artış",
    ),
    strategies=(
        "Kar mücadelesini öncelikli güzergâh planıyla ve Karayolları ile eşgüdüm içinde yürütmek",
    ),
    findings=(
        "Kış aylarında yaşlıların ve engellilerin buzlanma nedeniyle evden çıkamadığı tespit edilmiştir.",
    ),
    needs=("Kar küreme ve tuzlama araçları",),
)

SINOP_LIMAN = ObjectiveSpec(
    title="Sinop'un doğal limanını ve tarihî yarımadasını sürdürülebilir turizmle değerlendirmek",
    unit="turizm",
    cooperating=("etut", "park", "kultur"),
    indicators=(
        ind(
            "Sinop Tarihi Cezaevi ziyaretçi sayısı",
            "Kişi",
            "Müze giriş kayıtları",
            250000,
            380000,
            periodic=True,
            yearly=True,
        ),
        ind(
            "Limana yanaşan kruvaziyer gemisi ve yat sayısı",
            "Adet",
            "Liman başkanlığı kayıtları",
            140,
            260,
            periodic=True,
            yearly=True,
        ),
        ind(
            "Tarihî yarımadada yayalaştırılan sokak uzunluğu",
            "Km",
            WORKS,
            0.8,
            3.5,
            decimals=1,
            owner="etut",
        ),
        ind(
            "Mavi Bayraklı plaj sayısı", "Adet", "Mavi Bayrak Türkiye kayıtları", 2, 5, owner="park"
        ),
    ),
    activities=(
        act(
            "Tarihî yarımadada sokak sağlıklaştırma ve yayalaştırma",
            "etut",
            12,
            project=True,
            years=(2025, 2028),
        ),
        act("Yat limanı ve kıyı hizmet alanlarının iyileştirilmesi", "turizm", 6),
        act("Mavi Bayrak standartlarında plaj hizmetleri", "park", 1.5),
    ),
    risks=(
        "Turizmin yaz aylarına sıkışması",
        "Kıyıda yapılaşma baskısı",
    ),
    strategies=(
        "Kıyıyı kamusal kullanıma açık tutarak turizmi doğal ve tarihî dokuyla uyumlu geliştirmek",
        "Kruvaziyer ve yat turizmini sezon dışına yaymak",
    ),
    findings=(
        "Sinop'un Karadeniz'in en korunaklı doğal limanına sahip olduğu, ancak liman çevresindeki hizmet altyapısının yetersiz kaldığı tespit edilmiştir.",
    ),
    needs=("Liman çevresi kentsel tasarım projesi",),
)

VAN_GOLU = ObjectiveSpec(
    title="Van Gölü'nün kirlenmesini önlemek ve inci kefalinin göç yollarını korumak",
    unit="cevre",
    cooperating=("fen", "iklim", "zabita"),
    indicators=(
        ind(
            "Van Gölü'ne arıtılmadan deşarj edilen atık su oranı",
            "%",
            "VASKİ kayıtları",
            35,
            5,
            down=True,
            yearly=True,
        ),
        ind("Göl kıyısında toplanan katı atık miktarı", "Ton", RECORDS, 900, 1400, periodic=True),
        ind(
            "İnci kefali göç döneminde dere ağızlarında yapılan denetim sayısı",
            "Adet",
            RECORDS,
            80,
            150,
            periodic=True,
            yearly=True,
            owner="zabita",
        ),
        ind("Dip çamuru temizliği yapılan kıyı alanı", "Hektar", WORKS, 0, 40),
    ),
    activities=(
        act(
            "Van Gölü kıyı temizliği ve dip çamuru projesi",
            "cevre",
            60,
            project=True,
            years=(2025, 2028),
        ),
        act("İnci kefali göç yollarında koruma ve denetim", "cevre", 3),
        act(
            "Göl kıyısı atık su kollektör hattı (VASKİ ile)",
            "fen",
            120,
            project=True,
            years=(2025, 2027),
        ),
    ),
    risks=(
        "Göl kıyısındaki yerleşimlerin atık sularının kontrolsüz deşarjı",
        "Müsilaj ve alg patlaması riskinin artması",
    ),
    strategies=(
        "Göl havzasındaki ilçe belediyeleri ve VASKİ ile ortak bir koruma eylem planı uygulamak",
        "İnci kefali göç döneminde denetimleri jandarma ve Tarım ve Orman Müdürlüğü ile birlikte yürütmek",
    ),
    findings=(
        "Van Gölü'nün kıyıya yakın bölgelerinde kirliliğin arttığı ve dip çamuru biriktiği tespit edilmiştir.",
    ),
    needs=("Göl su kalitesi izleme programı",),
)

YALOVA_TERMAL = ObjectiveSpec(
    title="Termal turizmi, Yürüyen Köşk'ü ve kent merkezini birleştiren bir turizm rotası oluşturmak",
    unit="turizm",
    cooperating=("ulasim", "kultur", "basin"),
    indicators=(
        ind(
            "Termal ve kent merkezi arasındaki turizm hattında taşınan ziyaretçi sayısı",
            "Kişi",
            "Sefer kayıtları",
            20000,
            60000,
            periodic=True,
            owner="ulasim",
        ),
        ind(
            "Yürüyen Köşk ve çevresini ziyaret eden kişi sayısı",
            "Kişi",
            "Ziyaretçi sayımları",
            90000,
            150000,
            periodic=True,
            yearly=True,
        ),
        ind(
            "Sağlık ve termal turizmi tanıtım etkinliği sayısı",
            "Adet",
            RECORDS,
            3,
            10,
            periodic=True,
            yearly=True,
        ),
    ),
    activities=(
        act("Termal–kent merkezi turizm ring hattı", "ulasim", 5),
        act("Sağlık ve termal turizmi tanıtım kampanyası", "turizm", 3),
    ),
    risks=("İstanbul'dan günübirlik ziyaretlerin konaklamaya dönüşmemesi",),
    strategies=("Termal Belediyesi ve İl Kültür ve Turizm Müdürlüğü ile ortak tanıtım yapmak",),
    findings=(
        "Termal bölgeye gelen ziyaretçilerin kent merkezine uğramadan ayrıldığı tespit edilmiştir.",
    ),
    needs=("Ortak turizm rotası ve tanıtım planı",),
)

YALOVA_CICEK = ObjectiveSpec(
    title="Süs bitkileri ve çiçekçilik sektörünün katma değerini ve tanınırlığını artırmak",
    unit="ekonomi",
    cooperating=("park", "kultur", "turizm"),
    indicators=(
        ind(
            "Eğitim ve fuar desteği verilen süs bitkisi üreticisi sayısı",
            "Kişi",
            RECORDS,
            80,
            250,
            periodic=True,
            yearly=True,
        ),
        ind(
            "Çiçek festivali ziyaretçi sayısı",
            "Kişi",
            "Etkinlik ziyaretçi sayımları",
            30000,
            60000,
            periodic=True,
            yearly=True,
            owner="kultur",
        ),
        ind(
            "Belediye peyzaj alımlarında yerel üreticiden karşılanan bitki oranı",
            "%",
            "Satın alma kayıtları",
            40,
            75,
            periodic=True,
            yearly=True,
            owner="park",
        ),
    ),
    activities=(
        act("Süs bitkileri fuarı ve çiçek festivali", "ekonomi", 4),
        act("Üreticilere dijital pazarlama ve ihracat danışmanlığı", "ekonomi", 1),
    ),
    risks=("Enerji ve girdi maliyetlerindeki artış nedeniyle seraların kapanması",),
    strategies=("Üretici birlikleri ve kooperatiflerle ortak tanıtım yapmak",),
    findings=(
        "Yalova'nın süs bitkisi üretiminde ülkenin önde gelen merkezlerinden biri olduğu, ancak markalaşmanın zayıf kaldığı tespit edilmiştir.",
    ),
    needs=("Üretici envanteri ve pazar analizi",),
)

LOCAL: dict[str, dict[str, tuple[ObjectiveSpec, ...]]] = {
    "adana-buyuksehir": {"cevre": (SEYHAN,), "kultur": (ADANA_FESTIVAL,)},
    "yenimahalle": {"ekonomi": (OSTIM,), "imar": (SENTEPE,)},
    "burdur": {"cevre": (BURDUR_GOLU,)},
    "gaziantep-buyuksehir": {"ekonomi": (GASTRONOMI,), "afet": (NURDAGI,)},
    "maltepe": {"cevre": (MALTEPE_SAHIL,), "afet": (ISTANBUL_DEPREM,)},
    "karsiyaka": {"cevre": (KARSIYAKA_KORFEZ,)},
    "kars": {"turizm": (ANI,), "ulasim": (KARS_KIS,)},
    "sinop": {"turizm": (SINOP_LIMAN,)},
    "van-buyuksehir": {"cevre": (VAN_GOLU,)},
    "yalova": {"turizm": (YALOVA_TERMAL,), "ekonomi": (YALOVA_CICEK,)},
}
