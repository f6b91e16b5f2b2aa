"""Sosyal Hizmetler ve Kapsayıcılık: social assistance, disability, women, elderly, education support."""

from __future__ import annotations

from ortak.demo.plans.content.themes._sources import RECORDS, SOCIAL
from ortak.demo.plans.content.types import ObjectiveSpec, ThemeSpec, act, ind

SOSYAL = ThemeSpec(
    key="sosyal",
    name="Sosyal Hizmetler ve Kapsayıcılık",
    aims=(
        "Dezavantajlı grupları gözeten, eşitlikçi ve kapsayıcı sosyal hizmetler sunmak",
        "Kimseyi geride bırakmayan, hak temelli sosyal politikalarla toplumsal refahı artırmak",
    ),
    objectives=(
        ObjectiveSpec(
            title="İhtiyaç sahibi hanelere yönelik sosyal desteklerin kapsamını ve etkinliğini artırmak",
            unit="sosyal",
            cooperating=("bilgi", "muhtarlik", "kadin"),
            indicators=(
                ind(
                    "Düzenli sosyal destek alan hane sayısı",
                    "Hane",
                    SOCIAL,
                    12000,
                    15500,
                    scaled=True,
                ),
                ind(
                    "Sosyal yardım başvurularının ortalama sonuçlandırılma süresi",
                    "Gün",
                    SOCIAL,
                    21,
                    10,
                    down=True,
                    periodic=True,
                ),
                ind(
                    "Kent lokantası ve aşevinde verilen günlük ortalama öğün sayısı",
                    "Öğün/gün",
                    RECORDS,
                    3500,
                    6000,
                    periodic=True,
                    scaled=True,
                ),
                ind(
                    "Sosyal market kartıyla desteklenen hane sayısı",
                    "Hane",
                    SOCIAL,
                    6000,
                    9000,
                    periodic=True,
                    scaled=True,
                ),
                ind(
                    "Hane ziyaretiyle sosyal incelemesi güncellenen dosya oranı",
                    "%",
                    SOCIAL,
                    45,
                    90,
                ),
            ),
            activities=(
                act("Sosyal market ve alışveriş kartı uygulaması", "sosyal", 55),
                act("Kent lokantası ve aşevi hizmetleri", "sosyal", 42),
                act(
                    "Sosyal yardım bilgi sisteminin Bütünleşik Sosyal Yardım Bilgi Sistemi ile entegrasyonu",
                    "bilgi",
                    2.5,
                    years=(2025, 2026),
                ),
            ),
            risks=(
                "Enflasyon nedeniyle destek tutarlarının reel değer kaybetmesi",
                "Mükerrer yardımların önlenememesi",
                "Yardım alan hanelerin damgalanma kaygısıyla başvurmaması",
            ),
            strategies=(
                "Yardımları hane ziyaretiyle güncellenen objektif ölçütlerle belirlemek",
                "Kamu kurumlarıyla veri paylaşarak mükerrerliği önlemek",
                "Ayni yardımdan kart ve sosyal market modeline geçerek onuru gözetmek",
            ),
            findings=(
                "Sosyal yardım başvurularının son iki yılda belirgin biçimde arttığı tespit edilmiştir.",
                "Başvuruların önemli bir bölümünün tek ebeveynli ve yaşlı hanelerden geldiği görülmüştür.",
            ),
            needs=(
                "Güncel yoksulluk haritası",
                "Sosyal çalışmacı ve psikolog istihdamı",
            ),
        ),
        ObjectiveSpec(
            title="Engelli bireylerin kent yaşamına tam ve etkin katılımını desteklemek",
            unit="sosyal",
            cooperating=("fen", "ulasim", "kultur", "spor"),
            indicators=(
                ind(
                    "Engelli bireylere verilen evde bakım ve rehabilitasyon hizmeti sayısı",
                    "Adet",
                    RECORDS,
                    14000,
                    22000,
                    periodic=True,
                    scaled=True,
                ),
                ind(
                    "Erişilebilirlik denetiminden geçen belediye hizmet binası oranı",
                    "%",
                    "Erişilebilirlik izleme ve denetim raporları",
                    35,
                    100,
                ),
                ind(
                    "Erişilebilir araçla yapılan engelli ulaşım desteği sefer sayısı",
                    "Adet",
                    RECORDS,
                    4000,
                    7000,
                    periodic=True,
                    scaled=True,
                ),
                ind(
                    "Engelli danışma merkezinden yararlanan kişi sayısı",
                    "Kişi",
                    RECORDS,
                    2500,
                    4500,
                    periodic=True,
                    scaled=True,
                ),
            ),
            activities=(
                act(
                    "Engelsiz Yaşam Merkezi açılması",
                    "sosyal",
                    18,
                    project=True,
                    years=(2025, 2026),
                ),
                act("Akülü sandalye şarj istasyonları ve tıbbi cihaz desteği", "sosyal", 2.8),
                act("Hizmet noktalarında işaret dili bilen personel yetiştirilmesi", "insan", 0.5),
            ),
            risks=(
                "Fiziksel erişilebilirlik düzenlemelerinin yüksek maliyeti",
                "Engelli bireylere ilişkin güncel verinin bulunmaması",
            ),
            strategies=(
                "Hizmetleri engelli örgütleriyle birlikte tasarlamak",
                "Tüm yeni yatırımlarda erişilebilirlik ölçütlerini zorunlu tutmak",
            ),
            findings=(
                "Belediye hizmet binalarının bir kısmında asansör ve rampa eksikliği tespit edilmiştir.",
                "Engelli bireylerin kültür ve spor etkinliklerine katılımının düşük olduğu görülmüştür.",
            ),
            needs=(
                "Engelli envanteri ve ihtiyaç analizi",
                "Erişilebilir araç filosu",
            ),
        ),
        ObjectiveSpec(
            title="Kadınların ekonomik ve sosyal hayata katılımını güçlendirmek ve toplumsal cinsiyet eşitliğini gözetmek",
            unit="kadin",
            cooperating=("ekonomi", "sosyal", "insan"),
            indicators=(
                ind(
                    "Kadın danışma merkezlerinden hizmet alan kadın sayısı",
                    "Kişi",
                    RECORDS,
                    3200,
                    6000,
                    periodic=True,
                    scaled=True,
                ),
                ind(
                    "Belediye kreş ve gündüz bakımevlerinin çocuk kapasitesi",
                    "Çocuk",
                    RECORDS,
                    600,
                    1800,
                    scaled=True,
                ),
                ind(
                    "Desteklenen kadın kooperatifi sayısı",
                    "Adet",
                    RECORDS,
                    8,
                    20,
                    periodic=True,
                    yearly=True,
                ),
                ind(
                    "Toplumsal cinsiyet eşitliği eğitimi alan personel oranı",
                    "%",
                    "Hizmet içi eğitim kayıtları",
                    10,
                    80,
                    owner="insan",
                ),
            ),
            activities=(
                act("Mahalle kreşlerinin açılması", "kadin", 36, project=True, years=(2025, 2028)),
                act("Kadın dayanışma ve danışma merkezleri", "kadin", 7.5),
                act("Kadın kooperatiflerine satış alanı ve eğitim desteği", "ekonomi", 2.8),
                act("Yerel Eşitlik Eylem Planı'nın hazırlanması ve izlenmesi", "kadin", 0.9),
            ),
            risks=(
                "Kreş yapımı için uygun alan bulunamaması",
                "Kooperatiflerin pazara erişimde zorlanması",
            ),
            strategies=(
                "Kreşleri kadın istihdamının yoğun olduğu mahallelerde önceliklendirmek",
                "Kadın kooperatiflerini belediye satın alma ve etkinliklerine dâhil etmek",
                "Bütçeyi toplumsal cinsiyete duyarlı bütçeleme ilkesiyle izlemek",
            ),
            findings=(
                "Kentteki kadın işgücüne katılım oranının ülke ortalamasının altında olduğu tespit edilmiştir.",
                "Erken çocukluk bakım hizmetine erişimin kadınların çalışma hayatına katılımının önündeki en büyük engel olduğu görülmüştür.",
            ),
            needs=(
                "Kreş ve gündüz bakımevi için bina",
                "Cinsiyete göre ayrıştırılmış hizmet verisi",
            ),
        ),
        ObjectiveSpec(
            title="Yaşlı bireylerin aktif, sağlıklı ve onurlu yaşamını desteklemek",
            unit="sosyal",
            cooperating=("saglik", "kultur"),
            indicators=(
                ind(
                    "Evde bakım hizmeti verilen yaşlı sayısı",
                    "Kişi",
                    RECORDS,
                    1800,
                    3200,
                    scaled=True,
                ),
                ind(
                    "Yaşlı yaşam evlerine kayıtlı üye sayısı",
                    "Kişi",
                    RECORDS,
                    2200,
                    5000,
                    scaled=True,
                ),
                ind(
                    "Yalnız yaşayan yaşlılara ulaştırılan sıcak yemek sayısı",
                    "Öğün",
                    RECORDS,
                    120000,
                    180000,
                    periodic=True,
                    scaled=True,
                ),
            ),
            activities=(
                act(
                    "Yaşlı yaşam evlerinin açılması", "sosyal", 14, project=True, years=(2025, 2027)
                ),
                act("Evde bakım, temizlik ve kişisel bakım hizmetleri", "sosyal", 20),
                act("Yalnız yaşayan yaşlılar için acil çağrı butonu uygulaması", "sosyal", 1.8),
            ),
            risks=("Yaşlı nüfusun hizmet kapasitesinden hızlı artması",),
            strategies=(
                "Yaşlı dostu kent ilkelerini tüm hizmetlere yaymak",
                "Kuşaklar arası etkinliklerle yalnızlıkla mücadele etmek",
            ),
            findings=(
                "65 yaş ve üzeri nüfusun toplam nüfus içindeki payının arttığı tespit edilmiştir.",
            ),
            needs=(
                "Evde bakım personeli",
                "Yaşlı yaşam evleri için uygun bina",
            ),
        ),
        ObjectiveSpec(
            title="Çocuk ve gençlerin eğitim olanaklarına erişimini desteklemek",
            unit="sosyal",
            cooperating=("kultur", "spor"),
            indicators=(
                ind(
                    "Eğitim desteği verilen öğrenci sayısı",
                    "Kişi",
                    SOCIAL,
                    5000,
                    9000,
                    periodic=True,
                    yearly=True,
                    scaled=True,
                ),
                ind(
                    "Bilgi evleri ve etüt merkezlerinden yararlanan öğrenci sayısı",
                    "Kişi",
                    RECORDS,
                    7000,
                    12000,
                    periodic=True,
                    scaled=True,
                    owner="kultur",
                ),
                ind(
                    "Ücretsiz sınav hazırlık kurslarına katılan öğrenci sayısı",
                    "Kişi",
                    RECORDS,
                    1500,
                    3000,
                    periodic=True,
                    yearly=True,
                    scaled=True,
                ),
            ),
            activities=(
                act("Bilgi evleri ve etüt merkezleri", "kultur", 16),
                act("Üniversite öğrencilerine eğitim desteği", "sosyal", 28),
                act("Ücretsiz sınav hazırlık kursları", "kultur", 6),
            ),
            risks=("Eğitim desteklerine ayrılan bütçenin yetersiz kalması",),
            strategies=(
                "Destekleri ihtiyaç ve başarı ölçütlerini birlikte gözeterek vermek",
                "Etüt merkezlerini okul çıkış saatlerine uygun çalıştırmak",
            ),
            findings=(
                "Dar gelirli ailelerin çocuklarının ders dışı eğitim olanaklarına erişiminin sınırlı olduğu tespit edilmiştir.",
            ),
            needs=("Mahalle ölçeğinde çalışma salonları",),
        ),
    ),
)
