"""Yerel Ekonomi ve İstihdam: vocational training, small businesses, entrepreneurship, consumer protection."""

from __future__ import annotations

from ortak.demo.plans.content.themes._sources import RECORDS, WORKS
from ortak.demo.plans.content.types import ObjectiveSpec, ThemeSpec, act, ind

EKONOMI = ThemeSpec(
    key="ekonomi",
    name="Yerel Ekonomi ve İstihdam",
    aims=(
        "Yerel ekonomiyi canlandıran, nitelikli istihdamı destekleyen ve esnafın yanında duran bir belediye olmak",
        "Kentin üretim gücünü artırarak kapsayıcı ve sürdürülebilir bir yerel ekonomi oluşturmak",
    ),
    objectives=(
        ObjectiveSpec(
            title="Meslek edindirme ve istihdam hizmetleriyle işsizliğin azaltılmasına katkı sağlamak",
            unit="ekonomi",
            cooperating=("kadin", "kultur"),
            indicators=(
                ind(
                    "Meslek edindirme kurslarını tamamlayan kişi sayısı",
                    "Kişi",
                    "Kurs kayıt sistemi",
                    4500,
                    7500,
                    periodic=True,
                    scaled=True,
                ),
                ind(
                    "Belediye istihdam ofisi aracılığıyla işe yerleştirilen kişi sayısı",
                    "Kişi",
                    "İstihdam ofisi ve İŞKUR kayıtları",
                    900,
                    2000,
                    periodic=True,
                    scaled=True,
                ),
                ind(
                    "İşe yerleştirilenler içinde kadın ve gençlerin oranı",
                    "%",
                    "İstihdam ofisi kayıtları",
                    38,
                    55,
                    periodic=True,
                ),
                ind(
                    "İŞKUR ile ortak yürütülen program sayısı",
                    "Adet",
                    RECORDS,
                    3,
                    8,
                    periodic=True,
                    yearly=True,
                ),
            ),
            activities=(
                act("Meslek edindirme kursları", "ekonomi", 14),
                act("Belediye istihdam ofisi ve kariyer günleri", "ekonomi", 3.5),
                act("İŞKUR ile işbaşı eğitim programları", "ekonomi", 1.8),
            ),
            risks=(
                "Kurs içeriklerinin işgücü piyasasının ihtiyaçlarıyla örtüşmemesi",
                "Ekonomik daralma nedeniyle işe alımların azalması",
            ),
            strategies=(
                "Kurs programlarını işveren ihtiyaç analizine göre belirlemek",
                "Kadınlar ve gençler için çocuk bakımı ve ulaşım desteğiyle katılımı kolaylaştırmak",
            ),
            findings=(
                "Genç işsizliğinin genel işsizlik oranının yaklaşık iki katı olduğu tespit edilmiştir.",
                "İşverenlerin en çok ara eleman bulmakta zorlandığı görülmüştür.",
            ),
            needs=(
                "İşgücü piyasası ihtiyaç analizi",
                "Uygulamalı eğitim atölyeleri",
            ),
        ),
        ObjectiveSpec(
            title="Esnaf ve küçük işletmelerin rekabet gücünü desteklemek",
            unit="ekonomi",
            cooperating=("ruhsat", "zabita", "bilgi"),
            indicators=(
                ind(
                    "Eğitim ve danışmanlık verilen esnaf sayısı",
                    "Kişi",
                    RECORDS,
                    800,
                    1600,
                    periodic=True,
                    scaled=True,
                ),
                ind(
                    "İşyeri açma ve çalışma ruhsatının ortalama verilme süresi",
                    "Gün",
                    "Ruhsat bilgi sistemi",
                    18,
                    7,
                    down=True,
                    periodic=True,
                    owner="ruhsat",
                ),
                ind(
                    "Dijital pazar yerinde satış yapan yerel üretici sayısı",
                    "Adet",
                    RECORDS,
                    0,
                    150,
                    scaled=True,
                ),
                ind("Yenilenen semt pazarı sayısı", "Adet", WORKS, 0, 8, scaled=True, owner="fen"),
            ),
            activities=(
                act(
                    "Semt pazarlarının yenilenmesi ve kapalı pazar yeri yapımı",
                    "fen",
                    32,
                    project=True,
                    years=(2025, 2028),
                ),
                act("Esnafa dijitalleşme ve e-ticaret eğitimi", "ekonomi", 1.4),
                act(
                    "Ruhsat süreçlerinin e-Belediye üzerinden uçtan uca yürütülmesi",
                    "ruhsat",
                    1.8,
                    years=(2025, 2026),
                ),
            ),
            risks=(
                "Zincir marketlerin ve e-ticaretin küçük esnaf üzerindeki baskısı",
                "Kira artışlarının işyeri kapanmalarına yol açması",
            ),
            strategies=(
                "Esnaf odalarıyla ortak eğitim ve danışmanlık programları yürütmek",
                "Ruhsat süreçlerini sadeleştirip elektronik ortama taşımak",
            ),
            findings=(
                "Son iki yılda kapanan işyeri sayısının açılanlara yaklaştığı tespit edilmiştir.",
            ),
            needs=("Esnaf ve sanatkârlar odalarıyla işbirliği protokolü",),
        ),
        ObjectiveSpec(
            title="Girişimciliği ve yenilikçi iş fikirlerini desteklemek",
            unit="ekonomi",
            cooperating=("strateji", "bilgi"),
            indicators=(
                ind(
                    "Kuluçka merkezinden yararlanan girişim sayısı",
                    "Adet",
                    RECORDS,
                    0,
                    60,
                    scaled=True,
                ),
                ind(
                    "Girişimcilik eğitimini tamamlayan kişi sayısı",
                    "Kişi",
                    RECORDS,
                    400,
                    1000,
                    periodic=True,
                    scaled=True,
                ),
                ind(
                    "KOSGEB ve kalkınma ajansı desteklerine hazırlanan proje başvurusu sayısı",
                    "Adet",
                    RECORDS,
                    6,
                    15,
                    periodic=True,
                    yearly=True,
                ),
            ),
            activities=(
                act(
                    "Girişimcilik ve kuluçka merkezi kurulması",
                    "ekonomi",
                    16,
                    project=True,
                    years=(2025, 2026),
                ),
                act("Kadın ve genç girişimciler için hızlandırma programı", "ekonomi", 2.8),
            ),
            risks=(
                "Girişimlerin ilk yıllarında yüksek kapanma oranı",
                "Finansmana erişimin güçlüğü",
            ),
            strategies=(
                "Üniversiteler, teknoparklar ve kalkınma ajansıyla ortak program yürütmek",
                "Girişimcileri mentorluk ağlarıyla buluşturmak",
            ),
            findings=(
                "Kentte girişimcilere yönelik ortak çalışma alanı ve mentorluk olanaklarının sınırlı olduğu tespit edilmiştir.",
            ),
            needs=("Kuluçka merkezi için bina",),
        ),
        ObjectiveSpec(
            title="Kayıt dışı ticaretle mücadele etmek ve tüketiciyi korumak",
            unit="zabita",
            cooperating=("ruhsat", "ekonomi"),
            indicators=(
                ind(
                    "Yapılan işyeri denetimi sayısı",
                    "Adet",
                    "Zabıta denetim kayıtları",
                    9000,
                    14000,
                    periodic=True,
                    scaled=True,
                ),
                ind(
                    "Fiyat etiketi ve gramaj denetimi sayısı",
                    "Adet",
                    "Zabıta denetim kayıtları",
                    5000,
                    8000,
                    periodic=True,
                    scaled=True,
                ),
                ind(
                    "Zabıta ihbarlarına ortalama müdahale süresi",
                    "Dakika",
                    "Zabıta komuta merkezi kayıtları",
                    45,
                    25,
                    down=True,
                    periodic=True,
                ),
            ),
            activities=(
                act(
                    "Zabıta denetim ekiplerinin mobil cihazlarla donatılması",
                    "zabita",
                    2.8,
                    years=(2025, 2026),
                ),
                act("Tüketici hakları bilgilendirme kampanyası", "zabita", 0.7),
                act("Zabıta personelinin hizmet içi eğitimi", "insan", 0.5),
            ),
            risks=(
                "Denetim personelinin yetersizliği",
                "Seyyar satıcılığın ekonomik koşullarla artması",
            ),
            strategies=(
                "Denetimleri şikâyet haritasına göre planlamak",
                "Seyyar satıcıları kayıt altına alacak düzenli satış alanları oluşturmak",
            ),
            findings=("Fiyat etiketi şikâyetlerinin son yıllarda arttığı tespit edilmiştir.",),
            needs=("Mobil denetim uygulaması",),
        ),
    ),
)
