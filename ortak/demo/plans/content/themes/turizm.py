"""Turizm (Sinop, Yalova, Kars): promotion, visitor infrastructure, season."""

from __future__ import annotations

from ortak.demo.plans.content.themes._sources import RECORDS, TOURISM
from ortak.demo.plans.content.types import PROVINCIAL, ObjectiveSpec, ThemeSpec, act, ind

TURIZM = ThemeSpec(
    key="turizm",
    name="Turizm",
    aims=(
        "Kentin doğal, tarihî ve kültürel değerlerini sürdürülebilir turizmle ekonomik değere dönüştürmek",
        "Dört mevsim turizmle kentin tanınırlığını ve ziyaretçi sayısını artırmak",
    ),
    objectives=(
        ObjectiveSpec(
            title="Kentin turizm tanıtımını güçlendirmek ve ziyaretçi sayısını artırmak",
            unit="turizm",
            cooperating=("basin", "kultur"),
            kinds=PROVINCIAL,
            indicators=(
                ind(
                    "Kentte konaklayan yerli ve yabancı ziyaretçi sayısı",
                    "Kişi",
                    TOURISM,
                    180000,
                    280000,
                    periodic=True,
                    yearly=True,
                ),
                ind(
                    "Katılım sağlanan ulusal ve uluslararası turizm fuarı sayısı",
                    "Adet",
                    RECORDS,
                    4,
                    10,
                    periodic=True,
                    yearly=True,
                ),
                ind(
                    "Turist danışma ofislerinden hizmet alan ziyaretçi sayısı",
                    "Kişi",
                    RECORDS,
                    18000,
                    35000,
                    periodic=True,
                ),
                ind(
                    "Dijital tanıtım içeriklerinin erişim sayısı",
                    "Kişi",
                    "Sosyal medya analiz raporları",
                    400000,
                    1500000,
                    periodic=True,
                    owner="basin",
                ),
            ),
            activities=(
                act("Kent tanıtım filmi ve dijital tanıtım kampanyası", "turizm", 18),
                act("Turizm fuarlarına katılım", "turizm", 11),
                act(
                    "Turist danışma ofisi ve çok dilli yönlendirme tabelaları",
                    "turizm",
                    9,
                    years=(2025, 2026),
                ),
            ),
            risks=(
                "Bölgesel ve küresel gelişmelerin turist hareketlerini etkilemesi",
                "Konaklama kapasitesinin sınırlı olması",
            ),
            strategies=(
                "Tanıtımı İl Kültür ve Turizm Müdürlüğü, valilik ve turizm örgütleriyle ortak yürütmek",
                "Dijital kanallarda hedef kitleye özel içerik üretmek",
            ),
            findings=(
                "Ziyaretçilerin büyük bölümünün kenti günübirlik ziyaret ettiği tespit edilmiştir.",
            ),
            needs=("Ziyaretçi profili araştırması",),
        ),
        ObjectiveSpec(
            title="Turizm altyapısını ve ziyaretçi deneyimini iyileştirmek",
            unit="turizm",
            cooperating=("fen", "park", "etut"),
            kinds=PROVINCIAL,
            indicators=(
                ind("İşaretlenen kültür ve doğa rotası uzunluğu", "Km", RECORDS, 0, 30),
                ind(
                    "Turizm alanlarında erişilebilir tuvalet ve dinlenme noktası sayısı",
                    "Adet",
                    RECORDS,
                    4,
                    15,
                    owner="fen",
                ),
                ind(
                    "Ziyaretçi memnuniyet oranı",
                    "%",
                    "Ziyaretçi memnuniyet anketi",
                    70,
                    85,
                    periodic=True,
                    yearly=True,
                ),
            ),
            activities=(
                act("Kültür ve doğa rotalarının işaretlenmesi", "turizm", 14, years=(2025, 2027)),
                act(
                    "Ziyaretçi karşılama merkezi yapımı",
                    "fen",
                    45,
                    project=True,
                    years=(2026, 2027),
                ),
            ),
            risks=("Koruma alanlarında izin süreçlerinin uzaması",),
            strategies=("Ziyaretçi altyapısını erişilebilirlik ilkesiyle tasarlamak",),
            findings=(
                "Turistik noktalarda yönlendirme ve temel hizmetlerin yetersiz olduğu tespit edilmiştir.",
            ),
            needs=("Rota ve tabela tasarım rehberi",),
        ),
        ObjectiveSpec(
            title="Turizm sezonunu uzatarak yerel ekonomiye katkıyı artırmak",
            unit="turizm",
            cooperating=("kultur", "ekonomi"),
            indicators=(
                ind(
                    "Ortalama konaklama süresi",
                    "Gece",
                    TOURISM,
                    1.6,
                    2.2,
                    periodic=True,
                    yearly=True,
                    decimals=1,
                ),
                ind(
                    "Sezon dışında (Kasım–Mart) düzenlenen etkinlik sayısı",
                    "Adet",
                    RECORDS,
                    6,
                    20,
                    periodic=True,
                    yearly=True,
                    owner="kultur",
                ),
                ind(
                    "Hizmet kalitesi eğitimi verilen turizm işletmesi sayısı",
                    "Adet",
                    RECORDS,
                    20,
                    80,
                    periodic=True,
                ),
            ),
            activities=(
                act("Dört mevsim etkinlik takvimi", "kultur", 20),
                act("Turizm işletmelerine hizmet kalitesi eğitimleri", "turizm", 4),
            ),
            risks=("Mevsimsellik nedeniyle işletmelerin kış aylarında kapanması",),
            strategies=("Kültür, gastronomi ve doğa turizmini birlikte pazarlamak",),
            findings=("Konaklamaların yaz aylarında yoğunlaştığı tespit edilmiştir.",),
            needs=("Turizm paydaşlarıyla ortak etkinlik takvimi",),
        ),
    ),
)
