"""What citizens and organizations write: the participation demo's texts and some more.

Synthetic Turkish content; it is data, not interface text, so it is not translated.
"""

from __future__ import annotations

from ortak.participation import demo

SUGGESTIONS: tuple[tuple[str, str], ...] = (
    *demo.SUGGESTIONS,
    (
        "Semt pazarına kapalı alan ve tuvalet",
        "Pazar yerimiz kışın çamur, yazın toz içinde kalıyor. Üstü kapalı bir pazar alanı ve engelli erişimine uygun tuvalet yapılmasını öneriyoruz.",
    ),
    (
        "Sokak aydınlatmalarının LED'e dönüştürülmesi",
        "Ara sokaklarda aydınlatma yetersiz; akşam saatlerinde kadınlar ve çocuklar güvensiz hissediyor. Armatürlerin LED'e dönüştürülmesini ve eksik direklerin tamamlanmasını öneriyorum.",
    ),
    (
        "Mahalle kütüphanesi ve çalışma salonu",
        "Mahallemizde öğrencilerin ders çalışabileceği sessiz bir alan yok. Boş duran muhtarlık binasının kütüphane ve etüt salonuna dönüştürülmesini öneriyoruz.",
    ),
    (
        "Toplu taşıma hatlarının gece saatlerine uzatılması",
        "Vardiyalı çalışanlar gece yarısından sonra eve dönemiyor. En az iki ana hattın gece seferleriyle desteklenmesini öneriyoruz.",
    ),
    (
        "Yaşlılar için evde bakım hizmetinin genişletilmesi",
        "Evde bakım hizmeti için bekleme listesi çok uzun. Ekip sayısının artırılmasını ve başvuru sonuçlarının bir ay içinde bildirilmesini öneriyoruz.",
    ),
    (
        "Kompost alanları ve bahçe atığı toplama günleri",
        "Bahçeli evlerden çıkan budama atıkları çöpe gidiyor. Mahalle kompost alanları kurulsun, bahçe atıkları belirli günlerde ayrıca toplansın.",
    ),
    (
        "Deprem toplanma alanlarında su ve elektrik altyapısı",
        "Toplanma alanlarının çoğunda su ve elektrik bağlantısı yok. Afet sonrası ilk günler için bu altyapının hazırlanmasını öneriyoruz.",
    ),
    (
        "Kreş kapasitesinin artırılması",
        "Çalışan anneler için belediye kreşlerinde yer bulmak neredeyse imkânsız. Her mahalleye en az bir gündüz bakımevi açılmasını öneriyoruz.",
    ),
    (
        "Belediye meclis toplantılarının canlı yayınlanması",
        "Meclis toplantıları internetten canlı yayınlansın, kayıtları ve karar özetleri belediyenin sitesinde yayımlansın.",
    ),
    (
        "Sokak hayvanları için kısırlaştırma seferberliği",
        "Kısırlaştırma kapasitesi ihtiyacın çok altında. Gönüllü veteriner hekimlerle birlikte mahalle mahalle bir kampanya yapılmasını öneriyoruz.",
    ),
    (
        "Okul bahçelerinin hafta sonu halka açılması",
        "Okul bahçeleri hafta sonu boş duruyor. Belediyenin gözetiminde çocuklara oyun ve spor alanı olarak açılmasını öneriyoruz.",
    ),
    (
        "Su kesintilerinin önceden duyurulması",
        "Planlı su kesintileri çoğu zaman duyurulmuyor. Kesintiler en az bir gün önce SMS ve belediyenin sitesiyle bildirilsin.",
    ),
)

OFFERS: tuple[tuple[str, str, list[str]], ...] = (
    *demo.OFFERS,
    (
        "Afet bilinci eğitimlerinde gönüllü eğitmenler",
        "Afet gönüllüsü üyelerimiz okullarda ve muhtarlıklarda afet bilinci eğitimleri verebilir; eğitim materyallerini de biz hazırlarız.",
        ["volunteers", "expertise"],
    ),
    (
        "Engelli bireyler için ulaşım desteği",
        "Derneğimizin iki erişilebilir aracını belediyenin randevulu ulaşım hizmetine hafta içi günlerde tahsis edebiliriz.",
        ["in_kind", "co_implementation"],
    ),
    (
        "Kent bostanı için tohum ve eğitim",
        "Üretici kooperatifimiz kent bostanı için yerel tohum sağlayabilir ve katılımcılara ekim eğitimi verebilir.",
        ["in_kind", "expertise"],
    ),
)

ANSWERS = demo.ANSWERS
DECLINE_REASONS = demo.DECLINE_REASONS
COMMENTS: tuple[str, ...] = (
    *demo.COMMENTS,
    "Bu konuda mahalle muhtarımızla da görüştük, destek veriyor.",
    "Geçen yıl da aynı öneri verilmişti, sonucu ne oldu?",
    "Bütçe durumunu göz önünde bulundurmak lazım ama bence öncelikli.",
    "Engelli erişimi de mutlaka düşünülmeli.",
    "Çocuklarımız için çok önemli, umarım hayata geçer.",
    "Göstergenin hedefi bana göre düşük belirlenmiş.",
)
REPLIES: tuple[str, ...] = (*demo.REPLIES, "Aynen öyle.", "Bilgi için teşekkürler.")
HIDDEN_REASON = "Kişisel veri içerdiği için moderatör tarafından gizlendi."
