# Türkçe. Sade dil, de.py ile aynı yapı.

CATEGORIES = {
    1: "Danışmanlık",
    2: "Resmî kurum",
    3: "Eğitim",
    4: "Boş zaman ve buluşma",
    5: "Günlük yaşamda yardım",
}

CONTACTS = {
    "mz": ("İlk danışma ekibi", "İlk danışma ve durum analizi"),
    "abh": ("Yabancılar Dairesi servis hattı", "Randevular ve genel sorular"),
    "iq": ("IQ denklik danışmanlığı", "Yurt dışında alınan meslek ve üniversite diplomalarının denkliği"),
}

PAGES = {
    "ankommen": ("varis", "Osnabrück ilçesine varış", """
<p>Osnabrück ilçesine (Landkreis Osnabrück) hoş geldiniz! Burada varışınızdan sonraki ilk adımları bulabilirsiniz.</p>
<p>Başlangıçta birçok randevu ve form vardır. Bu normaldir. Adım adım ilerleyin:</p>
<ul>
<li><strong>İkametinizi kaydettirin</strong>: şehrinizin veya belediyenizin vatandaş bürosunda (Bürgerbüro).</li>
<li><strong>Oturum durumunuzu netleştirin</strong>: Yabancılar Dairesi'nde (Ausländerbehörde).</li>
<li><strong>Danışmanlık alın</strong>: Göç Merkezi'nde. Danışmanlık ücretsizdir.</li>
</ul>
<p>Bir mektubu anlamıyor musunuz? Danışmanlığa getirin. Size yardım ederiz.</p>
"""),
    "anmeldung": ("adres-kaydi", "Vatandaş bürosunda adres kaydı", """
<p>Bir eve taşındığınızda iki hafta içinde adres kaydı yaptırmanız gerekir. Bunu şehrinizin veya belediyenizin vatandaş bürosunda (Bürgerbüro) yaparsınız.</p>
<h2>Neye ihtiyacınız var?</h2>
<ul>
<li>pasaportunuz veya kimlik kartınız ve sizinle birlikte taşınan herkesin pasaportu</li>
<li>ev sahibi onayı (Wohnungsgeberbestätigung): Bu belgeyi ev sahibinizden alırsınız.</li>
<li>varsa: evlilik cüzdanı ve çocukların doğum belgeleri</li>
</ul>
<h2>Ne alırsınız?</h2>
<p>Bir <strong>ikamet belgesi</strong> (Meldebescheinigung) alırsınız. İyi saklayın. Örneğin banka, sağlık sigortası ve Yabancılar Dairesi için buna ihtiyacınız olur.</p>
<p>Almanya'daki ilk kaydınızdan sonra Federal Merkezi Vergi Dairesi size <strong>vergi kimlik numaranızı</strong> posta ile gönderir. Çalıştığınızda bu numaraya ihtiyacınız olur.</p>
<h2>Bilmekte fayda var</h2>
<ul>
<li>Birçok vatandaş bürosu randevu ile çalışır. En iyisi önceden internetten veya telefonla randevu alın.</li>
<li>Taşındığınızda yeni adresinizde tekrar kayıt yaptırın.</li>
<li>Adınızı posta kutunuza yazın. Yoksa mektuplarınızı alamazsınız.</li>
</ul>
"""),
    "auslaenderbehoerde": ("yabancilar-dairesi", "Yabancılar Dairesi: oturum izni ve randevular", """
<p>Yabancılar Dairesi (Ausländerbehörde) Almanya'daki oturumunuzdan sorumludur. Örneğin oturum izinleri verir ve uzatır.</p>
<p>Osnabrück ilçesinin Yabancılar Dairesi ilçedeki tüm şehir ve belediyelerden sorumludur. Daireyi ilçe binasında (Kreishaus) bulursunuz: Am Schölerberg 1, 49082 Osnabrück.</p>
<h2>Randevular</h2>
<p>Yabancılar Dairesi sadece randevu ile çalışır. Lütfen gelmeden önce randevu alın. Bir randevuya gelemeyecekseniz lütfen iptal edin.</p>
<h2>Oturum iznini uzatmak</h2>
<p>Oturum izninizin bitiş tarihine düzenli olarak bakın. Uzatmayı <strong>süre dolmadan zamanında</strong>, en iyisi 6 ila 8 hafta önce başvurun. Zamanında başvurursanız karar verilene kadar genellikle bir <strong>geçici oturum belgesi</strong> (Fiktionsbescheinigung) alırsınız. Bu belge oturumunuzun devam ettiğini gösterir.</p>
<h2>Yanınızda ne getirmelisiniz?</h2>
<ul>
<li>pasaport ve geçerli oturum izni</li>
<li>güncel biyometrik vesikalık fotoğraf</li>
<li>ikamet belgesi ve kira sözleşmesi</li>
<li>gelirinizi gösteren belgeler, örneğin maaş bordroları veya Jobcenter kararı</li>
<li>sağlık sigortası belgesi</li>
</ul>
<p>Tam olarak hangi belgelere ihtiyacınız olduğu davet mektubunuzda yazar. Emin değilseniz sorun.</p>
"""),
    "migrationszentrum": ("goc-merkezi", "Göç Merkezi: danışmanlık ve durum analizi", """
<p>Osnabrück İlçesi Göç Merkezi ilk başvuru yerinizdir. Size ücretsiz ve gizli danışmanlık veriyoruz.</p>
<p>Almanca ve İngilizce konuşuyoruz. Diğer diller için tercüman ayarlıyoruz.</p>
<h2>Durum analizi: Neredesiniz?</h2>
<p>İlk randevuda durumunuz hakkında sakin bir şekilde konuşuyoruz: oturum, dil, okul ve meslek, aile, sağlık ve konut. Birlikte neleri zaten yapabildiğinize ve nelere ihtiyacınız olduğuna bakıyoruz.</p>
<p>Sonra birlikte sonraki adımları içeren bir plan yapıyoruz, örneğin uyum kursu, meslek diplomanızın denkliği veya kreş yeri. Sonraki randevularda neyin işe yaradığına ve neyin eksik olduğuna bakıyoruz.</p>
<h2>Nasıl randevu alırsınız?</h2>
<ul>
<li>Telefon: 0541 501-3100</li>
<li>E-posta: migrationszentrum@ankommen.example</li>
<li>Randevusuz açık görüşme saatleri: salı ve perşembe, saat 9 ile 12 arası</li>
</ul>
<p>Adres: Migrationszentrum Landkreis Osnabrück, Am Schölerberg 1, 49082 Osnabrück.</p>
"""),
    "deutsch": ("almanca-ogrenmek", "Almanca öğrenmek", """
<p>Almanca size günlük hayatta, işte ve komşularınızla iletişimde yardımcı olur. Birçok kurs var. Burada size uygun kursu bulabilirsiniz.</p>
<ul>
<li><strong>Uyum kursu</strong>: yetişkinler için en önemli kurs, başlangıçtan B1 seviyesine kadar.</li>
<li><strong>Okuma yazma kursu</strong>: iyi okuyup yazamayan veya Latin alfabesini henüz bilmeyen kişiler için.</li>
<li><strong>Mesleki dil kursları</strong>: iş için Almanca, genellikle uyum kursundan sonra.</li>
</ul>
<p>Ayrıca dil kafelerinde pratik yapabilirsiniz. Orada gönüllülerle konuşursunuz. Katılım ücretsizdir.</p>
<p>Yakınınızdaki kursları BAMF-NAVI ile bulabilirsiniz: <a href="https://bamf-navi.bamf.de">bamf-navi.bamf.de</a>.</p>
"""),
    "integrationskurs": ("uyum-kursu", "Uyum kursu: nasıl işler?", """
<p>Uyum kursunda Almanca öğrenirsiniz ve Almanya'daki yaşam hakkında çok şey öğrenirsiniz. Federal Göç ve Mülteciler Dairesi (BAMF) kursları düzenler ve öder. Yerel olarak halk eğitim merkezleri (Volkshochschule) ve dil okulları gibi kurs kurumları dersleri verir.</p>
<h2>Yapısı</h2>
<ul>
<li><strong>Dil kursu</strong>: 600 ders saati. Günlük hayat için Almanca öğrenirsiniz, örneğin doktorda, alışverişte veya resmî dairelerde.</li>
<li><strong>Oryantasyon kursu</strong>: 100 ders saati. Almanya'nın tarihi, siyaseti, hakları ve değerleri hakkında bilgi edinirsiniz.</li>
</ul>
<p>Bir ders saati 45 dakika sürer. Tam zamanlı ve yarı zamanlı kurslar vardır. Sonunda iki sınava girersiniz: „Göçmenler için Almanca Testi“ (Deutsch-Test für Zuwanderer, A2 ile B1 seviyesi) ve „Almanya'da Yaşam“ (Leben in Deutschland) testi.</p>
<h2>Kursa nasıl katılırsınız?</h2>
<ul>
<li>Yabancılar Dairesi'nden veya Jobcenter'dan bir <strong>katılım hakkı belgesi</strong> (Berechtigungsschein) veya <strong>katılım yükümlülüğü</strong> aldınız. Bununla bir kurs kurumuna gidersiniz.</li>
<li>Belgeniz yok mu? O zaman BAMF'a <strong>kabul başvurusu</strong> yapabilirsiniz. Göç Merkezi başvuruda size yardım eder.</li>
<li>Kurs kurumunda ücretsiz bir <strong>seviye tespit sınavı</strong> yaparsınız. Böylece hangi seviyeden başlayacağınız belli olur.</li>
</ul>
<h2>Masraflar</h2>
<p>Her ders saati için bir katkı payı ödersiniz. Gerisini devlet öder. <strong>Vatandaşlık parası (Bürgergeld) veya sosyal yardım</strong> alıyorsanız masraflardan muaf tutulabilirsiniz. Başvuruyu kurs başlamadan önce BAMF'a yapın. Masraflardan muafsanız belirli koşullarda yol masrafları için de destek alabilirsiniz.</p>
<h2>Ebeveynler için kurslar</h2>
<p>Küçük çocuklarınız mı var? <strong>Ebeveynler ve kadınlar için uyum kursları</strong> vardır. Bunlar genellikle çocuklar kreşte veya okuldayken sabahları yapılır. Bazı kurs kurumları kurs sırasında çocuk bakımı sunar. Kayıt olurken sorun. Ayrıca çocuğunuzu erkenden bir kreş yeri için kaydettirin.</p>
"""),
    "alphabetisierung": ("okuma-yazma-kursu", "Okuma yazma kursu", """
<p>Henüz iyi okuyup yazamıyor musunuz? Veya sadece başka bir yazıyı, örneğin Arap alfabesini mi biliyorsunuz? O zaman okuma yazma eğitimli uyum kursu sizin için doğru kurstur.</p>
<p>Bu kursta yavaş yavaş ve adım adım öğrenirsiniz: önce harfleri, sonra kelimeleri ve cümleleri. Kurs genel uyum kursundan daha fazla ders saatine sahiptir ve gruplar daha küçüktür.</p>
<p>Utanmanıza gerek yok. Almanya'da birçok yetişkin okuma yazma öğreniyor. Bu konuda yalnız değilsiniz.</p>
<h2>Nasıl kayıt olursunuz?</h2>
<p>Kursa uyum kursundaki gibi katılırsınız: katılım hakkı belgesi, katılım yükümlülüğü veya BAMF'a başvuru ile. Seviye tespit sınavında kurs kurumu okuma yazma kursunun size uygun olup olmadığını görür. Masraflar için uyum kursundaki kurallar geçerlidir.</p>
"""),
    "berufssprachkurse": ("mesleki-dil-kurslari", "Mesleki dil kursları: iş için Almanca", """
<p>Mesleki dil kursları iş için Almanca öğrenmenize yardımcı olur. Örneğin e-posta yazmayı, telefonda konuşmayı ve mesleğinizin terimlerini çalışırsınız.</p>
<ul>
<li>B1, B2 ve C1 seviyeleri için kurslar vardır.</li>
<li>Özel kurslar vardır, örneğin sağlık meslekleri veya zanaat ve teknik için.</li>
<li>Kurslar tam zamanlı ve yarı zamanlı sunulur. Birçok kişi kursu çalışırken yapar.</li>
</ul>
<p>Genellikle daha önce bir uyum kursunu bitirmiş olursunuz veya biraz Almanca konuşursunuz.</p>
<h2>Kayıt ve masraflar</h2>
<p>Jobcenter'a veya İş Ajansı'na kayıtlıysanız oradaki danışmanınızla konuşun. Size bir katılım hakkı verilir ve kurs sizin için ücretsizdir.</p>
<p>Çalışıyorsanız doğrudan BAMF'a kayıt olabilirsiniz. Katkı payı ödeyip ödemeyeceğiniz gelirinize bağlıdır.</p>
"""),
    "arbeit": ("is", "İş ve denklik", """
<p>Çalışmak veya mesleki eğitim almak mı istiyorsunuz? Burada ilk bilgileri bulabilirsiniz.</p>
<p>Önemli: Önce oturum izninize veya oturma müsaadenize (Aufenthaltsgestattung) bakın. Orada çalışmanıza izin olup olmadığı yazar. Orada Yabancılar Dairesi'nin iznine ihtiyacınız olduğu yazıyorsa, bir işe başlamadan önce oraya sorun.</p>
<ul>
<li>Yurt dışında bir meslek mi öğrendiniz veya üniversite mi okudunuz? Diplomanızın denkliğini aldırın.</li>
<li>İş mi arıyorsunuz? Jobcenter veya İş Ajansı size yardım eder.</li>
</ul>
<p>Sadece iş sözleşmesi ve resmî kayıt ile çalışın. Ancak o zaman sigortalı olursunuz ve çalışan olarak haklarınız olur. Almanya'da yasal asgari ücret vardır.</p>
"""),
    "anerkennung": ("denklik", "Yurt dışı diplomaların denkliği", """
<p>Yurt dışında mesleki eğitim mi aldınız veya üniversite mi okudunuz? O zaman diplomanızı Almanya'da inceletebilirsiniz. Buna denklik (Anerkennung) denir.</p>
<h2>Denkliğe ihtiyacınız var mı?</h2>
<ul>
<li>Bazı meslekler için denklik <strong>zorunludur</strong>. Bunlar düzenlenmiş mesleklerdir, örneğin doktor, hemşire, öğretmen veya okul öncesi eğitmeni.</li>
<li>Diğer meslekler için denklik <strong>zorunlu değildir</strong>. Ama iş başvurusunda yardımcı olur, çünkü işverenler diplomanızı daha iyi anlar.</li>
<li>Düzenlenmiş bir mesleğe yol açmayan bir üniversite diploması için Yabancı Eğitim Merkez Ofisi'nden (ZAB) bir <strong>diploma değerlendirmesi</strong> (Zeugnisbewertung) isteyebilirsiniz.</li>
</ul>
<h2>Nasıl ilerlersiniz?</h2>
<ul>
<li>Denklik bulucusu ile mesleğiniz için hangi kurumun yetkili olduğunu öğrenin: <a href="https://www.anerkennung-in-deutschland.de">anerkennung-in-deutschland.de</a>.</li>
<li>Ücretsiz danışmanlık alın. <strong>IQ Ağı</strong> denklik danışmanlığı sunar, Göç Merkezi'nde randevularla da: <a href="https://www.netzwerk-iq.de">netzwerk-iq.de</a>.</li>
<li>Diplomalarınızı, belgelerinizi ve iş deneyimi belgelerinizi toplayın. Çoğu zaman onaylı kopyalara ve tercümelere ihtiyacınız olur.</li>
</ul>
<p>İşlem ücretlidir. Vatandaşlık parası alıyorsanız veya işsiz olarak kayıtlıysanız, Jobcenter'a veya İş Ajansı'na masrafları karşılayıp karşılamadıklarını sorun.</p>
<p>„Almanya'da Çalışmak ve Yaşamak“ yardım hattı da Almanca ve İngilizce soruları yanıtlar: 030 1815-1111.</p>
"""),
    "jobcenter": ("jobcenter-is-ajansi", "Jobcenter ve İş Ajansı", """
<p>İş ararken size iki kurum yardım eder: Jobcenter ve İş Ajansı (Agentur für Arbeit). Hangisinin sizden sorumlu olduğu durumunuza bağlıdır.</p>
<h2>Jobcenter</h2>
<p><strong>Vatandaşlık parası (Bürgergeld)</strong> alıyorsanız Jobcenter sorumludur. Osnabrück ilçesinde Jobcenter'ın adı <strong>MaßArbeit</strong>'tir. Jobcenter geçim ve konut için para öder. Ayrıca iş, mesleki eğitim ve dil kursu bulmanıza yardım eder.</p>
<h2>İş Ajansı</h2>
<p>Vatandaşlık parası almıyorsanız İş Ajansı sorumludur, örneğin Almanya'da daha önce çalıştıysanız ve işsizlik parası alıyorsanız. İş Ajansı'nın meslek danışmanlığı mesleki eğitim ve meslek sorularında herkese yardım eder.</p>
<h2>Önemli kurallar</h2>
<ul>
<li>İş sözleşmeniz mi bitiyor? En geç 3 ay önce İş Ajansı'na iş arayan olarak kaydolun. Daha geç öğrenirseniz 3 gün içinde kaydolun.</li>
<li>Her randevuya gidin. Hastaysanız rapor gönderin.</li>
<li>Jobcenter'dan gelen mektupları hemen açın. Çoğu zaman bir süre vardır.</li>
</ul>
<p>Daha fazla bilgi: <a href="https://www.arbeitsagentur.de">arbeitsagentur.de</a></p>
"""),
    "gesundheit": ("saglik", "Sağlık", """
<p>Burada Almanya'da nasıl doktora gideceğinizi ve acil durumda ne yapacağınızı öğrenirsiniz.</p>
<ul>
<li><strong>Sağlık sigortası ve doktora gitmek</strong>: Kim öder? Nasıl doktor bulurum?</li>
<li><strong>Acil durum</strong>: Hangi numarayı ararım?</li>
</ul>
<p>Hayati tehlike varsa hemen <strong>112</strong>'yi arayın. Arama ücretsizdir.</p>
"""),
    "krankenversicherung": ("saglik-sigortasi", "Sağlık sigortası ve doktora gitmek", """
<p>Almanya'da herkesin sağlık sigortası olmak zorundadır. Sağlık sigortası doktor ziyaretlerini, hastaneyi ve birçok ilacı öder.</p>
<h2>Nasıl sigortalısınız?</h2>
<ul>
<li>Çalışıyorsanız işvereniniz sizi bir sağlık sigortası kurumuna (Krankenkasse) kaydeder. Sigorta kurumunu kendiniz seçebilirsiniz.</li>
<li>Vatandaşlık parası alıyorsanız genellikle Jobcenter üzerinden sigortalısınız.</li>
<li>Sığınmacılara Yardım Yasası kapsamında yardım alıyorsanız, nasıl doktora gidebileceğinizi sosyal yardım dairesine sorun.</li>
</ul>
<p>Sigorta kurumunuzdan bir <strong>sağlık kartı</strong> (Gesundheitskarte) alırsınız. Her doktor ziyaretinde yanınıza alın.</p>
<h2>Doktora gitmek</h2>
<ul>
<li>Bir <strong>aile hekimi</strong> (Hausärztin veya Hausarzt) bulun. Hastalandığınızda önce oraya gidersiniz.</li>
<li>Önceden arayın ve randevu alın.</li>
<li>Çocuklar için çocuk doktorları vardır. Çocuğunuzla düzenli kontrollere (U-Untersuchungen) gidin.</li>
</ul>
<p>Henüz iyi Almanca konuşamıyor musunuz? Randevu alırken dilinizi konuşan biri olup olmadığını sorun. Sizin için tercümanlık yapan birini de yanınızda getirebilirsiniz.</p>
<p>Randevu bulmak için 116117 numarasından veya <a href="https://www.116117.de">116117.de</a> adresinden yardım alabilirsiniz.</p>
"""),
    "notfall": ("acil-durum", "Acil durum: önemli telefon numaraları", """
<p>Acil durumda her dakika önemlidir. Bu numaraları ücretsiz arayabilirsiniz.</p>
<ul>
<li><strong>112</strong>: itfaiye ve ambulans. Yangında, ağır bir kazada veya bir insanın hayatı tehlikedeyse arayın.</li>
<li><strong>110</strong>: polis. Tehdit edildiğinizde veya bir suç gördüğünüzde arayın.</li>
<li><strong>116117</strong>: nöbetçi doktor hizmeti. Gece, hafta sonu veya resmî tatilde hastaysanız ve bir sonraki iş gününü bekleyemiyorsanız arayın.</li>
<li><strong>0551 19240</strong>: Kuzey Zehir Danışma Merkezi, biri zehirli bir şey yediyse veya içtiyse.</li>
</ul>
<h2>Telefonda nasıl konuşulur?</h2>
<p>Sakin bir şekilde söyleyin: Nerede oldu? Ne oldu? Kaç kişi yaralı? Sonra soruları bekleyin. Telefonu kendiniz kapatmayın.</p>
<h2>Zor durumlarda yardım</h2>
<ul>
<li>„Kadına Yönelik Şiddet“ yardım hattı: <strong>116 016</strong>, gece gündüz, birçok dilde.</li>
<li>TelefonSeelsorge (kriz hattı): <strong>0800 111 0 111</strong>, gece gündüz, isimsiz.</li>
</ul>
"""),
    "kinder": ("cocuklar-okul", "Çocuklar ve okul", """
<p>Çocuklar kreşte ve okulda Almanca öğrenir ve arkadaş edinir. Burada nasıl kreş yeri bulacağınızı ve çocuğunuzu okula nasıl kaydettireceğinizi öğrenirsiniz.</p>
<ul>
<li><strong>Kreş (Kita)</strong>: 1 yaşından okula başlayana kadar çocuklar için.</li>
<li><strong>Okul</strong>: Almanya'da bütün çocuklar okula gitmek zorundadır.</li>
</ul>
<p>Çocuk eğitimi hakkında sorularınız mı var veya ailede yardıma mı ihtiyacınız var? Gençlik Dairesi (Jugendamt) ve aile merkezleri size ücretsiz danışmanlık verir.</p>
"""),
    "kita": ("kres", "Kreş yeri bulmak", """
<p>Almanya'da 1 yaşından itibaren her çocuğun kreşte (Kita) veya bir gündüz bakıcısında yer hakkı vardır. 3 yaşından küçük çocuklar bebek kreşine (Krippe), daha büyük çocuklar anaokuluna (Kindergarten) gider.</p>
<h2>Kayıt</h2>
<ul>
<li>Çocuğunuzu mümkün olduğunca erken kaydettirin. Birçok kreş yeni çocukları özellikle 1 Ağustos'ta alır. Kayıt çoğu zaman ondan önceki kış yapılır.</li>
<li>Kayıt şehriniz veya belediyeniz üzerinden yapılır. Sizin yerinizde nasıl işlediğini belediye binasında sorun.</li>
<li>Kreş için çocuğunuzun kızamık aşısı belgesine ihtiyacınız var.</li>
</ul>
<h2>Masraflar</h2>
<p>Aşağı Saksonya'da anaokulu 3 yaşından okula başlayana kadar günde 8 saate kadar ücretsizdir. 3 yaşından küçük çocuklar için ücret olabilir. Az paranız varsa yardım için başvurabilirsiniz. Öğle yemeği çoğu zaman ayrıca ücretlidir. Eğitim paketi (Bildung und Teilhabe) ile ödenebilir.</p>
<p>Yer bulamıyor musunuz? Göç Merkezi ve Gençlik Dairesi size yardım eder.</p>
"""),
    "schule": ("okul", "Çocuğunuzu okula kaydettirmek", """
<p>Almanya'da okul zorunludur. Almanya'ya yeni gelmiş olsalar bile bütün çocuklar ve gençler okula gitmek zorundadır. Devlet okulları okul ücreti almaz.</p>
<h2>İlkokul</h2>
<p>Çocuklar yaklaşık 6 yaşında ilkokula (Grundschule) başlar. Aşağı Saksonya'da ilkokul 4 yıl sürer. Çocuğunuzu oturduğunuz bölgedeki ilkokula kaydettirirsiniz. Hangi okulun yetkili olduğunu şehriniz veya belediyeniz söyler.</p>
<h2>5. sınıftan itibaren</h2>
<p>Sonrasında farklı okul türleri vardır, örneğin Oberschule, Realschule, Gesamtschule ve Gymnasium. Okul, çocuğunuza hangi okul türünün uygun olduğu konusunda size danışmanlık verir.</p>
<h2>Almanya'da yeni</h2>
<p>Birçok okulda <strong>dil öğrenme sınıfları</strong> (Sprachlernklassen) veya ek Almanca dersleri vardır. Orada çocuklar önce Almanca öğrenir, sonra adım adım normal sınıfa geçer. Yaklaşık 16 yaşından itibaren gençler bir meslek okulunda (Berufsbildende Schule, BBS) Almanca öğrenebilir ve okul diploması alabilir.</p>
<p>Kayıt için getirin: çocuğun pasaportu veya kimliği, ikamet belgesi, varsa ülkenizden karneler ve kızamık aşısı belgesi.</p>
"""),
    "beratung": ("danismanlik", "Danışmanlık", """
<p>Sorularınız veya sorunlarınız mı var? Osnabrück ilçesinde birçok ücretsiz danışma merkezi vardır. Danışmanlık gizlidir: danışmanlar hiçbir şeyi başkasına anlatmaz.</p>
<ul>
<li><strong>Yetişkinler için göç danışmanlığı (MBE)</strong>: 27 yaş ve üzeri kişiler için.</li>
<li><strong>Gençlik göç hizmeti (JMD)</strong>: 12 ile 27 yaş arası gençler için.</li>
<li><strong>Mülteci danışmanlığı</strong>: mülteciler ve sığınmacılar için.</li>
</ul>
<p>Nereye gideceğinizi bilmiyor musunuz? Göç Merkezi'ne sorun. Size doğru yeri gösteririz.</p>
"""),
    "mbe": ("goc-danismanligi", "Yetişkinler için göç danışmanlığı (MBE)", """
<p>Yetişkin göçmenler için göç danışmanlığı (MBE) 27 yaş ve üzeri kişiler içindir. Özellikle Almanya'daki ilk yıllarda yardımcı olur. Danışmanlık ücretsizdir.</p>
<h2>MBE'nin yardım ettiği konular</h2>
<ul>
<li>Almanca kursları ve uyum kursu</li>
<li>iş, denklik ve mesleki eğitim</li>
<li>konut, resmî dairelerden gelen mektuplar ve başvurular</li>
<li>aile, sağlık ve para</li>
</ul>
<p>MBE, örneğin Caritas, Diakonie, AWO veya Alman Kızılhaçı (DRK) gibi sosyal yardım kuruluşları tarafından sunulur. İlçede görüşme saatlerini nerede bulacağınızı Göç Merkezi söyler.</p>
<p>Birçok dilde internet üzerinden de danışmanlık alabilirsiniz: <a href="https://www.mbeon.de">mbeon.de</a>.</p>
"""),
    "jmd": ("genclik-goc-hizmeti", "Gençlik göç hizmeti (JMD)", """
<p>Gençlik göç hizmeti (Jugendmigrationsdienst, JMD) 12 ile 27 yaş arası göç geçmişine sahip gençlere danışmanlık verir. Danışmanlık ücretsiz ve gönüllüdür.</p>
<h2>JMD'nin yardım ettiği konular</h2>
<ul>
<li>okul, okul diploması ve Almanca kursları</li>
<li>mesleki eğitim, üniversite ve meslek</li>
<li>ailede veya resmî dairelerle sorunlar</li>
<li>boş zaman, spor ve yeni tanışıklıklar</li>
</ul>
<p>İsterseniz danışmanlar size uzun süre eşlik eder. Ailenizi de getirebilirsiniz.</p>
<p>Daha fazla bilgi: <a href="https://www.jugendmigrationsdienste.de">jugendmigrationsdienste.de</a></p>
"""),
    "fluechtlingsberatung": ("multeci-danismanligi", "Mülteci danışmanlığı", """
<p>Almanya'ya mülteci olarak mı geldiniz? Mülteci danışmanlığı size sığınma süreci, barınma ve günlük hayat hakkındaki sorularınızda yardım eder.</p>
<h2>Mülteci danışmanlığının yardım ettiği konular</h2>
<ul>
<li>sığınma sürecinin işleyişi ve BAMF'taki mülakata hazırlık</li>
<li>BAMF'tan, Yabancılar Dairesi'nden veya sosyal yardım dairesinden gelen mektupları anlamak</li>
<li>aile birleşimi, taşınma ve iş</li>
</ul>
<p><strong>Sürelere dikkat:</strong> BAMF kararına karşı sadece kısa bir süre içinde dava açabilirsiniz. Bir karar aldığınızda hemen danışmanlığa gidin.</p>
<p>Danışmanlık ücretsiz ve gizlidir. Aşağı Saksonya Mülteci Konseyi (Flüchtlingsrat Niedersachsen) de hukuki konularda bilgi verir: <a href="https://www.nds-fluerat.org">nds-fluerat.org</a>.</p>
"""),
    # --- Bramsche -------------------------------------------------------------
    "bsm_willkommen": ("hos-geldiniz", "Bramsche'ye hoş geldiniz", """
<p>Bramsche'de olmanıza sevindik! Bramsche, Osnabrück ilçesinin kuzeyinde yaklaşık 31.000 nüfuslu bir şehirdir.</p>
<h2>Belediye binası ve vatandaş bürosu</h2>
<p>Vatandaş bürosunda adres kaydınızı yaptırır, belge başvurusunda bulunur ve bilgi alırsınız.</p>
<p><strong>Bürgerbüro Bramsche</strong>, Hasestraße 11, 49565 Bramsche</p>
<ul>
<li>Pazartesi, salı, çarşamba ve cuma: saat 8 ile 12 arası</li>
<li>Perşembe: saat 8 ile 12 ve 14 ile 18 arası</li>
<li>Telefon: 05461 83-0</li>
</ul>
<p>Lütfen mümkünse önceden randevu alın.</p>
<p>Hesepe semtinde Aşağı Saksonya Eyalet Kabul Dairesi'nin (Landesaufnahmebehörde) bir şubesi vardır. Birçok mülteci ilk haftalarında orada kalır.</p>
<p>Tüm ilçe için bilgileri, örneğin uyum kursları, iş ve sağlık hakkında, <a href="{page:ankommen}">Osnabrück ilçesinin</a> sayfalarında bulabilirsiniz.</p>
"""),
    "bsm_ehrenamt": ("gonulluluk-dil-kafesi", "Gönüllülük ve dil kafesi", """
<p>Bramsche'de birçok kişi yeni gelenler için gönüllü çalışıyor. Almanca öğrenmede, mektuplarda ve günlük hayatta yardım ediyorlar.</p>
<h2>Dil kafesi</h2>
<p>Her çarşamba saat 16 ile 18 arası birçok ülkeden insan Bramsche Aile Merkezi'nde (Familienzentrum) buluşuyor. Almanca konuşuyor, çay içiyor ve birbirlerini tanıyorlar. Kayıt gerekmez ve ücretsizdir. Çocuklar da gelebilir.</p>
<h2>Uyum rehberleri</h2>
<p>Uyum rehberleri (Integrationslotsen) eğitim almış gönüllülerdir. Örneğin resmî dairelerdeki randevulara sizinle gelir veya size şehri gösterirler. Her ayın ilk salı günü saat 10 ile 12 arası belediye binasında görüşme saatleri vardır.</p>
<h2>Siz de katılın</h2>
<p>Siz de yardım etmek ister misiniz, örneğin kendi dilinizde tercüman olarak? Dil kafesinde bizimle konuşun. Gönüllülük Almanca pratiği için de iyi bir fırsattır.</p>
"""),
    "bsm_kita": ("kres-okul", "Bramsche'de kreş ve okul", """
<p>Bramsche'de birçok kreş, ilkokul ve ortaokul vardır. Burada çocuğunuzu nereye kaydettireceğinizi öğrenirsiniz.</p>
<ul>
<li><strong>Kreş</strong>: Kayıt Bramsche belediyesi üzerinden yapılır. Formu belediye binasından alırsınız. Çocuğunuzu mümkünse ocak sonuna kadar kaydettirin. O zaman ağustostan itibaren yer bulma şansı en yüksektir.</li>
<li><strong>İlkokul</strong>: Çocuğunuz oturduğunuz bölgedeki ilkokula gider. Hangi okul olduğunu vatandaş bürosunda öğrenirsiniz.</li>
<li><strong>Ortaöğretim okulları</strong>: Bramsche'de ve çevresinde farklı okul türleri vardır. İlkokul 4. sınıfta size danışmanlık verir.</li>
</ul>
<p>Aile Merkezi'nde ödev yardımı ve öğrenme mentorları vardır. Orada sorun.</p>
<p>Kreş ve okul hakkında genel bilgileri <a href="{page:kinder}">Osnabrück ilçesinin</a> sayfalarında bulabilirsiniz.</p>
"""),
    # --- Melle ----------------------------------------------------------------
    "mel_willkommen": ("hos-geldiniz", "Melle'ye hoş geldiniz", """
<p>Melle'ye hoş geldiniz! Yaklaşık 47.000 nüfusuyla Melle, Osnabrück ilçesinin en büyük şehridir. Şehrin birkaç semti vardır, örneğin Melle-Mitte, Buer, Gesmold ve Neuenkirchen.</p>
<h2>Vatandaş bürosu</h2>
<p><strong>Bürgerbüro Melle</strong>, Markt 22, 49324 Melle</p>
<ul>
<li>Pazartesi-cuma: saat 8 ile 12:30 arası</li>
<li>Salı ayrıca: saat 14 ile 16 arası</li>
<li>Perşembe ayrıca: saat 14 ile 18 arası</li>
<li>Telefon: 05422 965-0</li>
</ul>
<p>Birçok iş için randevuya ihtiyacınız var. Randevuyu internetten veya telefonla alabilirsiniz.</p>
<h2>Melle'de ulaşım</h2>
<p>Otobüsler semtleri Melle-Mitte'ye bağlar. Trenle Melle istasyonundan Osnabrück'e yaklaşık 20 dakikada gidersiniz.</p>
<p>Tüm ilçe için bilgileri <a href="{page:ankommen}">Osnabrück ilçesinin</a> sayfalarında bulabilirsiniz.</p>
"""),
    "mel_begegnung": ("bulusma", "Almanca pratik yapmak ve insanlarla tanışmak", """
<p>Konuşmak öğrenmeye yardımcı olur. Melle'de Almanca pratik yapabileceğiniz ve yeni insanlarla tanışabileceğiniz birkaç etkinlik vardır.</p>
<ul>
<li><strong>Dil kafesi</strong>: her cuma saat 15 ile 17 arası Melle-Mitte Mahalle Merkezi'nde. Kayıtsız ve ücretsiz.</li>
<li><strong>Uluslararası kadın kahvaltısı</strong>: her ayın ikinci cumartesi günü saat 10 ile 12 arası. Her ülkeden kadınlar birlikte kahvaltı yapar. Küçük çocuklar da gelebilir.</li>
<li><strong>İş başvurusu eğitimi</strong>: gönüllüler özgeçmişinizde yardım eder ve sizinle iş görüşmesi alıştırması yapar.</li>
</ul>
<p>Sonraki tarihleri etkinlikler bölümünde bulabilirsiniz.</p>
"""),
    "mel_alltag": ("destek", "Günlük hayatta destek", """
<p>Bazen para yetmez veya mektuplarda ve başvurularda yardıma ihtiyacınız olur. Melle'de destek alabilirsiniz.</p>
<h2>Gıda bankası (Tafel)</h2>
<p>Tafel'de az parası olan insanlar küçük bir ücret karşılığında gıda alır. Bir belgeye ihtiyacınız var, örneğin Jobcenter'ın veya sosyal yardım dairesinin kararı. Sonra bir Tafel kartı alırsınız.</p>
<h2>Göç danışmanlığı</h2>
<p>Melle'deki göç danışmanlığı başvurularda, resmî dairelerden gelen mektuplarda, ev aramada ve oturumla ilgili sorularda yardım eder. Açık görüşme saati salı günü saat 9 ile 12 arasıdır.</p>
<h2>Giysi ve mobilya</h2>
<p>İkinci el giysi ve mobilyayı giysi bağış merkezlerinde ve sosyal mağazalarda ucuza bulabilirsiniz. Adresleri danışmanlıkta sorun.</p>
"""),
    # --- Quakenbrück ----------------------------------------------------------
    "qbr_willkommen": ("hos-geldiniz", "Quakenbrück'e hoş geldiniz", """
<p>Quakenbrück'e hoş geldiniz! Şehir Osnabrück ilçesinin kuzeyinde yer alır ve yaklaşık 14.000 nüfusa sahiptir. Burada birçok ülkeden insan yaşıyor.</p>
<h2>Belediye binası ve vatandaş bürosu</h2>
<p>Belediye binasında Artland birlik belediyesinin (Samtgemeinde) yönetimi de bulunur. Bu yüzden vatandaş bürosu Badbergen, Menslage ve Nortrup için de yetkilidir.</p>
<p><strong>Bürgerbüro Quakenbrück</strong>, Markt 1, 49610 Quakenbrück</p>
<ul>
<li>Pazartesi-cuma: saat 8:30 ile 12 arası</li>
<li>Perşembe ayrıca: saat 14 ile 17:30 arası</li>
<li>Telefon: 05431 182-0</li>
</ul>
<p>Tüm ilçe için bilgileri <a href="{page:ankommen}">Osnabrück ilçesinin</a> sayfalarında bulabilirsiniz.</p>
"""),
    "qbr_kita": ("kres-okul", "Quakenbrück'te kreş ve okul", """
<p>Çocuklar başka çocuklarla oynayıp öğrendiklerinde Almancayı hızlı öğrenir. Bu yüzden çocuğunuzu kreşe ve okula erkenden kaydettirin.</p>
<ul>
<li><strong>Kreş</strong>: Kayıt hakkında bilgiyi belediye binasında alırsınız. Ocak ayında kreş kaydı hakkında bir bilgilendirme akşamı vardır.</li>
<li><strong>Okul</strong>: Çocuğunuz oturduğunuz bölgedeki ilkokula gider. Hangi okulun yetkili olduğunu belediye binasında öğrenirsiniz. Daha büyük çocuklar Quakenbrück'te veya çevresinde bir ortaöğretim okuluna gider.</li>
<li><strong>Ödev yardımı</strong>: pazartesi ve perşembe saat 15 ile 16:30 arası şehir kütüphanesinde, okul tatillerinde yoktur.</li>
</ul>
<p>Şubat ayında „Almanya'da okul“ konulu bir veli toplantısı vardır. Öğretmenler okulun nasıl işlediğini anlatır ve sorularınızı yanıtlar. Tercümanlar da orada olacak.</p>
"""),
    "qbr_begegnung": ("yardim-bulusma", "Yardım ve buluşma", """
<p>Quakenbrück'te danışmanlık, günlük hayatta yardım ve tanışma yerleri bulabilirsiniz.</p>
<ul>
<li><strong>Mülteci sosyal hizmeti</strong>: sığınma süreci, mektuplar ve günlük hayat hakkında danışmanlık. Görüşme saatleri pazartesi ve çarşamba.</li>
<li><strong>Tafel Quakenbrück</strong>: az parası olan insanlar için gıda. Dağıtım salı ve cuma günleri.</li>
<li><strong>Şehir kütüphanesi</strong>: Almanca öğrenmek için kitaplar, çocuklar için resimli kitaplar, ücretsiz internet (WLAN) ve sessiz çalışma yerleri.</li>
</ul>
<p>İnsanlarla tanışmak ister misiniz? Spor kulüplerinde, korolarda ve kilise cemaatlerinde yeni üyeler memnuniyetle karşılanır. Danışmanlıkta iletişim bilgilerini sorun.</p>
"""),
}

