"""Afet Yönetimi ve Dirençlilik: risk data, awareness and volunteers, response, fire brigade, buildings, floods."""

from __future__ import annotations

from ortak.demo.plans.content.themes._sources import GIS, RECORDS, WORKS
from ortak.demo.plans.content.types import NOT_DISTRICT, ObjectiveSpec, ThemeSpec, act, ind

AFET = ThemeSpec(
    key="afet",
    name="Afet Yönetimi ve Dirençlilik",
    aims=(
        "Afetlere hazırlıklı, riskleri azaltılmış ve dirençli bir kent oluşturmak",
        "Afet ve acil durumlarda can ve mal kaybını en aza indirecek kapasiteyi geliştirmek",
    ),
    objectives=(
        ObjectiveSpec(
            title="Afet risklerini azaltmaya yönelik planlama ve bilgi altyapısını güçlendirmek",
            unit="afet",
            cooperating=("etut", "imar", "bilgi"),
            indicators=(
                ind(
                    "İl Afet Risk Azaltma Planı'nda (İRAP) belediyeye düşen eylemlerin tamamlanma oranı",
                    "%",
                    "İRAP izleme raporu",
                    15,
                    90,
                    yearly=True,
                ),
                ind(
                    "Mikrobölgeleme çalışması tamamlanan alan oranı",
                    "%",
                    "Zemin etüdü raporları",
                    40,
                    100,
                    yearly=True,
                    owner="etut",
                ),
                ind(
                    "Hızlı tarama yöntemiyle deprem riski değerlendirilen bina sayısı",
                    "Adet",
                    RECORDS,
                    2500,
                    15000,
                    scaled=True,
                    owner="yapi",
                ),
            ),
            activities=(
                act(
                    "Mikrobölgeleme ve zemin etüdü çalışmaları",
                    "etut",
                    9,
                    project=True,
                    years=(2025, 2027),
                ),
                act("Riskli yapıların hızlı tarama yöntemiyle tespiti", "yapi", 5.5),
                act(
                    "Afet bilgi sisteminin kurulması",
                    "bilgi",
                    3.5,
                    project=True,
                    years=(2025, 2026),
                ),
            ),
            risks=(
                "Bina sahiplerinin tarama çalışmalarına katılmaması",
                "Kurumlar arası veri paylaşımında gecikmeler",
            ),
            strategies=(
                "Risk verisini tek bir afet bilgi sisteminde toplamak",
                "AFAD ve üniversitelerle ortak çalışma protokolleri yapmak",
            ),
            findings=(
                "Yapı stokunun önemli bir bölümünün 2000 yılı öncesi yönetmeliklere göre inşa edildiği tespit edilmiştir.",
                "Zemin verisinin parçalı ve farklı kurumlarda dağınık olduğu görülmüştür.",
            ),
            needs=(
                "Mikrobölgeleme ve zemin etüdü verileri",
                "Deprem mühendisliği alanında uzman personel",
            ),
        ),
        ObjectiveSpec(
            title="Toplumun afet farkındalığını ve gönüllü kapasitesini artırmak",
            unit="afet",
            cooperating=("muhtarlik", "kultur", "basin"),
            indicators=(
                ind(
                    "Afet bilinci eğitimi verilen kişi sayısı",
                    "Kişi",
                    RECORDS,
                    18000,
                    35000,
                    periodic=True,
                    scaled=True,
                ),
                ind(
                    "Eğitimli mahalle afet gönüllüsü sayısı",
                    "Kişi",
                    "Gönüllü kayıt sistemi",
                    450,
                    2000,
                    scaled=True,
                ),
                ind(
                    "Düzenlenen afet ve acil durum tatbikatı sayısı",
                    "Adet",
                    RECORDS,
                    12,
                    24,
                    periodic=True,
                    yearly=True,
                ),
                ind(
                    "Mahalle afet ve acil durum planı hazırlanan mahalle oranı",
                    "%",
                    RECORDS,
                    20,
                    100,
                ),
            ),
            activities=(
                act("Mahalle afet gönüllüleri programı (AFAD ve STK'larla)", "afet", 3.5),
                act("Okullarda ve muhtarlıklarda afet farkındalık eğitimleri", "afet", 1.8),
                act(
                    "Afet eğitim ve deprem simülasyon merkezi kurulması",
                    "afet",
                    22,
                    project=True,
                    years=(2026, 2027),
                ),
            ),
            risks=(
                "Gönüllülerin sürekliliğinin sağlanamaması",
                "Afetten uzak dönemlerde ilginin azalması",
            ),
            strategies=(
                "Eğitimleri mahalle ve okul ölçeğinde düzenli hâle getirmek",
                "Gönüllüleri AFAD akreditasyonlu eğitimlerle belgelendirmek",
                "STK'lar ve arama-kurtarma dernekleriyle işbirliği yapmak",
            ),
            findings=(
                "Afet çantası hazırlayan hane oranının düşük olduğu anketle tespit edilmiştir.",
                "Mahalle ölçeğinde örgütlü gönüllü yapısının sınırlı olduğu görülmüştür.",
            ),
            needs=(
                "Eğitim materyalleri ve simülasyon altyapısı",
                "Gönüllü yönetim sistemi",
            ),
        ),
        ObjectiveSpec(
            title="Afet sonrası ilk müdahale, toplanma ve geçici barınma kapasitesini artırmak",
            unit="afet",
            cooperating=("destek", "park", "sosyal"),
            indicators=(
                ind(
                    "Altyapısı tamamlanan afet toplanma alanı sayısı",
                    "Adet",
                    GIS,
                    40,
                    120,
                    scaled=True,
                ),
                ind(
                    "Afet lojistik depolarındaki geçici barınma kapasitesi",
                    "Kişi",
                    "Lojistik depo stok kayıtları",
                    5000,
                    20000,
                    scaled=True,
                ),
                ind("Toplanma alanlarının tabelalandırma oranı", "%", GIS, 55, 100),
            ),
            activities=(
                act("Afet toplanma alanlarının altyapı ve tabela çalışmaları", "afet", 7),
                act("Afet lojistik deposu yapımı", "destek", 20, project=True, years=(2025, 2026)),
                act("Arama-kurtarma ekipmanı alımı", "afet", 5),
            ),
            risks=(
                "Toplanma alanlarının başka amaçlarla kullanılması",
                "Stokların son kullanma tarihlerinin takip edilmemesi",
            ),
            strategies=(
                "Toplanma alanlarını park ve okul bahçeleriyle birlikte planlamak",
                "Lojistik stoklarını dijital envanterle yönetmek",
            ),
            findings=(
                "Bazı toplanma alanlarının su, elektrik ve tuvalet altyapısından yoksun olduğu tespit edilmiştir.",
            ),
            needs=(
                "Lojistik depo alanı",
                "Taşınabilir jeneratör, su deposu ve sahra tuvaleti",
            ),
        ),
        ObjectiveSpec(
            title="İtfaiye hizmetlerinde müdahale süresini kısaltmak ve kapasiteyi artırmak",
            unit="itfaiye",
            cooperating=("fen", "insan"),
            kinds=NOT_DISTRICT,
            indicators=(
                ind(
                    "Yangın ve acil durumlara ortalama ulaşma süresi",
                    "Dakika",
                    "İtfaiye olay kayıt sistemi",
                    9.5,
                    7.0,
                    down=True,
                    periodic=True,
                    decimals=1,
                ),
                ind("İtfaiye istasyonu sayısı", "Adet", RECORDS, 4, 6, scaled=True),
                ind(
                    "Yangın güvenliği eğitimi verilen kişi sayısı",
                    "Kişi",
                    RECORDS,
                    25000,
                    40000,
                    periodic=True,
                    scaled=True,
                ),
                ind(
                    "İtfaiye eri başına düşen nüfus",
                    "Kişi",
                    "Kadro kayıtları, TÜİK ADNKS",
                    2900,
                    2200,
                    down=True,
                    yearly=True,
                ),
            ),
            activities=(
                act(
                    "Yeni itfaiye istasyonlarının yapımı",
                    "itfaiye",
                    36,
                    project=True,
                    years=(2025, 2028),
                ),
                act("İtfaiye araç ve ekipman filosunun yenilenmesi", "itfaiye", 48),
                act("Gönüllü itfaiyecilik programı", "itfaiye", 1.2),
            ),
            risks=(
                "Trafik yoğunluğu nedeniyle müdahale sürelerinin uzaması",
                "Nitelikli itfaiye eri istihdamında güçlük",
            ),
            strategies=(
                "İstasyon yerlerini ulaşma süresi analizine göre belirlemek",
                "Gönüllü itfaiyecilikle kırsal ve uç mahallelerde ilk müdahaleyi güçlendirmek",
            ),
            findings=(
                "Uç mahallelerde ulaşma süresinin standart sürenin üzerinde olduğu tespit edilmiştir.",
            ),
            needs=(
                "Yüksek bina müdahale aracı ve merdivenli araç",
                "Personel kadrosu",
            ),
        ),
        ObjectiveSpec(
            title="Belediye hizmet binalarının ve yapı stokunun depreme karşı güvenliğini artırmak",
            unit="yapi",
            cooperating=("fen", "imar", "donusum"),
            indicators=(
                ind(
                    "Yerinde denetlenen yapı sayısı",
                    "Adet",
                    RECORDS,
                    1200,
                    1800,
                    periodic=True,
                    scaled=True,
                ),
                ind(
                    "Güçlendirmesi tamamlanan belediye hizmet binası sayısı",
                    "Adet",
                    WORKS,
                    0,
                    8,
                    owner="fen",
                ),
                ind(
                    "Deprem performans analizi yapılan kamu binası sayısı",
                    "Adet",
                    RECORDS,
                    10,
                    60,
                    scaled=True,
                ),
            ),
            activities=(
                act(
                    "Belediye hizmet binalarının deprem performans analizi ve güçlendirilmesi",
                    "fen",
                    26,
                    project=True,
                    years=(2025, 2028),
                ),
                act("Kaçak ve riskli yapı denetimleri", "yapi", 2.8),
            ),
            risks=(
                "Güçlendirme sırasında hizmetlerin aksaması",
                "Müteahhit ve yapı denetim firmalarının kapasite sorunları",
            ),
            strategies=(
                "Güçlendirmeyi kritik hizmet binalarından başlatmak",
                "Denetimleri risk puanına göre önceliklendirmek",
            ),
            findings=(
                "Belediye hizmet binalarının bir kısmının güncel deprem yönetmeliğine göre yetersiz olduğu tespit edilmiştir.",
            ),
            needs=(
                "Bina performans analizleri",
                "Güçlendirme için dış finansman",
            ),
        ),
        ObjectiveSpec(
            title="Sel ve su baskını risklerini azaltmak",
            unit="fen",
            cooperating=("afet", "park", "iklim"),
            kinds=NOT_DISTRICT,
            indicators=(
                ind("Islah edilen dere yatağı uzunluğu", "Km", WORKS, 0, 25, scaled=True),
                ind(
                    "Mevsim öncesi temizlenen yağmur suyu kanalı uzunluğu",
                    "Km",
                    WORKS,
                    300,
                    450,
                    periodic=True,
                    yearly=True,
                    scaled=True,
                ),
                ind(
                    "Taşkın riski haritasında yüksek riskli konut sayısı",
                    "Adet",
                    GIS,
                    1800,
                    900,
                    down=True,
                    yearly=True,
                    scaled=True,
                    owner="afet",
                ),
            ),
            activities=(
                act("Dere ıslah çalışmaları (DSİ ile)", "fen", 32),
                act("Yağmur suyu kanallarının mevsim öncesi temizliği", "fen", 5.5),
            ),
            risks=(
                "Dere yataklarına yapılan kaçak yapılar",
                "Ani ve yoğun yağışların sıklaşması",
            ),
            strategies=(
                "Dere koridorlarını yeşil altyapı olarak korumak",
                "Taşkın riski haritasını imar kararlarına yansıtmak",
            ),
            findings=(
                "Son yıllarda ani yağışlarda bazı dere yataklarında taşkın yaşandığı tespit edilmiştir.",
            ),
            needs=(
                "Güncel taşkın riski haritası",
                "DSİ ile ortak proje protokolü",
            ),
        ),
    ),
)
