"""Turkish (Türkçe) translation of the starting content in `integrationsrat/content.py`.

Same structure and order as the German source (see `__init__.py`). Nothing is
added: no dates, names, places or numbers that the German text does not have.
Form of address: polite "siz". "Integrationsrat" is rendered as "Uyum Meclisi".
"""

THEMEN = {
    "baumpflanz-aktion": {
        "titel": "Ağaç dikme etkinliği",
        "kurztext": "Aşırı sağcı şiddete karşı bir işaret olarak yapılan bir etkinlik – çeşitlilik, hoşgörü, saygı "
        "ve umut için.",
        "punkte": [
            "NRW Eyalet Uyum Meclisinin (Landesintegrationsrat NRW) kampanyasını örnek alarak",
            "Aşırı sağcı şiddetin kurbanları için bir işaret",
            "Çeşitlilik ve hoşgörü için birlikte",
            "Saygı ve umut için bir işaret",
        ],
    },
    "austausch-mit-migrantenorganisationen": {
        "titel": "Göçmen kuruluşlarıyla fikir alışverişi",
        "kurztext": "Beckum ve Neubeckum'daki göçmen kuruluşlarıyla görüşüyoruz.",
        "punkte": [
            "Neubeckum'daki halk kahvaltısına (Bürgerbrunch) katılım",
            "Beckum'daki “Uzun Sıra”ya (Lange Reihe) katılım",
            "Dinlerarası Diyalog Çalışma Grubuna (Arbeitskreis Interreligiöser Dialog) katılım",
            "Göçmen kuruluşlarının kendi aralarında fikir alışverişi",
        ],
    },
    "fest-der-kulturen": {
        "titel": "Kültürler Şenliği",
        "kurztext": "Her yıl Kültürler Şenliğini (Fest der Kulturen) düzenliyoruz – kendi standımızla.",
        "punkte": [
            "Her yıl yapılan Kültürler Şenliğinin düzenlenmesi",
            "Uyum Meclisinin çalışmalarının bir stantta tanıtılması",
            "Kültürler Şenliğinde herkes için irtibat kişisi",
        ],
    },
    "integrationsmanagement": {
        "titel": "Uyum yönetimi",
        "kurztext": "Belediyenin uyum yönetimini (Integrationsmanagement) birlikte şekillendiriyor ve konular "
        "öneriyoruz.",
        "punkte": [
            "Uyum yönetimi süreçlerinin birlikte şekillendirilmesi",
            "Konuların gündeme getirilmesi",
            "Uyum çalışmalarındaki diğer kişi ve kurumlarla fikir alışverişi",
        ],
    },
    "ansprechperson": {
        "titel": "İrtibat kişisi",
        "kurztext": "Göçmenler ve mülteciler bize başvurabilir. Yardım almalarına aracılık ediyoruz.",
        "punkte": [
            "Göçmen kökenli insanların, mültecilerin ve göç etmiş insanların temsili",
            "Beckum Belediyesinin siyasi komisyonları ile Beckumlular arasında köprü",
            "Danışmak isteyen kişilere aracılık ve destek",
        ],
    },
    "ueberregionales-engagement": {
        "titel": "Beckum dışındaki çalışmalar",
        "kurztext": "Beckum'u Eyalet Uyum Meclisinde (Landesintegrationsrat) temsil ediyor ve diğer uyum "
        "meclisleriyle fikir alışverişi yapıyoruz.",
        "punkte": [
            "Beckum Uyum Meclisinin Eyalet Uyum Meclisinde (Landesintegrationsrat) temsil edilmesi",
            "Eyalet düzeyinde diğer uyum meclisleriyle fikir alışverişi",
            "Konuların gündeme getirilmesi",
        ],
    },
}

AUFGABEN = [
    "Danışma niteliğinde bir kuruldur",
    "Göç etmiş ve mülteci olarak gelmiş, göçmen kökenli insanların çıkarlarını temsil eder",
    "Amacı, siyasetçilere ve belediye yönetimine Beckum'daki göçmenlerin gerçek yaşamını anlatan bir ses olmaktır",
    "Kültürel çeşitliliği tanıyarak, farklı kökenlerden gelen insanların bir arada yaşamını şekillendirmeye destek",
    "Fırsat eşitliğine ve toplumsal yaşama eşit katılıma destek",
    "Sağlık, iş veya konut durumunu iyileştirmeye yönelik hizmetlere destek verir",
    "Uyum Meclisi, ilke olarak belediyeyi ilgilendiren her konuyla ilgilenebilir",
]

SITZUNG_2024 = {
    "titel": "Uyum Meclisi toplantısı",
    "kurztext": "Uyum Meclisi bu toplantıda 2024 yılının değerlendirmesini sundu.",
}