EVENTS = {
    "infoabend_ik": ("bilgilendirme-aksami-uyum-kurslari", "Bilgilendirme akşamı: ilçedeki uyum kursları", """
<p>Bir uyum kursuna katılmak istiyorsunuz ve sorularınız mı var? Bu akşam kursun nasıl işlediğini, nasıl kayıt olacağınızı ve ne kadar tuttuğunu anlatıyoruz.</p>
<ul>
<li>yapısı: dil kursu ve oryantasyon kursu</li>
<li>katılım hakkı belgesi, BAMF'a başvuru ve seviye tespit sınavı</li>
<li>masraflardan muafiyet ve yol masrafları</li>
<li>çocuk bakımlı kurslar</li>
</ul>
<p>İlçedeki kurs kurumları kurslarını tanıtır. Arapça, Farsça, Ukraynaca ve Rusça tercümanlar orada olacak. Kayıt gerekmez.</p>
"""),
    "online_anerkennung": ("online-gorusme-denklik", "Online görüşme saati: yurt dışı diplomaların denkliği", """
<p>Bu online görüşme saatinde IQ denklik danışmanlığının danışmanları, meslek ve üniversite diplomalarının denkliği hakkındaki sorularınızı yanıtlar.</p>
<p>Sadece internetli bir akıllı telefona veya bilgisayara ihtiyacınız var. Başlangıç saatinde video konferans bağlantısına tıklayın. Kameranızı kapalı bırakabilirsiniz.</p>
<p>Görüşme Almanca ve İngilizcedir. Sonrasında, tercüman eşliğinde de, kişisel bir danışma randevusu alabilirsiniz.</p>
"""),
    "jobmesse": ("is-fuari", "İş fuarı: Osnabrück bölgesinde iş ve mesleki eğitim", """
<p>İş fuarında Osnabrück ilçesinden firmalar kendilerini tanıtır. Örneğin bakım, zanaat, lojistik ve gastronomi alanlarında çalışan ve stajyer arıyorlar.</p>
<ul>
<li>İşverenlerle doğrudan konuşun.</li>
<li>Özgeçmişinizi kontrol ettirin.</li>
<li>Mesleki eğitim, denklik ve mesleki dil kursları hakkında bilgi alın.</li>
</ul>
<p>Özgeçmişinizin birkaç basılı kopyasını getirin. Giriş ücretsizdir.</p>
"""),
    "gesundheit_info": ("almanyada-saglikli", "Bilgilendirme etkinliği: Almanya'da sağlıklı yaşam", """
<p>Sağlık sigortası nasıl işler? Ne zaman aile hekimine, ne zaman hastaneye giderim? Gece hangi numarayı ararım?</p>
<p>Bir doktor ve bir sağlık sigortası çalışanı sağlık sistemini sade bir dille anlatır. Sonrasında soru sorabilirsiniz.</p>
<p>Arapça, Farsça, Türkçe ve Ukraynaca tercümanlar orada olacak. Katılım ücretsizdir.</p>
"""),
    "bsm_sprachcafe": ("dil-kafesi", "Bramsche dil kafesi", """
<p>Her çarşamba birçok ülkeden insan Bramsche Aile Merkezi'nde buluşuyor. Almanca konuşuyor, çay ve kahve içiyor ve birbirimizi tanıyoruz.</p>
<p>Almancanız ne kadar iyi olursa olsun herkes davetlidir. Gönüllüler Almanca kursunun ödevlerine de yardım eder. Katılım ücretsizdir, kayıt gerekmez. Çocuklar da gelebilir.</p>
"""),
    "bsm_lotsen": ("uyum-rehberleri-gorusme-saati", "Uyum rehberlerinin görüşme saati", """
<p>Her ayın ilk salı günü uyum rehberleri Bramsche belediye binasında sizin için orada.</p>
<p>Mektuplarda ve formlarda yardım eder, resmî dairelerdeki işlemleri anlatır ve isterseniz randevulara sizinle gelirler. Rehberler diğer dillerin yanı sıra Arapça, Kürtçe, Rusça ve Ukraynaca konuşur.</p>
<p>Görüşme saati zemin katta, 12 numaralı odadadır. Kayıt gerekmez.</p>
"""),
    "bsm_fest": ("kulturler-senligi", "Kültürler şenliği", """
<p>Kültürler şenliğinde Bramsche şehrin çeşitliliğini kutlar. Dernekler ve gruplar birçok ülkeden müzik, dans ve yemek sunar.</p>
<p>Çocuklar için bir program, danışma merkezlerinin stantları ve Aile Merkezi'nde ortak bir yemek vardır. Bir stant veya gösteri ile katılmak ister misiniz? Dil kafesinde bize haber verin.</p>
"""),
    "mel_sprachcafe": ("dil-kafesi", "Melle dil kafesi", """
<p>Her cuma saat 15 ile 17 arası Melle-Mitte Mahalle Merkezi'nde Almanca konuşma pratiği yapabilirsiniz.</p>
<p>Gönüllüler sizinle günlük hayat hakkında konuşur, sorularınızı yanıtlar ve mektuplarda yardım eder. Çay, kahve ve kek vardır. Katılım ücretsizdir ve kayıt gerekmez.</p>
"""),
    "mel_fruehstueck": ("kadin-kahvaltisi", "Uluslararası kadın kahvaltısı", """
<p>Her ayın ikinci cumartesi günü birçok ülkeden kadınlar birlikte kahvaltı yapar. Başka kadınlarla tanışır ve bu sırada Almanca pratik yaparsınız.</p>
<p>Bazen bir konu olur, örneğin sağlık, okul veya iş. Küçük çocuklar da gelebilir. İsterseniz yiyecek küçük bir şey getirin.</p>
"""),
    "mel_bewerbung": ("is-basvurusu-egitimi", "İş başvurusu eğitimi: özgeçmiş ve iş görüşmesi", """
<p>Almanya için nasıl özgeçmiş yazarım? Bir iş görüşmesinde ne olur?</p>
<p>Bu eğitimde Almanya'da bir iş başvurusunun nasıl göründüğünü öğrenir ve iş görüşmesi alıştırması yaparsınız. Varsa diplomalarınızı ve özgeçmişinizi, isterseniz bir USB bellekte de getirin.</p>
<p>Katılım ücretsizdir. Lütfen Melle göç danışmanlığına kayıt olun. 15 kişilik yer vardır.</p>
"""),
    "qbr_elternabend": ("veli-toplantisi-okul", "Veli toplantısı: Almanya'da okul", """
<p>Çocuğunuz Quakenbrück'te okula mı gidiyor veya yakında okula mı başlayacak? Bu akşam öğretmenler Aşağı Saksonya'da okulun nasıl işlediğini anlatıyor.</p>
<ul>
<li>okul zorunluluğu, karneler ve veli görüşme günleri</li>
<li>ilkokuldan sonra hangi okul?</li>
<li>dil öğrenme sınıfları ve ödev yardımı</li>
<li>çocuğum hasta olduğunda ne yapmalıyım?</li>
</ul>
<p>Arapça, Kürtçe, Rusça ve Bulgarca tercümanlar orada olacak. Kayıt gerekmez.</p>
"""),
    "qbr_hausaufgaben": ("odev-yardimi", "Okul çocukları için ödev yardımı", """
<p>Pazartesi ve perşembe günleri gönüllüler okul çocuklarına ödevlerinde yardım eder. Bu hizmet 1. sınıftan 7. sınıfa kadar çocuklar içindir.</p>
<p>Çocuklar okuldan sonra şehir kütüphanesine gelir. Yardım ücretsizdir. Okul tatillerinde yapılmaz. Lütfen çocuğunuzu bir kez kütüphanede kaydettirin.</p>
"""),
    "qbr_kita_info": ("bilgilendirme-aksami-kres", "Bilgilendirme akşamı: kreş kaydı", """
<p>Çocuğunuzu ağustostan itibaren bir kreşe kaydettirmek mi istiyorsunuz? Bu akşam kaydın nasıl yapıldığını öğrenirsiniz.</p>
<p>Bebek kreşi, anaokulu ve gündüz bakıcısı arasındaki farkı, masrafları ve süreleri anlatıyoruz. Kayıt formunu doldurmanıza yardım ediyoruz. Lütfen çocuğunuzun doğum belgesini veya pasaportunu getirin.</p>
"""),
}

