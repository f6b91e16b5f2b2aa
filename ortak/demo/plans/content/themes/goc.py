"""Göç ve Uyum (Gaziantep, Van): access to services, social cohesion, employment, children."""

from __future__ import annotations

from ortak.demo.plans.content.themes._sources import RECORDS
from ortak.demo.plans.content.types import METROPOLITAN, ObjectiveSpec, ThemeSpec, act, ind

GOC = ThemeSpec(
    key="goc",
    name="Göç ve Uyum",
    kinds=METROPOLITAN,
    aims=(
        "Göçmenler ile ev sahibi toplum arasında uyumu güçlendiren ve hizmetlere eşit erişim sağlayan bir kent olmak",
        "Toplumsal uyumu destekleyen, insan onurunu gözeten kapsayıcı bir göç yönetimi sağlamak",
    ),
    objectives=(
        ObjectiveSpec(
            title="Göçmenlerin belediye hizmetlerine erişimini kolaylaştırmak",
            unit="goc",
            cooperating=("sosyal", "basin", "bilgi"),
            indicators=(
                ind(
                    "Göç ve uyum merkezinden hizmet alan kişi sayısı",
                    "Kişi",
                    RECORDS,
                    15000,
                    30000,
                    periodic=True,
                ),
                ind(
                    "Çok dilli bilgilendirme materyali hazırlanan hizmet sayısı",
                    "Adet",
                    RECORDS,
                    10,
                    60,
                ),
                ind("Tercüman desteği sunulan hizmet noktası sayısı", "Adet", RECORDS, 5, 25),
            ),
            activities=(
                act("Göç ve uyum merkezi hizmetleri", "goc", 2.5),
                act("Çok dilli hizmet rehberi ve tercümanlık hizmeti", "goc", 0.6),
            ),
            risks=(
                "Uluslararası fonların azalması",
                "Dil engeli nedeniyle hizmetlerden habersiz kalınması",
            ),
            strategies=(
                "Hizmetleri Göç İdaresi, uluslararası kuruluşlar ve STK'larla eşgüdüm içinde sunmak",
                "Bilgilendirmeyi çok dilli ve çok kanallı yapmak",
            ),
            findings=(
                "Geçici koruma altındaki nüfusun belirli mahallelerde yoğunlaştığı tespit edilmiştir.",
            ),
            needs=(
                "Tercüman ve sosyal çalışmacı",
                "Mahalle ölçeğinde hizmet noktaları",
            ),
        ),
        ObjectiveSpec(
            title="Ev sahibi toplum ile göçmenler arasında sosyal uyumu güçlendirmek",
            unit="goc",
            cooperating=("kultur", "spor", "muhtarlik"),
            indicators=(
                ind(
                    "Sosyal uyum etkinliklerine katılan kişi sayısı",
                    "Kişi",
                    RECORDS,
                    8000,
                    20000,
                    periodic=True,
                ),
                ind(
                    "Türkçe dil kursunu tamamlayan kişi sayısı",
                    "Kişi",
                    RECORDS,
                    2000,
                    5000,
                    periodic=True,
                ),
                ind("Ortak mahalle projesi sayısı", "Adet", RECORDS, 0, 20),
            ),
            activities=(
                act("Türkçe dil ve uyum kursları", "goc", 1.0),
                act("Ortak mahalle etkinlikleri ve spor turnuvaları", "kultur", 0.6),
            ),
            risks=(
                "Ekonomik sıkıntıların toplumsal gerilimi artırması",
                "Dezenformasyon",
            ),
            strategies=(
                "Etkinlikleri iki toplumu birlikte hedefleyecek biçimde tasarlamak",
                "Muhtarlar ve yerel STK'larla mahalle temelli çalışmak",
            ),
            findings=(
                "Sosyal uyum algı araştırmalarında karşılıklı önyargıların sürdüğü tespit edilmiştir.",
            ),
            needs=("Sosyal uyum göstergelerini izleyen düzenli araştırma",),
        ),
        ObjectiveSpec(
            title="Göçmenlerin ve ev sahibi toplumdan dezavantajlı kişilerin kayıtlı istihdama katılımını desteklemek",
            unit="ekonomi",
            cooperating=("goc", "kadin"),
            indicators=(
                ind("Mesleki eğitim alan kişi sayısı", "Kişi", RECORDS, 1500, 3500, periodic=True),
                ind(
                    "Kayıtlı istihdama geçen kişi sayısı",
                    "Kişi",
                    "İŞKUR ve SGK kayıtları",
                    300,
                    900,
                    periodic=True,
                ),
                ind(
                    "Uluslararası kuruluşlarla yürütülen proje sayısı",
                    "Adet",
                    RECORDS,
                    4,
                    8,
                    periodic=True,
                    yearly=True,
                    owner="strateji",
                ),
            ),
            activities=(
                act(
                    "Uluslararası fonlu mesleki eğitim projeleri",
                    "ekonomi",
                    3.0,
                    project=True,
                    years=(2025, 2027),
                ),
                act("İstihdam danışmanlığı ve işveren buluşmaları", "ekonomi", 0.6),
            ),
            risks=(
                "Kayıt dışı istihdamın yaygınlığı",
                "Çalışma izni süreçlerinin uzunluğu",
            ),
            strategies=(
                "Eğitimleri işverenlerin ihtiyacıyla eşleştirmek",
                "Kadınların katılımını kolaylaştırmak için çocuk bakım desteği sağlamak",
            ),
            findings=(
                "Göçmenlerin büyük bölümünün kayıt dışı ve düşük ücretli işlerde çalıştığı tespit edilmiştir.",
            ),
            needs=("İşveren ağları ve sanayi odalarıyla işbirliği",),
        ),
        ObjectiveSpec(
            title="Göçmen çocukların eğitim ve psikososyal destek hizmetlerine erişimini artırmak",
            unit="goc",
            cooperating=("sosyal", "kultur"),
            indicators=(
                ind(
                    "Psikososyal destek alan çocuk sayısı",
                    "Kişi",
                    RECORDS,
                    1000,
                    3000,
                    periodic=True,
                ),
                ind(
                    "Okula devamı desteklenen çocuk sayısı",
                    "Kişi",
                    RECORDS,
                    800,
                    2400,
                    periodic=True,
                    yearly=True,
                ),
            ),
            activities=(
                act("Çocuk dostu alanlar ve psikososyal destek programı", "goc", 0.8),
                act("Okula uyum ve telafi eğitimi", "kultur", 0.5),
            ),
            risks=("Çocuk işçiliği",),
            strategies=("İl Milli Eğitim Müdürlüğü ve UNICEF ile ortak programlar yürütmek",),
            findings=(
                "Okul çağındaki göçmen çocukların bir kısmının okula devam etmediği tespit edilmiştir.",
            ),
            needs=("Çocuk gelişimci ve psikolog",),
        ),
    ),
)
