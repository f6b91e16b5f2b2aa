"""Kültür-Sanat ve Spor: events, venues and libraries, heritage, sports, youth."""

from __future__ import annotations

from ortak.demo.plans.content.themes._sources import RECORDS, WORKS
from ortak.demo.plans.content.types import ObjectiveSpec, ThemeSpec, act, ind

KULTUR = ThemeSpec(
    key="kultur",
    name="Kültür-Sanat ve Spor",
    aims=(
        "Kültürel mirasa sahip çıkan, kültür-sanatı ve sporu herkes için erişilebilir kılan bir kent yaratmak",
        "Kent kimliğini güçlendiren, yaşayan bir kültür-sanat ve spor ortamı oluşturmak",
    ),
    objectives=(
        ObjectiveSpec(
            title="Kültür-sanat etkinliklerinin sayısını, çeşitliliğini ve erişilebilirliğini artırmak",
            unit="kultur",
            cooperating=("basin", "muhtarlik"),
            indicators=(
                ind(
                    "Düzenlenen kültür-sanat etkinliği sayısı",
                    "Adet",
                    RECORDS,
                    420,
                    600,
                    periodic=True,
                    scaled=True,
                ),
                ind(
                    "Kültür-sanat etkinliklerine katılan kişi sayısı",
                    "Kişi",
                    RECORDS,
                    280000,
                    400000,
                    periodic=True,
                    scaled=True,
                ),
                ind(
                    "Mahallelerde düzenlenen açık hava etkinliği sayısı",
                    "Adet",
                    RECORDS,
                    60,
                    120,
                    periodic=True,
                    scaled=True,
                ),
                ind(
                    "Sesli betimleme veya işaret dili çevirisi sunulan etkinlik oranı",
                    "%",
                    RECORDS,
                    5,
                    30,
                    periodic=True,
                ),
            ),
            activities=(
                act("Kent festivali ve mahalle şenlikleri", "kultur", 24),
                act("Tiyatro, konser ve açık hava sinema gösterimleri", "kultur", 17),
                act("Engelsiz kültür-sanat programı", "kultur", 1.4),
            ),
            risks=(
                "Etkinlik maliyetlerinin hızla artması",
                "Etkinliklerin kent merkezinde yoğunlaşması",
            ),
            strategies=(
                "Etkinlikleri mahallelere yaymak",
                "Yerel sanatçıları ve amatör toplulukları programa dâhil etmek",
                "Etkinliklerde erişilebilirlik hizmetlerini standart hâle getirmek",
            ),
            findings=(
                "Katılımcı anketlerinde uç mahallelerde yaşayanların etkinliklere katılımının düşük olduğu tespit edilmiştir.",
            ),
            needs=("Mobil sahne ve ses-ışık ekipmanı",),
        ),
        ObjectiveSpec(
            title="Kültür merkezi, kütüphane ve sanat atölyesi altyapısını geliştirmek",
            unit="kultur",
            cooperating=("fen", "etut"),
            indicators=(
                ind("Belediye kültür merkezi ve sahne sayısı", "Adet", RECORDS, 6, 9, scaled=True),
                ind(
                    "Kütüphane üye sayısı",
                    "Kişi",
                    "Kütüphane otomasyon sistemi",
                    22000,
                    40000,
                    scaled=True,
                ),
                ind(
                    "Sanat ve meslek atölyelerine katılan kursiyer sayısı",
                    "Kişi",
                    RECORDS,
                    9000,
                    14000,
                    periodic=True,
                    scaled=True,
                ),
                ind(
                    "Halk kütüphanelerinin haftalık ortalama açık kalma süresi",
                    "Saat",
                    RECORDS,
                    48,
                    72,
                    periodic=True,
                ),
            ),
            activities=(
                act("Yeni kültür merkezi yapımı", "fen", 55, project=True, years=(2025, 2027)),
                act("Mahalle kütüphaneleri ve 7/24 çalışma salonları", "kultur", 8.5),
                act("Sanat akademisi atölye programları", "kultur", 11),
            ),
            risks=(
                "Yapım maliyetlerindeki artış",
                "Nitelikli eğitmen bulmakta güçlük",
            ),
            strategies=(
                "Kültür yatırımlarını kültürel donatı eksiği olan mahallelere yönlendirmek",
                "Üniversitelerle eğitmen ve program işbirliği yapmak",
            ),
            findings=(
                "Mevcut kültür merkezlerinin doluluk oranının yüksek olduğu ve yeni salon ihtiyacı bulunduğu tespit edilmiştir.",
            ),
            needs=("Kültür merkezi için arsa ve proje",),
        ),
        ObjectiveSpec(
            title="Kentin tarihî ve kültürel mirasını korumak ve yaşatmak",
            unit="kultur",
            cooperating=("etut", "imar", "turizm"),
            indicators=(
                ind(
                    "Restorasyonu tamamlanan tescilli yapı sayısı",
                    "Adet",
                    WORKS,
                    0,
                    10,
                    owner="etut",
                ),
                ind(
                    "Sokak sağlıklaştırma projesi tamamlanan sokak sayısı",
                    "Adet",
                    WORKS,
                    0,
                    6,
                    owner="etut",
                ),
                ind(
                    "Dijital arşive aktarılan kent belleği belgesi sayısı",
                    "Adet",
                    RECORDS,
                    2000,
                    25000,
                    scaled=True,
                ),
                ind(
                    "Kent müzesi ziyaretçi sayısı",
                    "Kişi",
                    "Müze giriş kayıtları",
                    40000,
                    70000,
                    periodic=True,
                    scaled=True,
                ),
            ),
            activities=(
                act(
                    "Tescilli yapıların rölöve, restitüsyon ve restorasyon projeleri",
                    "etut",
                    18,
                    project=True,
                ),
                act("Kent belleği ve sözlü tarih arşivi", "kultur", 1.8),
                act("Sokak sağlıklaştırma projeleri", "etut", 14, project=True, years=(2026, 2029)),
            ),
            risks=(
                "Koruma kurulu onay süreçlerinin uzaması",
                "Restorasyon alanında uzman yüklenici azlığı",
            ),
            strategies=(
                "Restorasyonları KUDEB ile birlikte planlamak",
                "Restore edilen yapılara kamusal işlev kazandırmak",
            ),
            findings=(
                "Tescilli yapıların bir kısmının bakımsızlık nedeniyle yıkılma riski taşıdığı tespit edilmiştir.",
            ),
            needs=(
                "KUDEB kapasitesinin güçlendirilmesi",
                "Restorasyon için hibe ve sponsorluk",
            ),
        ),
        ObjectiveSpec(
            title="Spor tesislerini yaygınlaştırarak toplumun spora katılımını artırmak",
            unit="spor",
            cooperating=("fen", "park"),
            indicators=(
                ind("Belediye spor tesisi sayısı", "Adet", RECORDS, 14, 22, scaled=True),
                ind(
                    "Spor okullarına katılan çocuk ve genç sayısı",
                    "Kişi",
                    RECORDS,
                    12000,
                    20000,
                    periodic=True,
                    scaled=True,
                ),
                ind(
                    "Açık spor alanı ve fitness parkı sayısı",
                    "Adet",
                    RECORDS,
                    60,
                    110,
                    scaled=True,
                    owner="park",
                ),
                ind(
                    "Spor tesislerinden yararlananlar içinde kadınların oranı",
                    "%",
                    "Tesis giriş kayıtları",
                    34,
                    45,
                    periodic=True,
                ),
            ),
            activities=(
                act(
                    "Kapalı spor salonu ve yarı olimpik yüzme havuzu yapımı",
                    "fen",
                    65,
                    project=True,
                    years=(2025, 2028),
                ),
                act("Yaz ve kış spor okulları", "spor", 9.5),
                act("Amatör spor kulüplerine malzeme desteği", "spor", 3.8),
            ),
            risks=(
                "Tesislerin işletme giderlerinin yüksekliği",
                "Tesislerin bazı mahallelerde yoğunlaşması",
            ),
            strategies=(
                "Tesisleri yürüme mesafesinde ve dengeli dağıtmak",
                "Kadınlara ve engellilere özel saatler ayırmak",
            ),
            findings=(
                "Kapalı yüzme havuzu kapasitesinin talebin çok altında olduğu tespit edilmiştir.",
            ),
            needs=(
                "Spor tesisi için uygun alanlar",
                "Antrenör ve spor eğitmeni",
            ),
        ),
        ObjectiveSpec(
            title="Gençlerin kent yaşamına ve karar süreçlerine katılımını desteklemek",
            unit="spor",
            cooperating=("kultur", "strateji"),
            indicators=(
                ind(
                    "Gençlik merkezlerine kayıtlı genç sayısı",
                    "Kişi",
                    RECORDS,
                    4000,
                    12000,
                    scaled=True,
                ),
                ind(
                    "Gençlik kampı ve değişim programlarına katılan genç sayısı",
                    "Kişi",
                    RECORDS,
                    600,
                    1500,
                    periodic=True,
                    yearly=True,
                    scaled=True,
                ),
                ind("Gençlerin önerisiyle hayata geçirilen proje sayısı", "Adet", RECORDS, 0, 15),
            ),
            activities=(
                act("Gençlik merkezlerinin açılması", "spor", 17, project=True, years=(2025, 2027)),
                act("Gençlik kampları ve değişim programları", "spor", 4.5),
                act(
                    "Gençlik meclisi ve katılımcı gençlik bütçesi", "spor", 2.5, years=(2026, 2029)
                ),
            ),
            risks=("Gençlerin belediye programlarına ilgisinin düşük kalması",),
            strategies=(
                "Programları gençlerle birlikte tasarlamak",
                "Gençlik meclisi önerilerini belediye meclisine düzenli taşımak",
            ),
            findings=(
                "Gençlerin belediye hizmetlerinden haberdar olma düzeyinin düşük olduğu tespit edilmiştir.",
            ),
            needs=(
                "Gençlik merkezi binaları",
                "Gençlik çalışanı istihdamı",
            ),
        ),
    ),
)