PLACES = {
    "migrationszentrum": ("goc-merkezi", "Osnabrück İlçesi Göç Merkezi", """
<p>Göç Merkezi, Osnabrück ilçesine yeni gelenler için ilk başvuru yeridir. Oturum, dil, iş, aile ve konut konularında ücretsiz danışmanlık veriyoruz.</p>
<p>Randevusuz açık görüşme saatleri: salı ve perşembe saat 9 ile 12 arası. Diğer saatlerde lütfen randevu ile gelin. Sizin için tercüman ayarlıyoruz.</p>
"""),
    "auslaenderbehoerde": ("yabancilar-dairesi", "Osnabrück İlçesi Yabancılar Dairesi", """
<p>Yabancılar Dairesi oturum izinleri, uzatmalar, seyahat belgeleri ve çalışma izninden sorumludur.</p>
<p>Sadece randevu ile gelinir. Lütfen davet mektubunuzda yazan tüm belgeleri getirin.</p>
"""),
    "iq": ("iq-denklik-danismanligi", "IQ denklik danışmanlığı", """
<p>IQ denklik danışmanlığı, yurt dışında aldığınız meslek veya üniversite diplomanızın Almanya'da tanınması için size yardım eder. Danışmanlık ücretsizdir.</p>
<p>Hangi kurumun yetkili olduğunu, hangi belgelere ihtiyacınız olduğunu ve masrafları kimin karşılayabileceğini sizinle birlikte inceliyoruz. Randevu ile danışmanlık, telefon veya video ile de.</p>
"""),
    "jmd": ("genclik-goc-hizmeti", "Gençlik göç hizmeti, kuzey ilçe", """
<p>Gençlik göç hizmeti 12 ile 27 yaş arası gençlere okul, mesleki eğitim, meslek ve günlük hayat konularında danışmanlık verir. Danışmanlık ücretsiz ve gizlidir.</p>
<p>Açık görüşme saati çarşamba saat 14 ile 17 arası. Telefonla veya e-posta ile de randevu alabilirsiniz.</p>
"""),
    "bsm_rathaus": ("belediye-binasi", "Bramsche belediye binası ve vatandaş bürosu", """
<p>Vatandaş bürosunda adres kaydınızı yaptırır, kimlik ve belge başvurusunda bulunur ve bilgi alırsınız. Lütfen mümkünse önceden randevu alın.</p>
<p>Uyum rehberlerinin görüşme saati her ayın ilk salı günü saat 10 ile 12 arası zemin kattadır.</p>
"""),
    "bsm_familienzentrum": ("aile-merkezi", "Bramsche Aile Merkezi", """
<p>Aile Merkezi aileler için açık bir buluşma yeridir. Dil kafesi, anne-baba-çocuk grupları ve danışmanlık hizmetleri burada yapılır.</p>
<p>Dil kafesi: her çarşamba saat 16 ile 18 arası. Çocuklar için bir oyun köşesi vardır.</p>
"""),
    "bsm_tafel": ("gida-bankasi", "Bramsche gıda bankası (Tafel)", """
<p>Tafel az parası olan insanlara gıda verir. Bunun için küçük bir ücret ödersiniz.</p>
<p>İlk ziyaretinizde lütfen kimliğinizi ve gelirinizi gösteren bir belgeyi getirin, örneğin Jobcenter'ın veya sosyal yardım dairesinin kararı. Bir çanta getirin.</p>
"""),
    "bsm_beratung": ("goc-danismanligi", "Bramsche göç danışmanlığı", """
<p>Göç danışmanlığı yetişkinlere oturum, dil kursları, iş, konut ve resmî dairelerden gelen mektuplarla ilgili sorularda yardım eder. Danışmanlık ücretsiz ve gizlidir.</p>
<p>Açık görüşme saati pazartesi saat 9 ile 12 arası, diğer zamanlarda randevu ile.</p>
"""),
    "mel_buergerbuero": ("vatandas-burosu", "Melle vatandaş bürosu", """
<p>Melle belediye binasındaki vatandaş bürosunda adres kaydınızı yaptırır, belge başvurusunda bulunur ve bilgi alırsınız. Birçok iş için randevuya ihtiyacınız var.</p>
<p>Belediye binası Melle-Mitte'nin merkezinde, pazar meydanındadır.</p>
"""),
    "mel_stadtteilzentrum": ("mahalle-merkezi", "Melle-Mitte Mahalle Merkezi", """
<p>Mahalle merkezinde birçok ülkeden komşular buluşur. Dil kafesi ve uluslararası kadın kahvaltısı burada yapılır.</p>
<p>Mekân engelsizdir. Açılış saatlerinde uğrayıp soru sorabilirsiniz.</p>
"""),
    "mel_tafel": ("gida-bankasi", "Melle gıda bankası (Tafel)", """
<p>Tafel az parası olan insanlara gıda verir. Alışveriş için bir Tafel kartına ihtiyacınız var.</p>
<p>Kartı gelirinizi gösteren bir belge ile alırsınız, örneğin Jobcenter'ın veya sosyal yardım dairesinin kararı. Dağıtım salı ve cuma günleri yapılır.</p>
"""),
    "mel_beratung": ("goc-danismanligi", "Melle göç danışmanlığı", """
<p>Göç danışmanlığı başvurularda, resmî dairelerden gelen mektuplarda, ev aramada ve oturumla ilgili sorularda yardım eder. İş başvurusu eğitimine de burada kayıt olursunuz.</p>
<p>Açık görüşme saati salı saat 9 ile 12 arası, diğer zamanlarda randevu ile.</p>
"""),
    "qbr_rathaus": ("belediye-binasi", "Quakenbrück belediye binası", """
<p>Pazar meydanındaki belediye binasında Quakenbrück şehrinin ve Artland birlik belediyesinin vatandaş bürosunu bulursunuz. Burada adres kaydınızı yaptırır ve belge başvurusunda bulunursunuz.</p>
<p>Kreş kaydı hakkında bilgiyi de belediye binasında alırsınız. Veli toplantıları gibi etkinlikler meclis salonunda yapılır.</p>
"""),
    "qbr_bibliothek": ("sehir-kutuphanesi", "Quakenbrück şehir kütüphanesi", """
<p>Şehir kütüphanesinde kitap, dergi ve film ödünç alabilirsiniz. Almanca öğrenmek için kitaplar ve çocuklar için resimli kitaplar vardır.</p>
<p>Burada ücretsiz internet (WLAN) kullanabilir ve sakin bir şekilde çalışabilirsiniz. Pazartesi ve perşembe günleri okul çocukları için ödev yardımı vardır.</p>
"""),
    "qbr_tafel": ("gida-bankasi", "Quakenbrück gıda bankası (Tafel)", """
<p>Tafel az parası olan insanlara gıda verir. Bunun için küçük bir ücret ödersiniz.</p>
<p>Dağıtım salı ve cuma günleri yapılır. İlk ziyaretinizde lütfen kimliğinizi ve gelirinizi gösteren bir belgeyi getirin.</p>
"""),
    "qbr_fluechtlingssozialarbeit": ("multeci-sosyal-hizmeti", "Quakenbrück mülteci sosyal hizmeti", """
<p>Mülteci sosyal hizmeti mültecilere sığınma süreci, resmî dairelerden gelen mektuplar, konut ve günlük hayat konularında danışmanlık verir. Danışmanlık ücretsiz ve gizlidir.</p>
<p>Görüşme saatleri pazartesi ve çarşamba. BAMF'tan bir karar alırsanız lütfen hemen gelin, çünkü süreler kısadır.</p>
"""),
}
