"""Deviation explanations (sapma nedenleri) and revision reasons, as a strategy unit writes them."""

from __future__ import annotations

# Why a value fell short of its target (at risk or off track).
SHORTFALL: tuple[str, ...] = (
    "İhale sürecine yapılan itirazlar nedeniyle işe başlama tarihi yaklaşık dört ay gecikmiştir.",
    "Yüklenici firmanın iş programına uymaması nedeniyle işler planlanan hızda ilerlememiştir; sözleşme hükümleri uygulanmıştır.",
    "Ödenek yetersizliği nedeniyle faaliyet kapsamı daraltılmış, kalan kısmı bir sonraki yıla aktarılmıştır.",
    "Kamulaştırma sürecinin mahkeme aşamasında uzaması nedeniyle uygulamaya geçilememiştir.",
    "Maliyetlerdeki beklenmedik artış nedeniyle yıl içinde bütçe revizyonuna gidilmiş, işler önceliklendirilerek yürütülmüştür.",
    "Kış aylarının uzun ve yağışlı geçmesi saha çalışmalarını kısıtlamıştır.",
    "Birimde yaşanan personel eksikliği nedeniyle hizmet kapasitesi planlananın altında kalmıştır.",
    "Protokol imzalanan kurumun onay sürecinin uzaması nedeniyle ortak çalışmalar geç başlamıştır.",
    "İlgili mevzuatta yapılan değişiklik nedeniyle süreç yeniden tasarlanmış ve uygulama ertelenmiştir.",
    "Koruma kurulu onayının beklenmesi nedeniyle uygulama projeleri takvimin gerisinde kalmıştır.",
    "Talebin beklenenden düşük gerçekleşmesi nedeniyle hedefin gerisinde kalınmıştır; tanıtım çalışmaları artırılmıştır.",
    "Yazılım altyapısındaki geçiş süreci nedeniyle veriler yılın bir bölümünde eksik tutulmuştur.",
    "Araç ve ekipman alımının dövize bağlı fiyat artışları nedeniyle ertelenmesi kapasiteyi sınırlamıştır.",
    "Dış kaynaklı hibe başvurusunun sonuçlanmaması nedeniyle proje öz kaynakla ve daha dar kapsamlı yürütülmüştür.",
)

# A value just under its target (85–95 % of the year's target).
NEAR_MISS: tuple[str, ...] = (
    "Hedefe büyük ölçüde ulaşılmış; kalan işler yıl sonu tatili nedeniyle Ocak ayında tamamlanmıştır.",
    "Yıl sonunda devam eden işlerin hakedişleri bir sonraki yıla kaldığından gerçekleşme hedefin az altında kalmıştır.",
    "Son çeyrekte yaşanan malzeme tedarik gecikmesi nedeniyle hedefin az gerisinde kalınmıştır.",
    "Hedefe yaklaşılmış; sapma veri kaynağındaki yıl sonu güncellemesinin gecikmesinden kaynaklanmaktadır.",
)

# A cumulative value reported at mid-year, compared by the platform with the whole year's target.
MIDYEAR: tuple[str, ...] = (
    "Altı aylık gerçekleşmedir; işlerin yılın ikinci yarısında tamamlanması planlanmaktadır.",
    "Yılın ilk yarısı itibarıyla gerçekleşmedir; saha çalışmaları mevsim gereği yaz ve sonbahar aylarında yoğunlaşmaktadır.",
    "Haziran sonu itibarıyla gerçekleşmedir; ihalesi tamamlanan işler yılın ikinci yarısında uygulanacaktır.",
    "Ara dönem değeridir; yıl sonu hedefine ulaşılması beklenmektedir.",
)

# Why a value exceeded its target.
OVER: tuple[str, ...] = (
    "Kalkınma ajansından sağlanan ek hibe ile faaliyetin kapsamı genişletilmiştir.",
    "Talebin beklenenin üzerinde gerçekleşmesi üzerine ek ekip görevlendirilmiştir.",
    "Bir sonraki yıl için planlanan işlerin bir bölümü, uygun hava koşulları nedeniyle öne çekilmiştir.",
    "Kamu kurumlarıyla yapılan işbirliği protokolü sayesinde hizmet, planlanandan daha geniş bir kitleye ulaştırılmıştır.",
    "Sivil toplum kuruluşlarının gönüllü desteğiyle hedefin üzerine çıkılmıştır.",
    "Hedef belirlenirken dikkate alınmayan yeni hizmet noktasının açılmasıyla kapasite artmıştır.",
)

# Mid-term plan update: why yearly targets were changed.
REVISION_LOWER: tuple[str, ...] = (
    "2025 yılı gerçekleşmeleri ve maliyet artışları dikkate alınarak hedef gerçekçi düzeye çekilmiştir.",
    "Kamulaştırma ve ihale süreçlerindeki gecikmeler nedeniyle yatırım takvimi yeniden planlanmıştır.",
    "Ödenek imkânlarındaki daralma nedeniyle faaliyetin kapsamı güncellenmiştir.",
)
REVISION_RAISE: tuple[str, ...] = (
    "Gerçekleşmelerin hedefin üzerinde seyretmesi nedeniyle hedef yukarı yönlü güncellenmiştir.",
    "Sağlanan dış kaynak ile kapasite arttığından hedef yükseltilmiştir.",
)

# A published value corrected after its source was updated.
CORRECTION: tuple[str, ...] = (
    "Veri kaynağının kesinleşmiş yıl sonu verileri yayımlandığından değer düzeltilmiştir.",
    "Birim kayıtlarının mükerrer kayıtlardan arındırılması sonucunda değer düzeltilmiştir.",
)

# The plan update itself (PlanRevision.reason).
PLAN_UPDATE_REASON = (
    "Stratejik planın 2025 yılı izleme ve değerlendirme sonuçları, maliyet artışları ve "
    "mevzuat değişiklikleri dikkate alınarak bazı performans göstergelerinin hedefleri "
    "güncellenmiştir; güncellenen plan belediye meclisinin onayına sunulmuştur."
)