RUECKBLICK_2024 = {
    "titel": "Beckum Belediyesi Uyum Meclisi: 2024 yılının değerlendirmesi",
    "einleitung": "Uyum Meclisi bu değerlendirmeyi 14.11.2024 tarihli toplantısında sundu. "
    "2024 yılındaki konularımız bunlardı.",
}

THEMENBEREICHE = [
    "Resmi daireler ve kurumlar",
    "Oturum izni ve vatandaşlığa geçiş",
    "Konut",
    "İş ve meslek eğitimi",
    "Okul, kreş ve Almanca kursları",
    "Sağlık",
    "Ayrımcılık",
    "Başka bir konu",
]

LUECKE = "[Lütfen tamamlayın: {}]"

SEITEN = {
    "ueber-uns": {
        "titel": "Hakkımızda: Uyum Meclisi ne yapar?",
        "einleitung": "Beckum Belediyesi Uyum Meclisi (Integrationsrat der Stadt Beckum), Beckum'daki göçmenlerin "
        "ve mültecilerin çıkarlarını temsil eder. Danışma niteliğinde bir kuruldur. Belediyedeki siyasetçilerle ve "
        "belediye yönetimiyle görüşür.",
        "abschnitte": [
            {
                "ueberschrift": "Bir uyum meclisinin görevleri nelerdir?",
                "zeilen": AUFGABEN,
            },
            {
                "ueberschrift": "Konularımız",
                "zeilen": [thema["titel"] for thema in THEMEN.values()],
            },
            {
                "ueberschrift": "Bize nasıl ulaşabilirsiniz?",
                "zeilen": [
                    "Bir sorunuz veya sorununuz mu var? Bu sitedeki talep formuyla bize yazın. Bir referans "
                    "numarası ve bir cevap alırsınız."
                ],
            },
        ],
    },
    "impressum": {
        "titel": "Künye (Impressum)",
        "einleitung": "Not: Bu metin bir taslaktır. Meclis ofisi, işaretli bilgileri yönetim panelinde "
        "“Sayfalar” bölümünden tamamlar.",
        "abschnitte": [
            {
                "ueberschrift": "Hizmet sağlayıcı",
                "zeilen": [
                    "Beckum Belediyesi Uyum Meclisi (Integrationsrat der Stadt Beckum)",
                    LUECKE.format("Meclis ofisinin adresi"),
                    LUECKE.format("Meclis ofisinin telefon numarası ve e-posta adresi"),
                ],
            },
            {
                "ueberschrift": "İçerikten sorumlu kişi",
                "zeilen": [LUECKE.format("sorumlu kişinin adı ve görevi")],
            },
        ],
    },
    "datenschutz": {
        "titel": "Veri Koruma Bildirimi",
        "einleitung": "Burada bu web sitesinin hangi verileri neden işlediğini açıklıyoruz. Kısacası: Yalnızca "
        "talebinize cevap vermek için gerekenleri kaydediyoruz. Reklam ve analiz programları kullanmıyoruz. Başka "
        "sunuculardan hiçbir şey yüklemiyoruz.",
        "abschnitte": [
            {
                "ueberschrift": "Sorumlu",
                "zeilen": [
                    "Beckum Belediyesi Uyum Meclisi (Integrationsrat der Stadt Beckum)",
                    LUECKE.format("sorumlu kurumun ve veri koruma görevlisinin adresi ve iletişim bilgileri"),
                ],
            },
            {
                "ueberschrift": "Web sitesini ziyaret ettiğinizde",
                "zeilen": [
                    "Bu web sitesini açtığınızda sunucumuz, sayfayı gösterebilmek ve siteyi saldırılara karşı "
                    "korumak için teknik olarak gerekli verileri (örneğin IP adresinizi ve saati) işler.",
                    "Yazı tipleri, stiller ve görseller yalnızca kendi sunucumuzdan gelir. Başka sağlayıcılarla "
                    "hiçbir bağlantı yoktur.",
                ],
            },
            {
                "ueberschrift": "Çerezler",
                "zeilen": [
                    "Yalnızca teknik olarak gerekli çerezleri kullanıyoruz: formlar için bir güvenlik çerezi ve "
                    "talebinizi gönderdikten sonra size referans numaranızı gösterebilmek için bir oturum çerezi. "
                    "Bunun için onayınıza ihtiyacımız yoktur."
                ],
            },
            {
                "ueberschrift": "Talebiniz",
                "zeilen": [
                    "Forma yazdıklarınızı kaydediyoruz: mesajınızı, konuyu, dilinizi, e-posta adresinizi veya "
                    "telefon numaranızı ve isterseniz adınızı.",
                    "Bu bilgileri yalnızca talebinize cevap vermek için kullanıyoruz (AB Genel Veri Koruma Tüzüğü, "
                    "DSGVO, madde 6 fıkra 1 bent a: onayınız).",
                    "Talebinizi yalnızca talepleri cevaplayan Uyum Meclisi üyeleri okuyabilir.",
                    "Talebiniz sonuçlandığında ve ona artık ihtiyacımız olmadığında talebinizi sileriz.",
                    "Onayınızı istediğiniz zaman geri alabilirsiniz. Bunun için bize referans numaranızı söyleyin.",
                ],
            },
            {
                "ueberschrift": "Haklarınız",
                "zeilen": [
                    "Verileriniz hakkında bilgi alma, verilerinizi düzelttirme, sildirme ve işlenmesini "
                    "kısıtlatma haklarına sahipsiniz. Ayrıca itiraz etme ve veri taşınabilirliği haklarınız vardır "
                    "(DSGVO madde 15 ila 21).",
                    "Kuzey Ren-Vestfalya Eyaleti Veri Koruma ve Bilgi Edinme Özgürlüğü Sorumlusuna "
                    "(Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen) şikâyette "
                    "bulunabilirsiniz.",
                ],
            },
        ],
    },
    "barrierefreiheit": {
        "titel": "Erişilebilirlik Beyanı",
        "einleitung": "Beckum Belediyesi Uyum Meclisi, web sitesini herkes için erişilebilir yapmak istiyor. "
        "Bunun temeli, Erişilebilir Bilgi Teknolojisi Yönetmeliği (Barrierefreie-Informationstechnik-Verordnung, "
        "BITV 2.0) ve Web İçeriği Erişilebilirlik Yönergeleridir (Web Content Accessibility Guidelines, WCAG 2.1, "
        "AA düzeyi).",
        "abschnitte": [
            {
                "ueberschrift": "Uyumluluk durumu",
                "zeilen": [
                    "Bu web sitesi BITV 2.0 ile kısmen uyumludur. Aşağıdaki içerikler henüz erişilebilir değildir."
                ],
            },
            {
                "ueberschrift": "Henüz erişilebilir olmayanlar",
                "zeilen": [
                    "Yeni içerikler bazen önce yalnızca Almanca olarak yayımlanır. O zaman sayfada kendi "
                    "dilinizde bir not görürsünüz.",
                    "Kolay Dil (Leichte Sprache) şimdilik yalnızca “Hakkımızda” ve “Talep gönderin” sayfalarında var.",
                ],
            },
            {
                "ueberschrift": "Bir engel bildirin",
                "zeilen": [
                    "Bir engel fark ettiniz mi? Talep formuyla bize yazın ve “Başka bir konu” seçeneğini seçin. "
                    "Size cevap vereceğiz.",
                    LUECKE.format("başka bir iletişim yolu, örneğin Meclis ofisinin telefon numarası"),
                ],
            },
            {
                "ueberschrift": "Şikâyet yolu (Durchsetzungsverfahren)",
                "zeilen": [
                    "Bizden tatmin edici bir cevap alamazsanız Kuzey Ren-Vestfalya Eyaleti Erişilebilir Bilgi "
                    "Teknolojisi Ombudsmanlığına (Ombudsstelle für barrierefreie Informationstechnik des Landes "
                    "Nordrhein-Westfalen) başvurabilirsiniz. Bu başvuru ücretsizdir."
                ],
            },
            {
                "ueberschrift": "Bu beyanın hazırlanması",
                "zeilen": ["Bu beyan bir öz değerlendirmeye dayanmaktadır."],
            },
        ],
    },
}

