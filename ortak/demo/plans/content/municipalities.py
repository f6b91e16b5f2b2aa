"""The ten MoDeL pilots: plan texts, forced themes, local colour and the demo's special cases.

Populations are rounded 2024 figures used only to scale the synthetic figures and costs; the
municipality rows themselves come from the organizations app's reference data.
"""

from __future__ import annotations

from ortak.demo.plans.content.local import LOCAL
from ortak.demo.plans.content.types import Profile

PROFILES: tuple[Profile, ...] = (
    Profile(
        slug="adana-buyuksehir",
        kind="metropolitan",
        population=2_270_000,
        place="Adana",
        place_in="Adana'da",
        place_of="Adana'nın",
        mission=(
            "Adana'nın tarihî ve kültürel mirasına sahip çıkarak Çukurova'nın üretim gücünü ve "
            "Seyhan'ın kıyılarını kentlilerle buluşturmak; katılımcı, şeffaf ve adil hizmetlerle "
            "tüm hemşehrilerimizin yaşam kalitesini yükseltmek."
        ),
        vision="İklime dirençli, üreten, paylaşan ve herkes için yaşanabilir bir Akdeniz kenti: Adana.",
        values=(
            "Katılımcılık",
            "Şeffaflık ve hesap verebilirlik",
            "Sosyal adalet",
            "Çevreye ve iklime duyarlılık",
            "Liyakat",
            "Kültürel mirasa saygı",
        ),
        council_decision_date="2024-11-12",
        council_decision_number="2024/612",
        themes=("ulasim", "cevre", "afet", "kultur", "tarim", "kurumsal"),
        local=LOCAL["adana-buyuksehir"],
        measurement_correction=True,
    ),
    Profile(
        slug="yenimahalle",
        kind="metropolitan_district",
        population=715_000,
        place="Yenimahalle",
        place_in="Yenimahalle'de",
        place_of="Yenimahalle'nin",
        mission=(
            "Yenimahalle'de yaşayan herkesin kamusal hizmetlere eşit, hızlı ve nitelikli biçimde "
            "erişmesini sağlamak; sanayisi, üniversiteleri ve mahalle kültürüyle güçlü bir kent "
            "yaşamını hemşehrilerimizle birlikte kurmak."
        ),
        vision="Üreten, dayanışan ve katılımcı; Ankara'nın örnek ilçesi Yenimahalle.",
        values=(
            "Halk odaklılık",
            "Eşitlik ve hakkaniyet",
            "Katılımcılık",
            "Şeffaflık",
            "Dayanışma",
            "Yenilikçilik",
        ),
        council_decision_date="2024-10-07",
        council_decision_number="2024/271",
        # The demo editor and responder (Park ve Bahçeler) work here: green space is in the plan.
        themes=("cevre", "ekonomi", "imar", "katilim", "sosyal"),
        local=LOCAL["yenimahalle"],
        planted=("weights_90", "missing_final_target"),
    ),
    Profile(
        slug="burdur",
        kind="provincial",
        population=92_000,
        place="Burdur",
        place_in="Burdur'da",
        place_of="Burdur'un",
        mission=(
            "Burdur'un doğal ve tarihî değerlerini koruyarak suyu ve toprağı özenle kullanan, "
            "hemşehrilerine güvenilir ve erişilebilir hizmetler sunan bir yerel yönetim olmak."
        ),
        vision="Gölüyle, tarihiyle ve insanıyla yaşanabilir, sürdürülebilir bir Anadolu kenti.",
        values=(
            "Doğaya saygı",
            "Güvenilirlik",
            "Katılımcılık",
            "Tasarruf ve verimlilik",
            "Hemşehri memnuniyeti",
        ),
        # Left as a draft so that editors see a plan in preparation.
        status="draft",
        themes=("cevre", "ulasim", "kurumsal"),
        local=LOCAL["burdur"],
    ),
    Profile(
        slug="gaziantep-buyuksehir",
        kind="metropolitan",
        population=2_190_000,
        place="Gaziantep",
        place_in="Gaziantep'te",
        place_of="Gaziantep'in",
        mission=(
            "Gaziantep'in üretim, ticaret ve gastronomi birikimini tüm kentlilerin refahına "
            "dönüştürmek; depremin yaralarını sararken afetlere dirençli, göçmenleri ve ev sahibi "
            "toplumu birlikte kucaklayan kapsayıcı hizmetler sunmak."
        ),
        vision="Tarihî mirasıyla gurur duyan, üreten, dirençli ve dünyayla bütünleşmiş bir kent: Gaziantep.",
        values=(
            "Üretkenlik",
            "Kapsayıcılık",
            "Dayanışma",
            "Şeffaflık",
            "Yenilikçilik",
            "Kültürel mirasa sahip çıkma",
        ),
        council_decision_date="2024-11-18",
        council_decision_number="2024/498",
        themes=("ekonomi", "afet", "goc", "tarim", "sosyal"),
        local=LOCAL["gaziantep-buyuksehir"],
        plan_revision=("2026-06-10", "2026/287"),
    ),
    Profile(
        slug="maltepe",
        kind="metropolitan_district",
        population=525_000,
        place="Maltepe",
        place_in="Maltepe'de",
        place_of="Maltepe'nin",
        mission=(
            "Maltepe'de yaşayan herkesin sağlıklı, güvenli ve eşit bir kentte yaşama hakkını "
            "gözeterek, katılımcı ve şeffaf bir yönetim anlayışıyla sahilinden mahallelerine kadar "
            "nitelikli kamusal hizmet sunmak."
        ),
        vision="Depreme hazır, yeşil, paylaşımcı ve katılımcı bir Maltepe.",
        values=(
            "Katılımcılık",
            "Şeffaflık",
            "Eşitlik",
            "Dayanışma",
            "Sürdürülebilirlik",
            "Hesap verebilirlik",
        ),
        council_decision_date="2024-12-04",
        council_decision_number="2024/186",
        themes=("cevre", "afet", "katilim", "sosyal"),
        local=LOCAL["maltepe"],
        plan_revision=("2026-06-15", "2026/112"),
    ),
    Profile(
        slug="karsiyaka",
        kind="metropolitan_district",
        population=345_000,
        place="Karşıyaka",
        place_in="Karşıyaka'da",
        place_of="Karşıyaka'nın",
        mission=(
            "Karşıyaka'nın köklü kent kültürünü, körfezle kurduğu bağı ve dayanışma geleneğini "
            "yaşatarak herkese eşit, şeffaf ve çevreye duyarlı hizmet sunmak."
        ),
        vision=(
            "Körfezine sahip çıkan, kültür-sanatla ve sporla nefes alan, kimseyi geride bırakmayan "
            "Karşıyaka."
        ),
        values=(
            "Dayanışma",
            "Eşitlik",
            "Çevreye duyarlılık",
            "Katılımcılık",
            "Şeffaflık",
            "Kent kültürüne bağlılık",
        ),
        council_decision_date="2024-11-06",
        council_decision_number="2024/317",
        themes=("cevre", "kultur", "sosyal", "katilim"),
        local=LOCAL["karsiyaka"],
        planted=("activity_without_unit", "duplicate_activity_code"),
    ),
    Profile(
        slug="kars",
        kind="provincial",
        population=78_000,
        place="Kars",
        place_in="Kars'ta",
        place_of="Kars'ın",
        mission=(
            "Kars'ın çok katmanlı tarihini ve Ani'den Baltık mimarisine uzanan mirasını koruyarak, "
            "sert iklim koşullarında kesintisiz ve nitelikli belediye hizmeti sunmak."
        ),
        vision="Dört mevsim yaşanan ve ziyaret edilen, tarihiyle dünyaya açılan bir sınır kenti: Kars.",
        values=(
            "Hizmette süreklilik",
            "Tarihe ve kültüre saygı",
            "Şeffaflık",
            "Katılımcılık",
            "Verimlilik",
        ),
        council_decision_date="2025-01-08",
        council_decision_number="2025/12",
        themes=("turizm", "ulasim", "kultur"),
        local=LOCAL["kars"],
    ),
    Profile(
        slug="sinop",
        kind="provincial",
        population=66_000,
        place="Sinop",
        place_in="Sinop'ta",
        place_of="Sinop'un",
        mission=(
            "Sinop'un doğal limanını, tarihî yarımadasını ve temiz çevresini gelecek kuşaklara "
            "aktarırken hemşehrilerimize güvenilir, katılımcı ve erişilebilir hizmetler sunmak."
        ),
        vision="Mutlu, huzurlu ve sürdürülebilir bir Karadeniz kenti olarak Sinop.",
        values=(
            "Huzur ve güven",
            "Çevreye saygı",
            "Katılımcılık",
            "Şeffaflık",
            "Misafirperverlik",
        ),
        # In public consultation: the draft is published for comments before the council vote.
        status="consultation",
        themes=("turizm", "cevre", "katilim"),
        local=LOCAL["sinop"],
    ),
    Profile(
        slug="van-buyuksehir",
        kind="metropolitan",
        population=1_130_000,
        place="Van",
        place_in="Van'da",
        place_of="Van'ın",
        mission=(
            "Van Gölü'nü ve kentin doğal zenginliklerini koruyarak afetlere dirençli bir kentsel "
            "çevre oluşturmak; göç ve yoksullukla karşı karşıya kalan hemşehrilerimiz başta olmak "
            "üzere herkese eşit ve onurlu hizmet sunmak."
        ),
        vision="Gölüyle barışık, dirençli, üretken ve kapsayıcı bir kent: Van.",
        values=(
            "İnsan onuruna saygı",
            "Eşitlik",
            "Katılımcılık",
            "Doğaya saygı",
            "Şeffaflık",
            "Dayanışma",
        ),
        council_decision_date="2024-12-10",
        council_decision_number="2024/233",
        themes=("cevre", "afet", "goc", "tarim", "sosyal"),
        local=LOCAL["van-buyuksehir"],
        planted=("objective_without_indicators", "weights_90"),
    ),
    Profile(
        slug="yalova",
        kind="provincial",
        population=170_000,
        place="Yalova",
        place_in="Yalova'da",
        place_of="Yalova'nın",
        mission=(
            "Yalova'nın termal ve doğal zenginliklerini, çiçekçilikten gelen üretim birikimini ve "
            "Marmara'daki konumunu hemşehrilerinin refahına dönüştüren, depreme hazırlıklı, "
            "katılımcı ve şeffaf bir yerel yönetim olmak."
        ),
        vision=(
            "Doğasıyla, üretimiyle ve güvenli yaşam alanlarıyla Marmara'nın nefes alan kenti Yalova."
        ),
        values=(
            "Güvenli yaşam",
            "Çevreye duyarlılık",
            "Üretkenlik",
            "Katılımcılık",
            "Şeffaflık",
        ),
        council_decision_date="2025-02-05",
        council_decision_number="2025/34",
        themes=("turizm", "ekonomi", "afet"),
        local=LOCAL["yalova"],
        measurement_correction=True,
    ),
)

PROFILES_BY_SLUG: dict[str, Profile] = {profile.slug: profile for profile in PROFILES}
