"""Municipal units by key: (name in a metropolitan municipality, name elsewhere).

Metropolitan municipalities are organised in "Dairesi Başkanlığı"s, provincial and district
municipalities in "Müdürlük"s (Regulation on the Organisation and Staffing of Local Governments).
Two keys may share a name; the generator creates one unit per distinct name.
"""

from __future__ import annotations

from ortak.demo.plans.content.types import MunicipalityKind

UNITS: dict[str, tuple[str, str]] = {
    "strateji": ("Strateji Geliştirme Dairesi Başkanlığı", "Strateji Geliştirme Müdürlüğü"),
    "fen": ("Fen İşleri Dairesi Başkanlığı", "Fen İşleri Müdürlüğü"),
    "ulasim": ("Ulaşım Dairesi Başkanlığı", "Ulaşım Hizmetleri Müdürlüğü"),
    "park": ("Park ve Bahçeler Dairesi Başkanlığı", "Park ve Bahçeler Müdürlüğü"),
    "iklim": (
        "İklim Değişikliği ve Sıfır Atık Dairesi Başkanlığı",
        "İklim Değişikliği ve Sıfır Atık Müdürlüğü",
    ),
    "cevre": ("Çevre Koruma ve Kontrol Dairesi Başkanlığı", "Çevre Koruma ve Kontrol Müdürlüğü"),
    "temizlik": ("Çevre Koruma ve Kontrol Dairesi Başkanlığı", "Temizlik İşleri Müdürlüğü"),
    "afet": ("Afet İşleri ve Risk Yönetimi Dairesi Başkanlığı", "Afet İşleri Müdürlüğü"),
    "itfaiye": ("İtfaiye Dairesi Başkanlığı", "İtfaiye Müdürlüğü"),
    "yapi": ("Yapı Kontrol Dairesi Başkanlığı", "Yapı Kontrol Müdürlüğü"),
    "sosyal": ("Sosyal Hizmetler Dairesi Başkanlığı", "Sosyal Destek Hizmetleri Müdürlüğü"),
    "kadin": ("Kadın ve Aile Hizmetleri Dairesi Başkanlığı", "Kadın ve Aile Hizmetleri Müdürlüğü"),
    "kultur": ("Kültür ve Sosyal İşler Dairesi Başkanlığı", "Kültür ve Sosyal İşler Müdürlüğü"),
    "spor": (
        "Gençlik ve Spor Hizmetleri Dairesi Başkanlığı",
        "Gençlik ve Spor Hizmetleri Müdürlüğü",
    ),
    "ekonomi": (
        "Ekonomik Kalkınma ve İstihdam Dairesi Başkanlığı",
        "Yerel Ekonomi ve İstihdam Müdürlüğü",
    ),
    "zabita": ("Zabıta Dairesi Başkanlığı", "Zabıta Müdürlüğü"),
    "ruhsat": ("Ruhsat ve Denetim Dairesi Başkanlığı", "Ruhsat ve Denetim Müdürlüğü"),
    "imar": ("İmar ve Şehircilik Dairesi Başkanlığı", "İmar ve Şehircilik Müdürlüğü"),
    "donusum": ("Kentsel Dönüşüm Dairesi Başkanlığı", "Kentsel Dönüşüm Müdürlüğü"),
    "emlak": ("Emlak ve İstimlak Dairesi Başkanlığı", "Emlak ve İstimlak Müdürlüğü"),
    "etut": ("Etüt ve Projeler Dairesi Başkanlığı", "Etüt Proje Müdürlüğü"),
    "basin": (
        "Basın Yayın ve Halkla İlişkiler Dairesi Başkanlığı",
        "Basın Yayın ve Halkla İlişkiler Müdürlüğü",
    ),
    "muhtarlik": ("Muhtarlık İşleri Dairesi Başkanlığı", "Muhtarlık İşleri Müdürlüğü"),
    "insan": (
        "İnsan Kaynakları ve Eğitim Dairesi Başkanlığı",
        "İnsan Kaynakları ve Eğitim Müdürlüğü",
    ),
    "bilgi": ("Bilgi İşlem Dairesi Başkanlığı", "Bilgi İşlem Müdürlüğü"),
    "mali": ("Mali Hizmetler Dairesi Başkanlığı", "Mali Hizmetler Müdürlüğü"),
    "destek": ("Destek Hizmetleri Dairesi Başkanlığı", "Destek Hizmetleri Müdürlüğü"),
    "yazi": ("Meclis ve Kararlar Dairesi Başkanlığı", "Yazı İşleri Müdürlüğü"),
    "saglik": ("Sağlık İşleri Dairesi Başkanlığı", "Sağlık İşleri Müdürlüğü"),
    "veteriner": ("Veteriner Hizmetleri Dairesi Başkanlığı", "Veteriner İşleri Müdürlüğü"),
    "tarim": ("Tarımsal Hizmetler Dairesi Başkanlığı", "Tarımsal Hizmetler Müdürlüğü"),
    "turizm": ("Kültür ve Turizm Dairesi Başkanlığı", "Turizm ve Tanıtım Müdürlüğü"),
    "goc": ("Göç ve Uyum Şube Müdürlüğü", "Göç ve Uyum Birimi"),
    "su": ("Su ve Kanalizasyon İşleri Dairesi Başkanlığı", "Su ve Kanalizasyon Müdürlüğü"),
}

STRATEGY_UNIT = "strateji"


def unit_name(key: str, kind: MunicipalityKind) -> str:
    metropolitan, other = UNITS[key]
    return metropolitan if kind == "metropolitan" else other
