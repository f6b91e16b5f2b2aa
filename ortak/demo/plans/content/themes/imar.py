"""Kentsel Dönüşüm ve İmar: regeneration, zoning plans, permits, urban design, land."""

from __future__ import annotations

from ortak.demo.plans.content.themes._sources import GIS, RECORDS, WORKS
from ortak.demo.plans.content.types import ObjectiveSpec, ThemeSpec, act, ind

IMAR = ThemeSpec(
    key="imar",
    name="Kentsel Dönüşüm ve İmar",
    aims=(
        "Planlı, güvenli ve yaşanabilir bir kentsel çevre oluşturmak",
        "Kentsel dönüşümü hak sahiplerini merkeze alarak adil ve hızlı biçimde yürütmek",
    ),
    objectives=(
        ObjectiveSpec(
            title="Riskli yapı stokunu hak sahipleriyle uzlaşarak yenilemek",
            unit="donusum",
            cooperating=("imar", "emlak", "yapi"),
            indicators=(
                ind(
                    "Kentsel dönüşüm kapsamında yenilenen bağımsız bölüm sayısı",
                    "Adet",
                    RECORDS,
                    0,
                    6000,
                    scaled=True,
                ),
                ind("Dönüşüm alanlarında uzlaşma sağlanan hak sahibi oranı", "%", RECORDS, 40, 85),
                ind(
                    "Kentsel dönüşüm danışma ofisine başvuran kişi sayısı",
                    "Kişi",
                    RECORDS,
                    3000,
                    5000,
                    periodic=True,
                    scaled=True,
                ),
                ind(
                    "Riskli yapı tespiti yapılan bina sayısı",
                    "Adet",
                    "Çevre, Şehircilik ve İklim Değişikliği Bakanlığı kayıtları",
                    1200,
                    6000,
                    scaled=True,
                    owner="yapi",
                ),
            ),
            activities=(
                act("Kentsel dönüşüm danışma ve uzlaşma ofisleri", "donusum", 5.5),
                act(
                    "Dönüşüm alanlarında altyapı ve sosyal donatı yatırımları",
                    "fen",
                    55,
                    project=True,
                ),
                act("Yerinde dönüşüm için kira yardımı ve hukuki destek", "donusum", 11),
            ),
            risks=(
                "Hak sahipleri arasında uzlaşma sağlanamaması",
                "İnşaat maliyetlerindeki hızlı artış",
                "Dönüşümün yerinden edilmeye yol açması",
            ),
            strategies=(
                "Yerinde dönüşümü esas almak",
                "Hak sahiplerini süreç boyunca bilgilendiren danışma ofisleri kurmak",
                "Kiracıları ve dar gelirli hak sahiplerini destekleyen sosyal önlemler almak",
            ),
            findings=(
                "Riskli yapıların bazı mahallelerde yoğunlaştığı tespit edilmiştir.",
                "Dönüşüm projelerinde en sık görülen sorunun hak sahipleri arasındaki anlaşmazlık olduğu görülmüştür.",
            ),
            needs=(
                "Güncel riskli yapı envanteri",
                "Hukuk ve sosyal destek uzmanları",
            ),
        ),
        ObjectiveSpec(
            title="Kentin planlama bütünlüğünü sağlamak ve imar planlarını güncel tutmak",
            unit="imar",
            cooperating=("bilgi", "etut", "emlak"),
            indicators=(
                ind(
                    "Güncel uygulama imar planıyla kapsanan alan oranı",
                    "%",
                    GIS,
                    70,
                    95,
                    yearly=True,
                ),
                ind(
                    "Plan değişikliği taleplerinin ortalama sonuçlandırılma süresi",
                    "Gün",
                    "EBYS kayıtları",
                    90,
                    45,
                    down=True,
                    periodic=True,
                ),
                ind(
                    "Sayısallaştırılan imar arşivi dosyası sayısı",
                    "Adet",
                    RECORDS,
                    40000,
                    140000,
                    scaled=True,
                ),
            ),
            activities=(
                act("Uygulama imar planlarının revizyonu", "imar", 7.5),
                act("İmar arşivinin sayısallaştırılması", "imar", 4.5, years=(2025, 2027)),
                act("Kent Bilgi Sistemi'nin güncellenmesi", "bilgi", 3.5),
            ),
            risks=(
                "Sık ve parçacı plan değişikliği talepleri",
                "Üst ölçekli plan kararlarındaki değişiklikler",
            ),
            strategies=(
                "Plan değişikliklerini bütüncül revizyonlarla yapmak",
                "Plan süreçlerinde askı ve itiraz bilgilerini çevrimiçi yayımlamak",
            ),
            findings=(
                "Uygulama imar planlarının bir kısmının güncel halihazır haritalara dayanmadığı tespit edilmiştir.",
            ),
            needs=(
                "Güncel halihazır harita ve ortofoto",
                "Şehir plancısı kadrosu",
            ),
        ),
        ObjectiveSpec(
            title="Yapı ruhsatı ve yapı kullanma izni süreçlerini hızlandırmak ve şeffaflaştırmak",
            unit="imar",
            cooperating=("bilgi", "yapi"),
            indicators=(
                ind(
                    "Yapı ruhsatının ortalama verilme süresi",
                    "Gün",
                    "e-İmar kayıtları",
                    30,
                    12,
                    down=True,
                    periodic=True,
                ),
                ind(
                    "Çevrimiçi yapılan ruhsat başvurusu oranı",
                    "%",
                    "e-Belediye kayıtları",
                    35,
                    90,
                    periodic=True,
                ),
                ind(
                    "Tespit edilen kaçak yapı sayısı",
                    "Adet",
                    RECORDS,
                    420,
                    250,
                    down=True,
                    periodic=True,
                    yearly=True,
                    scaled=True,
                    owner="yapi",
                ),
            ),
            activities=(
                act(
                    "Elektronik yapı ruhsatı (e-İmar) uygulaması", "bilgi", 2.8, years=(2025, 2026)
                ),
                act("Ruhsat süreçlerinin yeniden tasarımı ve tek noktadan başvuru", "imar", 0.9),
            ),
            risks=(
                "Mevzuatın sık değişmesi",
                "Kurumlar arası görüş yazışmalarının uzaması",
            ),
            strategies=(
                "Başvurudan teslime kadar tüm süreci elektronik ortama taşımak",
                "Başvuru sahibine süreç adımlarını anlık olarak göstermek",
            ),
            findings=(
                "Ruhsat süresinin yaklaşık yarısının kurum görüşlerinin beklenmesiyle geçtiği tespit edilmiştir.",
            ),
            needs=("Kurumlar arası elektronik veri paylaşımı",),
        ),
        ObjectiveSpec(
            title="Kent estetiğini ve kamusal alanların niteliğini artırmak",
            unit="etut",
            cooperating=("imar", "park", "zabita"),
            indicators=(
                ind(
                    "Cephe ve sokak iyileştirmesi yapılan cadde sayısı",
                    "Adet",
                    WORKS,
                    0,
                    20,
                    scaled=True,
                ),
                ind("Yenilenen meydan sayısı", "Adet", WORKS, 0, 6),
                ind(
                    "Tabela standardına uygun hâle getirilen işyeri sayısı",
                    "Adet",
                    RECORDS,
                    0,
                    3000,
                    scaled=True,
                    owner="zabita",
                ),
            ),
            activities=(
                act("Meydan düzenleme projeleri", "etut", 36, project=True, years=(2025, 2028)),
                act("Cephe iyileştirme ve tabela standardizasyonu", "etut", 7),
            ),
            risks=("Mülk sahiplerinin cephe uygulamalarına katılmaması",),
            strategies=(
                "Kentsel tasarım rehberi hazırlayarak uygulamaları tek dile kavuşturmak",
                "Meydan projelerini katılımcı tasarım atölyeleriyle geliştirmek",
            ),
            findings=(
                "Ana caddelerde tabela ve cephe kirliliğinin kent kimliğini zayıflattığı tespit edilmiştir.",
            ),
            needs=("Kentsel tasarım rehberi",),
        ),
        ObjectiveSpec(
            title="Kamulaştırma ve taşınmaz yönetimini etkinleştirmek",
            unit="emlak",
            cooperating=("imar", "mali", "strateji"),
            indicators=(
                ind(
                    "Kamulaştırması tamamlanan sosyal donatı alanı",
                    "m²",
                    RECORDS,
                    0,
                    120000,
                    scaled=True,
                ),
                ind(
                    "Envantere kaydedilen belediye taşınmazı oranı",
                    "%",
                    "Taşınmaz envanter sistemi",
                    70,
                    100,
                ),
                ind(
                    "Taşınmazlardan elde edilen kira geliri",
                    "Bin ₺",
                    "Muhasebe kayıtları",
                    45000,
                    90000,
                    periodic=True,
                    yearly=True,
                    scaled=True,
                ),
            ),
            activities=(
                act("Okul, park ve sağlık alanı kamulaştırmaları", "emlak", 75),
                act("Taşınmaz envanter ve değerleme sistemi", "emlak", 1.8, years=(2025, 2026)),
            ),
            risks=(
                "Arsa değerlerindeki hızlı artış",
                "Kamulaştırma davalarının uzaması",
            ),
            strategies=(
                "Kamulaştırmaları yatırım programıyla eşgüdümlü yürütmek",
                "Uzlaşma yoluyla kamulaştırmayı önceliklendirmek",
            ),
            findings=(
                "Taşınmaz kayıtlarının farklı birimlerde dağınık tutulduğu tespit edilmiştir.",
            ),
            needs=("Bütünleşik taşınmaz yönetim sistemi",),
        ),
    ),
)
