"""The first published privacy notice (KVKK aydınlatma metni), in Turkish and English.

Operators review it and publish their own version (with the operator's legal name) from the
admin; a published version is never edited in place.
"""

from django.db import migrations

TEXT_TR = """\
Bu metin, 6698 sayılı Kişisel Verilerin Korunması Kanunu'nun ("KVKK") 10. maddesi uyarınca, Ortak platformunu kullanırken kişisel verilerinizin nasıl işlendiğini açıklar.

### 1. Veri sorumlusu

Kişisel verileriniz, Ortak platformunu MoDeL programı ("Daha Demokratik Bir Yerel Yönetişim İçin Sivil Toplumun Güçlendirilmesi") kapsamında işleten kuruluş ("İşletmeci") tarafından veri sorumlusu sıfatıyla işlenir. Belediyeler ve sivil toplum kuruluşları, platforma kendi adlarına girdikleri bilgiler bakımından ayrıca veri sorumlusudur. İşletmeci'ye, platformun size gönderdiği e-postaların gönderen adresine yazarak ulaşabilirsiniz.

### 2. Hangi kişisel verileri işliyoruz?

- **Hesap bilgileri:** e-posta adresiniz, parolanızın geri döndürülemez özeti (parolanın kendisi saklanmaz), isteğe bağlı görünen adınız, tercih ettiğiniz dil, hesabın açılış ve son giriş tarihleri.
- **Güvenlik bilgileri:** iki adımlı doğrulama kullanıyorsanız doğrulayıcı uygulamanızın gizli anahtarı ve kurtarma kodlarınız; hesabınızda yapılan önemli işlemlerin kaydı (hangi işlemin ne zaman yapıldığı).
- **Katılım içerikleri:** öneriler, işbirliği teklifleri, yorumlar, destekler, takipler, değerlendirmeler, anket yanıtları, toplantı ve eğitim kayıtları gibi platformda oluşturduğunuz içerikler.
- **Kurumsal roller:** bir belediye ya da kuruluş adına işlem yapıyorsanız o kurumdaki rolünüz.
- **Bildirimler ve tercihler:** size gönderilen bildirimler ve e-posta tercihiniz.
- **Onay kayıtları:** bu metnin hangi sürümünü hangi tarihte kabul ettiğiniz. Onay kaydıyla birlikte IP adresi veya tarayıcı bilgisi saklanmaz.
- **Teknik veriler:** oturumunuzu ve dil tercihinizi hatırlamak için yalnızca zorunlu çerezler kullanılır. Parola deneme saldırılarını önlemek için IP adresiniz birkaç dakikalık sayaçlarda tutulur. Analiz, reklam ya da üçüncü taraf çerezi kullanılmaz; sayfalar başka sitelerden yazı tipi, betik veya görsel yüklemez.

T.C. kimlik numaranızı, adresinizi veya telefon numaranızı istemiyoruz.

### 3. Amaçlar ve hukuki sebepler

- Hesabınızı açmak, giriş yapmanızı sağlamak ve platformun hizmetlerini sunmak: KVKK md. 5/2-c (bir sözleşmenin kurulması veya ifası).
- Önerilerinize ve tekliflerinize yanıt verilebilmesi için içeriklerinizi ilgili belediyeye ve kuruluşa iletmek: KVKK md. 5/2-c.
- Size tercihinize göre bildirim ve e-posta göndermek: KVKK md. 5/2-c. E-posta tercihinizi istediğiniz an değiştirebilirsiniz.
- Hesap güvenliği, kötüye kullanımın önlenmesi ve işlem kayıtlarının tutulması: KVKK md. 5/2-ç (hukuki yükümlülük) ve md. 5/2-f (meşru menfaat).
- Yerel katılım sürecinin şeffaf ve hesap verebilir olması için kamuya açık olarak paylaştığınız içerikleri yayımlamak: KVKK md. 5/2-d (ilgili kişinin kendisi tarafından alenileştirilmiş olması) ve md. 5/2-f.
- İstatistik ve açık veri üretmek: yalnızca kimliğinizi belirlemeye imkân vermeyen, toplulaştırılmış veriler kullanılır.

### 4. Kamuya açık olanlar

Öneri, yorum ve değerlendirme gibi kamuya açık içerikleriniz görünen adınızla yayımlanır; görünen adınız boşsa "vatandaş" olarak gösterilirsiniz. E-posta adresiniz hiçbir zaman kamuya gösterilmez.

### 5. Kişisel verilerin aktarılması

Kişisel verileriniz yalnızca şu alıcılara, yalnızca gerektiği ölçüde aktarılır:

- yanıt verebilmeleri için içeriğinizin ilgili olduğu belediyeye ve, kuruluş adına işlem yaptıysanız, kuruluşunuza;
- mevzuatın öngördüğü hâllerde, talep üzerine yetkili kamu kurum ve kuruluşlarına;
- platformun barındırılması ve e-postaların gönderilmesi için hizmet alınan tedarikçilere, KVKK md. 8 ve 9'a uygun olarak.

Kişisel verileriniz satılmaz ve reklam amacıyla kullanılmaz.

### 6. Toplama yöntemi

Kişisel verileriniz, platformdaki formları doldurmanız ve platformu kullanmanız yoluyla elektronik ortamda, kısmen otomatik yollarla toplanır.

### 7. Saklama süresi ve hesabınızın silinmesi

Hesap bilgileriniz, hesabınızı silene kadar saklanır. Hesabınızı "Hesabım" sayfasındaki "Hesabımı sil" bağlantısıyla istediğiniz an silebilirsiniz. Silme işleminde e-posta adresiniz, görünen adınız, parolanız, iki adımlı doğrulama bilgileriniz, bildirimleriniz ve açık oturumlarınız silinir. Kamuya açık katılım kayıtlarının (örneğin bir önerinin ve belediyenin ona verdiği yanıtın) okunabilir kalması için bu içerikler "silinmiş kullanıcı" adıyla, kimliğinizle ilişkilendirilemeyecek biçimde korunur. Onay kayıtları, onayın verilmiş olduğunun kanıtı olarak kimliksizleştirilmiş hesap kaydına bağlı kalır.

### 8. Haklarınız

KVKK'nın 11. maddesi uyarınca;

- kişisel verilerinizin işlenip işlenmediğini öğrenme,
- işlenmişse buna ilişkin bilgi talep etme,
- işlenme amacını ve bunların amacına uygun kullanılıp kullanılmadığını öğrenme,
- yurt içinde veya yurt dışında aktarıldığı üçüncü kişileri bilme,
- eksik veya yanlış işlenmişse düzeltilmesini isteme,
- KVKK md. 7'de öngörülen şartlar çerçevesinde silinmesini veya yok edilmesini isteme,
- düzeltme, silme ve yok etme işlemlerinin verilerin aktarıldığı üçüncü kişilere bildirilmesini isteme,
- işlenen verilerin münhasıran otomatik sistemler vasıtasıyla analiz edilmesi suretiyle aleyhinize bir sonucun ortaya çıkmasına itiraz etme,
- kanuna aykırı olarak işlenmesi sebebiyle zarara uğramanız hâlinde zararın giderilmesini talep etme

haklarına sahipsiniz.

"Hesabım" sayfasında görünen adınızı ve dilinizi düzeltebilir, "Verilerimi indir" ile platformda oluşturduğunuz her şeyi bir JSON dosyası olarak indirebilir ve "Hesabımı sil" ile hesabınızı silebilirsiniz. Diğer talepleriniz için İşletmeci'ye yazılı olarak veya e-postayla başvurabilirsiniz; başvurunuz en geç otuz gün içinde ücretsiz olarak sonuçlandırılır (KVKK md. 13). Yanıtı yeterli bulmazsanız Kişisel Verileri Koruma Kurulu'na şikâyette bulunabilirsiniz (KVKK md. 14).

### 9. Bu metindeki değişiklikler

Bu metin değiştiğinde yeni bir sürüm numarasıyla yayımlanır ve bir sonraki girişinizde yeni sürümü okuyup kabul etmeniz istenir. Önceki sürümler gizlilik sayfasından okunabilir.
"""

