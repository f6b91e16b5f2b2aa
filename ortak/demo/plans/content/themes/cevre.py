"""Çevre ve İklim: green space, zero waste, emissions, adaptation, pollution, cleaning, solid waste."""

from __future__ import annotations

from ortak.demo.plans.content.themes._sources import CRM, GIS, RECORDS, SURVEY, WORKS
from ortak.demo.plans.content.types import (
    METROPOLITAN,
    NOT_METROPOLITAN,
    ObjectiveSpec,
    ThemeSpec,
    act,
    ind,
)

CEVRE = ThemeSpec(
    key="cevre",
    name="Çevre ve İklim",
    aims=(
        "İklim değişikliğine uyum sağlayan, kaynaklarını verimli kullanan yeşil bir kent oluşturmak",
        "Çevreyi koruyan, sıfır atık ilkesini benimseyen ve iklim krizine dirençli bir kent yaratmak",
    ),
    objectives=(
        ObjectiveSpec(
            title="Kişi başına düşen aktif yeşil alan miktarını artırmak ve yeşil altyapıyı güçlendirmek",
            unit="park",
            cooperating=("imar", "emlak", "fen"),
            indicators=(
                ind(
                    "Kişi başına düşen aktif yeşil alan",
                    "m²/kişi",
                    "Park ve yeşil alan envanteri, TÜİK ADNKS",
                    6.8,
                    9.0,
                    yearly=True,
                    decimals=1,
                ),
                ind("Yapılan yeni park ve yeşil alan miktarı", "m²", GIS, 0, 250000, scaled=True),
                ind(
                    "Dikilen ağaç sayısı", "Adet", RECORDS, 8000, 12000, periodic=True, scaled=True
                ),
                ind("Yenilenen park sayısı", "Adet", WORKS, 0, 60, scaled=True),
            ),
            activities=(
                act("Yeni park ve rekreasyon alanlarının yapımı", "park", 65, project=True),
                act("Mevcut parkların yenilenmesi ve bakımı", "park", 105),
                act("Her doğan çocuk için bir fidan kampanyası", "park", 4),
            ),
            risks=(
                "İmar planlarında ayrılan yeşil alanların kamulaştırılamaması",
                "Sulama suyu maliyetinin artması ve kuraklık",
            ),
            strategies=(
                "Yeşil alanları mahalle ölçeğinde dengeli dağıtmak",
                "Kuraklığa dayanıklı ve yerli bitki türlerini tercih etmek",
                "Parkların tasarımına çocukları, yaşlıları ve engellileri katmak",
            ),
            findings=(
                "Kişi başına aktif yeşil alanın mevzuattaki 10 m² ölçütünün altında kaldığı tespit edilmiştir.",
                "Yeşil alanların bazı mahallelerde yoğunlaştığı, yoğun yapılaşmış mahallelerde yetersiz kaldığı görülmüştür.",
            ),
            needs=(
                "Yeşil alan kamulaştırması için kaynak",
                "Akıllı sulama sistemleri",
            ),
        ),
        ObjectiveSpec(
            title="Sıfır atık yaklaşımıyla atıkların kaynağında ayrıştırılmasını ve geri kazanımını artırmak",
            unit="iklim",
            cooperating=("temizlik", "basin", "muhtarlik"),
            indicators=(
                ind(
                    "Geri kazanım oranı",
                    "%",
                    "Entegre Çevre Bilgi Sistemi (EÇBS) atık beyanları",
                    14,
                    30,
                    periodic=True,
                ),
                ind(
                    "Sıfır atık belgesi alan kurum ve işletme sayısı",
                    "Adet",
                    "Sıfır Atık Bilgi Sistemi",
                    120,
                    420,
                    scaled=True,
                ),
                ind(
                    "Kaynağında ayrı toplanan ambalaj atığı miktarı",
                    "Ton",
                    "Lisanslı toplama-ayırma tesisi kantar kayıtları",
                    9500,
                    16000,
                    periodic=True,
                    scaled=True,
                ),
                ind(
                    "Toplanan bitkisel atık yağ miktarı",
                    "Litre",
                    RECORDS,
                    40000,
                    75000,
                    periodic=True,
                    scaled=True,
                ),
                ind("Mahalle atık getirme merkezi sayısı", "Adet", RECORDS, 6, 20, scaled=True),
            ),
            activities=(
                act("Sıfır Atık Mahalle uygulaması", "iklim", 8),
                act(
                    "Atık getirme merkezlerinin kurulması",
                    "iklim",
                    13,
                    project=True,
                    years=(2025, 2027),
                ),
                act("Okullarda ve muhtarlıklarda sıfır atık eğitimleri", "iklim", 1.4),
            ),
            risks=(
                "Ayrıştırma alışkanlığının yaygınlaşmaması",
                "Geri kazanım piyasasındaki fiyat dalgalanmaları",
                "Kayıt dışı atık toplayıcılığı",
            ),
            strategies=(
                "Ayrı toplamayı mahalle mahalle yaygınlaştırmak",
                "Muhtarlar, okullar ve STK'larla ortak farkındalık kampanyaları yürütmek",
                "Atık toplayıcılarını kayıt altına alan sosyal içerme modelleri geliştirmek",
            ),
            findings=(
                "Evsel atıkların yaklaşık yüzde otuzunun geri kazanılabilir nitelikte olduğu tespit edilmiştir.",
                "Ambalaj atığı toplama kapasitesinin talebin gerisinde kaldığı görülmüştür.",
            ),
            needs=(
                "Atık kompozisyon analizi",
                "Ayrı toplama ekipmanı ve araçları",
            ),
        ),
        ObjectiveSpec(
            title="Kurumsal sera gazı emisyonlarını azaltmak ve yenilenebilir enerji kullanımını artırmak",
            unit="iklim",
            cooperating=("destek", "fen", "mali"),
            indicators=(
                ind(
                    "Kurumsal karbon ayak izi",
                    "Ton CO₂e",
                    "Kurumsal sera gazı envanter raporu (ISO 14064)",
                    42000,
                    32000,
                    down=True,
                    periodic=True,
                    yearly=True,
                    scaled=True,
                ),
                ind(
                    "Belediye tesislerinde yenilenebilir enerjiden karşılanan elektrik oranı",
                    "%",
                    "Enerji izleme sistemi kayıtları",
                    6,
                    35,
                    periodic=True,
                    yearly=True,
                ),
                ind(
                    "Araç filosunda elektrikli ve hibrit araç oranı",
                    "%",
                    "Filo yönetim sistemi kayıtları",
                    4,
                    25,
                    owner="destek",
                ),
                ind(
                    "LED'e dönüştürülen aydınlatma armatürü sayısı",
                    "Adet",
                    WORKS,
                    0,
                    18000,
                    scaled=True,
                    owner="fen",
                ),
            ),
            activities=(
                act(
                    "Hizmet binalarının çatılarına güneş enerjisi santrali (GES) kurulması",
                    "iklim",
                    32,
                    project=True,
                    years=(2025, 2027),
                ),
                act(
                    "Sürdürülebilir Enerji ve İklim Eylem Planı'nın (SECAP) hazırlanması ve izlenmesi",
                    "iklim",
                    2.2,
                ),
                act("Filo dönüşümü kapsamında elektrikli araç alımı", "destek", 18),
                act("Kent aydınlatmasının LED armatürlerle yenilenmesi", "fen", 14),
            ),
            risks=(
                "Enerji fiyatlarındaki belirsizlik",
                "Şebekeye bağlantı izinlerinin gecikmesi",
            ),
            strategies=(
                "Enerji tüketimini binaların tamamında uzaktan izlemek",
                "GES yatırımlarını dış finansman ve hibelerle desteklemek",
                "Satın almalarda enerji verimliliğini ölçüt olarak kullanmak",
            ),
            findings=(
                "Kurumsal emisyonların yarıdan fazlasının bina enerji tüketiminden kaynaklandığı tespit edilmiştir.",
                "Araç filosunun neredeyse tamamının fosil yakıtlı olduğu görülmüştür.",
            ),
            needs=(
                "Enerji yöneticisi ve iklim uzmanı",
                "Yeşil finansman kaynakları",
            ),
        ),
        ObjectiveSpec(
            title="İklim değişikliğine uyum kapasitesini artırmak ve kentsel ısı adası etkisini azaltmak",
            unit="iklim",
            cooperating=("park", "fen", "saglik"),
            indicators=(
                ind(
                    "İklim Değişikliğine Uyum Eylem Planı'nda tamamlanan eylem oranı",
                    "%",
                    "Eylem planı izleme raporu",
                    0,
                    80,
                    yearly=True,
                ),
                ind(
                    "Yağmur suyu hasadı yapılan kamu binası sayısı",
                    "Adet",
                    RECORDS,
                    2,
                    30,
                    scaled=True,
                ),
                ind(
                    "Gölgelendirme ve serinleme noktası kurulan meydan ve durak sayısı",
                    "Adet",
                    RECORDS,
                    0,
                    50,
                    scaled=True,
                ),
                ind(
                    "Su baskını ihbarı sayısı",
                    "Adet",
                    "İtfaiye ve Çözüm Merkezi kayıtları",
                    140,
                    80,
                    down=True,
                    periodic=True,
                    yearly=True,
                    scaled=True,
                ),
            ),
            activities=(
                act(
                    "İklim Değişikliğine Uyum Eylem Planı'nın hazırlanması",
                    "iklim",
                    2.5,
                    years=(2025, 2026),
                ),
                act("Geçirimli zemin ve yağmur bahçesi uygulamaları", "park", 11),
                act(
                    "Sıcak hava dalgası erken uyarı sistemi ve serinleme merkezleri", "saglik", 1.8
                ),
            ),
            risks=(
                "Aşırı hava olaylarının sıklığının beklenenden hızlı artması",
                "Uyum yatırımlarının bütçede öncelik kaybetmesi",
            ),
            strategies=(
                "Uyum önlemlerini risk haritasına göre önceliklendirmek",
                "Doğa temelli çözümleri yeşil alan projelerine yerleştirmek",
            ),
            findings=(
                "Son beş yılda sıcak hava dalgası gün sayısının arttığı tespit edilmiştir.",
                "Ani yağışlarda alt geçit ve düşük kotlu sokaklarda su birikmesi yaşandığı görülmüştür.",
            ),
            needs=(
                "Kentsel iklim risk ve etkilenebilirlik analizi",
                "Meteoroloji ve üniversitelerle veri paylaşımı",
            ),
        ),
        ObjectiveSpec(
            title="Hava, gürültü ve görüntü kirliliğini denetim ve izleme yoluyla azaltmak",
            unit="cevre",
            cooperating=("zabita", "imar"),
            indicators=(
                ind(
                    "Yapılan çevre denetimi sayısı",
                    "Adet",
                    RECORDS,
                    1800,
                    2600,
                    periodic=True,
                    scaled=True,
                ),
                ind(
                    "PM10 yıllık ortalama değeri",
                    "µg/m³",
                    "Ulusal Hava Kalitesi İzleme Ağı",
                    58,
                    40,
                    down=True,
                    periodic=True,
                    yearly=True,
                ),
                ind(
                    "Çevre kirliliği şikâyetlerinin ortalama sonuçlandırılma süresi",
                    "Gün",
                    CRM,
                    9,
                    4,
                    down=True,
                    periodic=True,
                ),
            ),
            activities=(
                act("Çevre denetim ekiplerinin güçlendirilmesi", "cevre", 5),
                act(
                    "Hava kalitesi sensör ağının kurulması",
                    "cevre",
                    6.5,
                    project=True,
                    years=(2025, 2026),
                ),
                act("Kaçak döküm ve moloz denetimleri", "zabita", 3.5),
            ),
            risks=(
                "Kış aylarında kömür kaynaklı ısınma emisyonları",
                "Denetim personelinin yetersizliği",
            ),
            strategies=(
                "Şikâyet verisini haritalayarak denetimleri riskli bölgelere yönlendirmek",
                "Doğal gaz dönüşümü için vatandaşları bilgilendirmek",
            ),
            findings=(
                "Kış aylarında PM10 değerlerinin sınır değeri aştığı gün sayısının yüksek olduğu tespit edilmiştir.",
            ),
            needs=(
                "Sensör tabanlı izleme altyapısı",
                "Ortak denetim protokolleri",
            ),
        ),
        ObjectiveSpec(
            title="Temizlik hizmetlerinin kalitesini ve vatandaş memnuniyetini artırmak",
            unit="temizlik",
            cooperating=("iklim", "muhtarlik"),
            kinds=NOT_METROPOLITAN,
            indicators=(
                ind(
                    "Temizlik hizmetlerinden memnuniyet oranı",
                    "%",
                    SURVEY,
                    68,
                    82,
                    periodic=True,
                    yearly=True,
                ),
                ind(
                    "Kişi başı günlük evsel atık miktarı",
                    "Kg/kişi-gün",
                    "Kantar kayıtları, TÜİK ADNKS",
                    1.15,
                    1.02,
                    down=True,
                    periodic=True,
                    yearly=True,
                    decimals=2,
                ),
                ind("Yer altı çöp konteyneri sayısı", "Adet", RECORDS, 180, 450, scaled=True),
                ind(
                    "Mekanik süpürme yapılan cadde uzunluğu",
                    "Km",
                    "Araç takip sistemi kayıtları",
                    38000,
                    45000,
                    periodic=True,
                    scaled=True,
                ),
            ),
            activities=(
                act("Yer altı konteyner sistemine geçiş", "temizlik", 17, project=True),
                act("Konteyner yıkama ve dezenfeksiyon hizmeti", "temizlik", 7.5),
                act(
                    "Temizlik araç filosunun yenilenmesi",
                    "temizlik",
                    42,
                    project=True,
                    years=(2025, 2027),
                ),
            ),
            risks=(
                "Nüfus ve ziyaretçi yoğunluğunun mevsimsel artışı",
                "Araç ve yakıt maliyetlerindeki artış",
            ),
            strategies=(
                "Toplama güzergâhlarını araç takip verileriyle optimize etmek",
                "Şikâyet yoğunluğuna göre dinamik çalışma planı uygulamak",
            ),
            findings=(
                "Yüzey konteynerlerinin koku ve görüntü şikâyetlerinin başlıca kaynağı olduğu tespit edilmiştir.",
            ),
            needs=(
                "Araç filosunun yenilenmesi",
                "Güzergâh optimizasyon yazılımı",
            ),
        ),
        ObjectiveSpec(
            title="Katı atıkların düzenli depolanmasını sağlamak ve atıktan enerji üretimini artırmak",
            unit="cevre",
            cooperating=("iklim", "mali"),
            kinds=METROPOLITAN,
            indicators=(
                ind(
                    "Düzenli depolama tesisine kabul edilen evsel atık oranı",
                    "%",
                    "Tesis kantar kayıtları",
                    82,
                    100,
                    yearly=True,
                ),
                ind(
                    "Depolama gazından üretilen elektrik enerjisi",
                    "MWh",
                    "Tesis üretim kayıtları",
                    48000,
                    96000,
                    periodic=True,
                    yearly=True,
                ),
                ind("Rehabilite edilen vahşi döküm sahası sayısı", "Adet", RECORDS, 3, 12),
            ),
            activities=(
                act(
                    "Entegre katı atık tesisinde kapasite artırımı",
                    "cevre",
                    24,
                    project=True,
                    years=(2025, 2027),
                ),
                act("Vahşi döküm sahalarının rehabilitasyonu", "cevre", 4),
                act(
                    "Biyometanizasyon tesisi yapımı", "cevre", 16, project=True, years=(2026, 2029)
                ),
            ),
            risks=(
                "İlçe belediyelerinin atık teslim düzeninde aksamalar",
                "Tesis yatırımlarının yüksek maliyeti",
            ),
            strategies=(
                "İlçe belediyeleriyle ortak atık yönetim planı uygulamak",
                "Tesisleri kamu-özel işbirliğiyle işletmek",
            ),
            findings=(
                "Bazı ilçelerde atıkların hâlâ düzensiz döküm sahalarına bırakıldığı tespit edilmiştir.",
            ),
            needs=(
                "Bölgesel aktarma istasyonları",
                "Atık yönetimi bilgi sistemi",
            ),
        ),
    ),
)
