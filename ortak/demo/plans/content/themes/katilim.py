"""Katılımcı Yönetim ve Şeffaflık: participation, city council and NGOs, transparency, requests."""

from __future__ import annotations

from ortak.demo.plans.content.themes._sources import RECORDS
from ortak.demo.plans.content.types import ObjectiveSpec, ThemeSpec, act, ind

KATILIM = ThemeSpec(
    key="katilim",
    name="Katılımcı Yönetim ve Şeffaflık",
    aims=(
        "Katılımcı, şeffaf ve hesap verebilir bir yönetim anlayışını kurumsallaştırmak",
        "Karar süreçlerinde hemşehrilerin ve sivil toplumun sesini güçlendirmek",
    ),
    objectives=(
        ObjectiveSpec(
            title="Karar alma süreçlerinde vatandaş ve sivil toplum katılımını artırmak",
            unit="strateji",
            cooperating=("muhtarlik", "bilgi", "basin"),
            indicators=(
                ind(
                    "Katılımcı bütçe kapsamında oylamaya sunulan proje sayısı",
                    "Adet",
                    "Katılımcı bütçe platformu kayıtları",
                    0,
                    30,
                    periodic=True,
                    yearly=True,
                ),
                ind(
                    "Katılımcı bütçe oylamasına katılan kişi sayısı",
                    "Kişi",
                    "Katılımcı bütçe platformu kayıtları",
                    0,
                    25000,
                    periodic=True,
                    yearly=True,
                    scaled=True,
                ),
                ind(
                    "Plan ve projeler için düzenlenen paydaş toplantısı sayısı",
                    "Adet",
                    RECORDS,
                    12,
                    30,
                    periodic=True,
                ),
                ind(
                    "Vatandaş önerilerinden uygulamaya alınanların oranı",
                    "%",
                    "Öneri ve talep kayıtları",
                    8,
                    25,
                    periodic=True,
                ),
            ),
            activities=(
                act("Katılımcı bütçe uygulaması", "strateji", 9, years=(2026, 2029)),
                act("Mahalle forumları ve paydaş toplantıları", "muhtarlik", 1.8),
                act("Dijital katılım platformu", "bilgi", 2.2, years=(2025, 2026)),
            ),
            risks=(
                "Katılımın belirli grupların temsiliyle sınırlı kalması",
                "Katılım sonuçlarının karar süreçlerine yansıtılmaması halinde güven kaybı",
            ),
            strategies=(
                "Katılım araçlarını çevrimiçi ve yüz yüze birlikte kullanmak",
                "Her katılım sürecinin sonucunu gerekçesiyle kamuoyuyla paylaşmak",
                "Kadınların, gençlerin ve engellilerin katılımını özel önlemlerle desteklemek",
            ),
            findings=(
                "Paydaş anketinde katılımcıların yarıdan fazlasının belediye kararlarına katılım imkânı bulamadığını belirttiği tespit edilmiştir.",
            ),
            needs=(
                "Katılım süreçlerini yönetecek uzman personel",
                "Dijital katılım altyapısı",
            ),
        ),
        ObjectiveSpec(
            title="Kent konseyi, muhtarlıklar ve sivil toplum kuruluşlarıyla işbirliğini güçlendirmek",
            unit="muhtarlik",
            cooperating=("strateji", "yazi"),
            indicators=(
                ind(
                    "Kent konseyi önerilerinden belediye meclisinde görüşülen öneri sayısı",
                    "Adet",
                    "Meclis karar kayıtları",
                    4,
                    15,
                    periodic=True,
                    yearly=True,
                    owner="yazi",
                ),
                ind(
                    "STK'larla imzalanan işbirliği protokolü sayısı",
                    "Adet",
                    RECORDS,
                    10,
                    45,
                    scaled=True,
                    owner="strateji",
                ),
                ind(
                    "Muhtar taleplerinin sonuçlandırılma oranı",
                    "%",
                    "e-Muhtar kayıtları",
                    72,
                    90,
                    periodic=True,
                ),
                ind(
                    "Muhtarlarla düzenlenen istişare toplantısı sayısı",
                    "Adet",
                    RECORDS,
                    6,
                    12,
                    periodic=True,
                ),
            ),
            activities=(
                act("Kent konseyine sekretarya ve mekân desteği", "strateji", 1.8),
                act("Muhtar bilgi sistemi (e-Muhtar) kurulması", "bilgi", 1.4, years=(2025, 2026)),
                act("STK destek ve işbirliği programı", "strateji", 2.8),
            ),
            risks=(
                "Kent konseyinin çalışma gruplarının sürekliliğinin sağlanamaması",
                "STK'ların kurumsal kapasitesinin sınırlı olması",
            ),
            strategies=(
                "Kent konseyi önerilerine meclis gündeminde düzenli yer vermek",
                "STK'larla işbirliğini şeffaf ve çağrıya dayalı bir destek programıyla yürütmek",
            ),
            findings=(
                "Muhtar taleplerinin farklı birimlere dağınık biçimde iletildiği ve izlenemediği tespit edilmiştir.",
            ),
            needs=("Talep izleme sistemi",),
        ),
        ObjectiveSpec(
            title="Belediye faaliyetlerinde şeffaflığı ve hesap verebilirliği artırmak",
            unit="strateji",
            cooperating=("bilgi", "yazi", "mali"),
            all_units=True,
            indicators=(
                ind(
                    "Açık veri portalında yayımlanan veri seti sayısı",
                    "Adet",
                    "Açık veri portalı",
                    5,
                    80,
                    owner="bilgi",
                ),
                ind(
                    "Meclis toplantılarının canlı yayınlanma oranı",
                    "%",
                    "Meclis kayıtları",
                    60,
                    100,
                    periodic=True,
                    owner="yazi",
                ),
                ind(
                    "İhale sonuçlarının internet sitesinde yayımlanma oranı",
                    "%",
                    "İhale kayıtları",
                    70,
                    100,
                    periodic=True,
                ),
                ind(
                    "Stratejik plan izleme raporlarının zamanında yayımlanma oranı",
                    "%",
                    RECORDS,
                    50,
                    100,
                    periodic=True,
                    yearly=True,
                ),
            ),
            activities=(
                act("Açık veri portalının kurulması ve işletilmesi", "bilgi", 2.8),
                act("Meclis toplantılarının canlı yayını ve karar arşivi", "yazi", 0.9),
                act(
                    "Faaliyet ve izleme raporlarının erişilebilir biçimde yayımlanması",
                    "strateji",
                    0.5,
                ),
            ),
            risks=(
                "Verilerin kişisel verilerin korunması mevzuatına aykırı yayımlanması riski",
                "Birimlerin veri üretme kapasitesinin farklı olması",
            ),
            strategies=(
                "Açık veri yayımını veri sahibi birimlerin iş akışına yerleştirmek",
                "Plan izleme sonuçlarını sade bir dille ve düzenli yayımlamak",
            ),
            findings=(
                "Belediye verilerinin büyük bölümünün makinece okunabilir biçimde yayımlanmadığı tespit edilmiştir.",
            ),
            needs=(
                "Veri yönetişimi politikası",
                "Açık veri portalı",
            ),
        ),
        ObjectiveSpec(
            title="Vatandaş taleplerini hızlı, etkin ve çok kanallı biçimde karşılamak",
            unit="basin",
            cooperating=("bilgi",),
            all_units=True,
            indicators=(
                ind(
                    "Çözüm Merkezi başvurularının ortalama sonuçlandırılma süresi",
                    "Gün",
                    "Çözüm Merkezi (CRM) başvuru kayıtları",
                    7,
                    3,
                    down=True,
                    periodic=True,
                    decimals=1,
                ),
                ind(
                    "Başvuru sahiplerinin memnuniyet oranı",
                    "%",
                    "Başvuru sonrası memnuniyet anketi",
                    72,
                    85,
                    periodic=True,
                ),
                ind(
                    "İlk temasta çözülen başvuruların oranı",
                    "%",
                    "Çözüm Merkezi (CRM) başvuru kayıtları",
                    48,
                    70,
                    periodic=True,
                ),
            ),
            activities=(
                act("Çağrı merkezi ve Beyaz Masa hizmetleri", "basin", 13),
                act(
                    "Mobil uygulama ve anlık mesajlaşma başvuru kanalı",
                    "bilgi",
                    1.8,
                    years=(2025, 2026),
                ),
                act(
                    "Başvuru yönetim sisteminin yenilenmesi",
                    "bilgi",
                    4.5,
                    project=True,
                    years=(2025, 2026),
                ),
            ),
            risks=(
                "Birimlerin başvurulara geç dönüş yapması",
                "Başvuru sayısındaki ani artışlar",
            ),
            strategies=(
                "Başvurulara birim bazında hizmet standardı süreleri tanımlamak",
                "Geciken başvuruları yöneticilere otomatik olarak bildirmek",
            ),
            findings=(
                "Başvuruların yaklaşık beşte birinin standart sürenin üzerinde yanıtlandığı tespit edilmiştir.",
            ),
            needs=("Birimler arası iş akışı entegrasyonu",),
        ),
    ),
)