TEXT_EN = """\
This notice explains, as required by article 10 of the Turkish Personal Data Protection Law no. 6698 ("KVKK"), how your personal data is processed when you use the Ortak platform.

### 1. Data controller

Your personal data is processed, as data controller, by the organization that operates the Ortak platform within the MoDeL programme ("Strengthening Civil Society for a More Democratic Local Governance") (the "Operator"). Municipalities and civil-society organizations are separate data controllers for the information they enter on the platform in their own name. You can reach the Operator by writing to the sender address of the e-mails the platform sends you.

### 2. What personal data we process

- **Account data:** your e-mail address, an irreversible hash of your password (the password itself is never stored), an optional display name, your preferred language, and the dates your account was opened and last used.
- **Security data:** if you use two-step verification, the secret key of your authenticator app and your recovery codes; a log of important actions on your account (which action, and when).
- **Participation content:** what you create on the platform, such as suggestions, cooperation offers, comments, supports, follows, assessments, survey answers, meeting and training records.
- **Institutional roles:** your role in a municipality or organization on whose behalf you act.
- **Notifications and preferences:** the notifications sent to you and your e-mail preference.
- **Consent records:** which version of this notice you accepted, and when. No IP address or browser information is stored with a consent record.
- **Technical data:** only strictly necessary cookies are used, to keep you signed in and remember your language. Your IP address is kept in counters of a few minutes to stop password-guessing attacks. No analytics, advertising or third-party cookies are used; pages load no fonts, scripts or images from other sites.

We do not ask for your Turkish identity number, your address or your phone number.

### 3. Purposes and legal grounds

- To open your account, let you sign in and provide the platform's services: KVKK art. 5(2)(c) (establishing or performing a contract).
- To pass your content to the municipality and organization concerned so that they can answer your suggestions and offers: KVKK art. 5(2)(c).
- To send you notifications and e-mails according to your preference: KVKK art. 5(2)(c). You can change your e-mail preference at any time.
- Account security, preventing abuse and keeping a log of actions: KVKK art. 5(2)(ç) (legal obligation) and art. 5(2)(f) (legitimate interest).
- To publish what you chose to share publicly, so that local participation is transparent and accountable: KVKK art. 5(2)(d) (data made public by the data subject) and art. 5(2)(f).
- To produce statistics and open data: only aggregated data that cannot identify you is used.

### 4. What is public

Public content such as suggestions, comments and assessments is published under your display name; if your display name is empty you are shown as "citizen". Your e-mail address is never shown in public.

### 5. Who receives your data

Your personal data is passed only to the following recipients, and only as far as needed:

- the municipality your content concerns and, if you acted on behalf of an organization, that organization, so that they can answer;
- public authorities, on request, where the law provides for it;
- the providers that host the platform and deliver its e-mails, in accordance with KVKK articles 8 and 9.

Your personal data is never sold and never used for advertising.

### 6. How the data is collected

Your personal data is collected electronically, partly by automated means, when you fill in the platform's forms and use the platform.

### 7. How long we keep it, and deleting your account

Your account data is kept until you delete your account. You can delete it at any time with the "Delete my account" link on the "My account" page. Deleting your account erases your e-mail address, display name, password, two-step verification data, notifications and open sessions. So that the public record of participation (for example a suggestion and the municipality's answer to it) stays readable, that content is kept under the name "deleted user", in a way that can no longer be linked to you. Consent records stay attached to the anonymised account record as proof that consent was given.

### 8. Your rights

Under article 11 of the KVKK you have the right to:

- learn whether your personal data is processed,
- request information about the processing,
- learn the purpose of the processing and whether the data is used for that purpose,
- know the third parties in Turkey or abroad to whom the data is transferred,
- ask for incomplete or incorrect data to be corrected,
- ask for the data to be erased or destroyed under the conditions of KVKK article 7,
- ask for corrections, erasure and destruction to be notified to the third parties who received the data,
- object to a result against you that arises solely from automated analysis of the data,
- claim compensation if you suffer damage because of unlawful processing.

On the "My account" page you can correct your display name and language, download everything you created on the platform as a JSON file with "Download my data", and delete your account with "Delete my account". For any other request, write to the Operator by letter or e-mail; your request is answered free of charge within thirty days (KVKK art. 13). If you are not satisfied with the answer, you may complain to the Personal Data Protection Board (KVKK art. 14).

### 9. Changes to this notice

When this notice changes, it is published under a new version number, and you are asked to read and accept the new version the next time you sign in. Earlier versions can be read on the privacy page.
"""


def publish_first_notice(apps, schema_editor):
    PrivacyNotice = apps.get_model("accounts", "PrivacyNotice")
    if not PrivacyNotice.objects.filter(version=1).exists():
        PrivacyNotice.objects.create(version=1, text_tr=TEXT_TR, text_en=TEXT_EN)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_privacy_notice_and_consent")]

    operations = [migrations.RunPython(publish_first_notice, migrations.RunPython.noop)]
