"""Tarım ve Kırsal Kalkınma: metropolitan municipalities serve rural neighbourhoods since Law 6360."""

from __future__ import annotations

from ortak.demo.plans.content.themes._sources import RECORDS, WORKS
from ortak.demo.plans.content.types import METROPOLITAN, ObjectiveSpec, ThemeSpec, act, ind

TARIM = ThemeSpec(
    key="tarim",
    name="Tarım ve Kırsal Kalkınma",
    kinds=METROPOLITAN,
    aims=(
        "Kırsal mahallelerde üretimi destekleyen ve kırsal yaşam kalitesini yükselten bir kalkınma modeli uygulamak",
        "Tarımsal üretimi sürdürülebilir kılmak ve kırsal ile kent arasındaki hizmet farkını azaltmak",
    ),
    objectives=(
        ObjectiveSpec(
            title="Üreticilere tohum, fide, fidan ve girdi desteği sağlayarak tarımsal üretimi artırmak",
            unit="tarim",
            cooperating=("mali",),
            indicators=(
                ind(
                    "Desteklenen üretici sayısı",
                    "Kişi",
                    "Çiftçi Kayıt Sistemi (ÇKS) ve destek kayıtları",
                    6000,
                    12000,
                    periodic=True,
                    yearly=True,
                ),
                ind(
                    "Dağıtılan fide ve fidan sayısı",
                    "Adet",
                    RECORDS,
                    1200000,
                    2000000,
                    periodic=True,
                ),
                ind(
                    "Desteklerle ekim yapılan alan",
                    "Dekar",
                    RECORDS,
                    35000,
                    60000,
                    periodic=True,
                    yearly=True,
                ),
            ),
            activities=(
                act("Tohum, fide ve fidan desteği", "tarim", 9),
                act("Küçükbaş hayvancılık ve arıcılık desteği", "tarim", 4.5),
            ),
            risks=(
                "Kuraklık ve don gibi iklim olayları",
                "Girdi fiyatlarındaki artış",
            ),
            strategies=(
                "Destekleri İl Tarım ve Orman Müdürlüğü ile eşgüdüm içinde planlamak",
                "Yerli ve ata tohumlarını yaygınlaştırmak",
            ),
            findings=(
                "Kırsal nüfusun yaşlandığı ve genç üretici sayısının azaldığı tespit edilmiştir.",
            ),
            needs=(
                "Üretici envanteri",
                "Tohum merkezi",
            ),
        ),
        ObjectiveSpec(
            title="Kırsal mahallelerde altyapı ve hizmet standardını yükseltmek",
            unit="fen",
            cooperating=("tarim", "su"),
            indicators=(
                ind(
                    "Kırsal mahallelerde yapılan ve iyileştirilen yol uzunluğu", "Km", WORKS, 0, 600
                ),
                ind(
                    "Kırsal mahallelerde içme suyu şebekesine bağlı hane oranı",
                    "%",
                    "Su ve kanalizasyon idaresi kayıtları",
                    88,
                    98,
                    yearly=True,
                ),
                ind(
                    "Yapılan hayvan içme suyu ve sulama göleti sayısı",
                    "Adet",
                    WORKS,
                    0,
                    25,
                    owner="tarim",
                ),
            ),
            activities=(
                act("Kırsal yolların stabilize ve asfalt kaplaması", "fen", 28),
                act(
                    "Sulama göletleri ve kapalı sulama sistemleri",
                    "tarim",
                    12,
                    project=True,
                    years=(2025, 2028),
                ),
            ),
            risks=("Geniş ve dağınık yerleşim nedeniyle birim maliyetlerin yüksekliği",),
            strategies=("Yatırımları nüfus ve üretim yoğunluğuna göre önceliklendirmek",),
            findings=(
                "Kırsal mahallelerin bir kısmında yolların kış aylarında ulaşıma kapandığı tespit edilmiştir.",
            ),
            needs=("Kırsal altyapı envanteri",),
        ),
        ObjectiveSpec(
            title="Üretici örgütlenmesini ve ürünlerin pazara erişimini güçlendirmek",
            unit="tarim",
            cooperating=("ekonomi", "zabita"),
            indicators=(
                ind("Desteklenen tarımsal kooperatif sayısı", "Adet", RECORDS, 12, 40),
                ind(
                    "Üretici pazarlarında satış yapan üretici sayısı",
                    "Kişi",
                    RECORDS,
                    400,
                    900,
                    periodic=True,
                ),
                ind(
                    "Coğrafi işaret tescili için yapılan başvuru sayısı",
                    "Adet",
                    "Türk Patent ve Marka Kurumu kayıtları",
                    0,
                    5,
                ),
            ),
            activities=(
                act("Üretici pazarları ve kooperatif satış noktaları", "tarim", 1.6),
                act("Coğrafi işaretli ürünlerin tanıtımı ve markalaşması", "tarim", 0.6),
            ),
            risks=("Aracıların fiyatlar üzerindeki belirleyiciliği",),
            strategies=("Üreticiden tüketiciye kısa tedarik zincirleri kurmak",),
            findings=(
                "Üreticinin eline geçen fiyat ile tüketici fiyatı arasındaki farkın yüksek olduğu tespit edilmiştir.",
            ),
            needs=("Soğuk hava deposu ve paketleme tesisi",),
        ),
        ObjectiveSpec(
            title="Su tasarrufu sağlayan modern sulama ve iklim dostu tarım uygulamalarını yaygınlaştırmak",
            unit="tarim",
            cooperating=("iklim",),
            indicators=(
                ind("Basınçlı sulamaya geçirilen alan", "Dekar", RECORDS, 0, 40000),
                ind(
                    "İyi tarım uygulamaları eğitimi alan çiftçi sayısı",
                    "Kişi",
                    RECORDS,
                    1500,
                    4000,
                    periodic=True,
                ),
                ind(
                    "Analiz edilen toprak numunesi sayısı",
                    "Adet",
                    "Laboratuvar kayıtları",
                    2000,
                    6000,
                    periodic=True,
                    yearly=True,
                ),
            ),
            activities=(
                act("Basınçlı sulama sistemlerine hibe desteği", "tarim", 6),
                act(
                    "Toprak ve su analiz laboratuvarı",
                    "tarim",
                    1.8,
                    project=True,
                    years=(2025, 2026),
                ),
            ),
            risks=("Yeraltı suyu seviyesinin hızla düşmesi",),
            strategies=("Hibeleri su tasarrufu sağlayan yatırımlara koşullamak",),
            findings=("Tarımsal sulamada vahşi sulamanın hâlâ yaygın olduğu tespit edilmiştir.",),
            needs=("Ziraat mühendisi ve teknik personel",),
        ),
    ),
)