BEISPIEL_HINWEIS = "Bu, portalı denemek için konmuş örnek bir etkinliktir – gerçek bir etkinlik değildir."
BEISPIEL_ORT = {"name": "Örnek yer (sadece denemek için)"}
BEISPIELE = {
    "beispiel-sprechstunde": {
        "titel": "Örnek: Uyum Meclisinin danışma saati",
        "kurztext": "Sorularınızla bize uğrayın. (Örnek)",
    },
    "beispiel-baumpflanz-aktion": {
        "titel": "Örnek: Ağaç dikme etkinliği",
        "kurztext": "İptal edilmiş bir etkinlik: Böylece iptal edilen bir etkinliğin nasıl göründüğünü "
        "görebilirsiniz. (Örnek)",
    },
    "beispiel-oeffentliche-sitzung": {
        "titel": "Örnek: Uyum Meclisinin herkese açık toplantısı",
        "kurztext": "Toplantılar herkese açıktır. Herkes dinleyebilir. (Örnek)",
    },
    "beispiel-treffen-migrantenorganisationen": {
        "titel": "Örnek: Göçmen kuruluşlarının buluşması",
        "kurztext": "Göçmen kuruluşlarının kendi aralarında fikir alışverişi. (Örnek)",
    },
    "beispiel-fest-der-kulturen": {
        "titel": "Örnek: Kültürler Şenliği",
        "kurztext": "Uyum Meclisinin standıyla her yıl yapılan Kültürler Şenliği. (Örnek)",
    },
}
