"""The languages and offers the directory starts with, named in all six site languages; staff add more."""

from django.db import migrations

SPRACHEN = [
    # code, de, en, tr, ar, uk, ru
    ("ar", "Arabisch", "Arabic", "Arapça", "العربية", "Арабська", "Арабский"),
    ("tr", "Türkisch", "Turkish", "Türkçe", "التركية", "Турецька", "Турецкий"),
    ("uk", "Ukrainisch", "Ukrainian", "Ukraynaca", "الأوكرانية", "Українська", "Украинский"),
    ("ru", "Russisch", "Russian", "Rusça", "الروسية", "Російська", "Русский"),
    ("en", "Englisch", "English", "İngilizce", "الإنجليزية", "Англійська", "Английский"),
    ("de", "Deutsch", "German", "Almanca", "الألمانية", "Німецька", "Немецкий"),
    ("fa", "Persisch (Farsi)", "Persian (Farsi)", "Farsça", "الفارسية", "Перська (фарсі)", "Персидский (фарси)"),
    ("prs", "Dari", "Dari", "Darice", "الدارية", "Дарі", "Дари"),
    ("ku", "Kurdisch", "Kurdish", "Kürtçe", "الكردية", "Курдська", "Курдский"),
    ("pl", "Polnisch", "Polish", "Lehçe", "البولندية", "Польська", "Польский"),
    ("ro", "Rumänisch", "Romanian", "Rumence", "الرومانية", "Румунська", "Румынский"),
    ("bg", "Bulgarisch", "Bulgarian", "Bulgarca", "البلغارية", "Болгарська", "Болгарский"),
    ("sq", "Albanisch", "Albanian", "Arnavutça", "الألبانية", "Албанська", "Албанский"),
    (
        "bks",
        "Bosnisch/Kroatisch/Serbisch",
        "Bosnian/Croatian/Serbian",
        "Boşnakça/Hırvatça/Sırpça",
        "البوسنية/الكرواتية/الصربية",
        "Боснійська/хорватська/сербська",
        "Боснийский/хорватский/сербский",
    ),
    ("ti", "Tigrinya", "Tigrinya", "Tigrinya", "التغرينية", "Тигринья", "Тигринья"),
    ("ps", "Paschtu", "Pashto", "Peştuca", "البشتوية", "Пушту", "Пушту"),
    ("so", "Somali", "Somali", "Somalice", "الصومالية", "Сомалі", "Сомалийский"),
    ("fr", "Französisch", "French", "Fransızca", "الفرنسية", "Французька", "Французский"),
    ("it", "Italienisch", "Italian", "İtalyanca", "الإيطالية", "Італійська", "Итальянский"),
    ("el", "Griechisch", "Greek", "Yunanca", "اليونانية", "Грецька", "Греческий"),
    ("es", "Spanisch", "Spanish", "İspanyolca", "الإسبانية", "Іспанська", "Испанский"),
    ("pt", "Portugiesisch", "Portuguese", "Portekizce", "البرتغالية", "Португальська", "Португальский"),
    ("vi", "Vietnamesisch", "Vietnamese", "Vietnamca", "الفيتنامية", "В'єтнамська", "Вьетнамский"),
]

ANGEBOTE = [
    # slug, de, en, tr, ar, uk, ru
    ("beratung", "Beratung", "Advice", "Danışmanlık", "الاستشارة", "Консультації", "Консультации"),
    ("sprachkurse", "Sprachkurse", "Language courses", "Dil kursları", "دورات اللغة", "Мовні курси", "Языковые курсы"),
    (
        "hausaufgabenhilfe",
        "Hausaufgabenhilfe",
        "Homework help",
        "Ödev yardımı",
        "المساعدة في الواجبات المدرسية",
        "Допомога з домашніми завданнями",
        "Помощь с домашними заданиями",
    ),
    (
        "kultur-und-feste",
        "Kultur und Feste",
        "Culture and celebrations",
        "Kültür ve bayramlar",
        "الثقافة والاحتفالات",
        "Культура і свята",
        "Культура и праздники",
    ),
    ("sport", "Sport", "Sports", "Spor", "الرياضة", "Спорт", "Спорт"),
    (
        "religion-und-gemeinde",
        "Religion und Gemeinde",
        "Religion and community",
        "Din ve cemaat",
        "الدين والجماعة",
        "Релігія та громада",
        "Религия и община",
    ),
    (
        "angebote-fuer-frauen",
        "Angebote für Frauen",
        "For women",
        "Kadınlara yönelik",
        "أنشطة للنساء",
        "Для жінок",
        "Для женщин",
    ),
    ("jugend", "Jugend", "Young people", "Gençlik", "الشباب", "Молодь", "Молодёжь"),
    (
        "eltern-und-familie",
        "Eltern und Familie",
        "Parents and family",
        "Ebeveynler ve aile",
        "الآباء والأسرة",
        "Батьки та сім'я",
        "Родители и семья",
    ),
    (
        "begleitung-zu-aemtern",
        "Begleitung zu Ämtern",
        "Going with you to public offices",
        "Resmi dairelere refakat",
        "المرافقة إلى الدوائر الرسمية",
        "Супровід до установ",
        "Сопровождение в учреждения",
    ),
    ("dolmetschen", "Dolmetschen", "Interpreting", "Tercümanlık", "الترجمة الشفوية", "Усний переклад", "Устный перевод"),
    (
        "begegnung",
        "Begegnung und Austausch",
        "Meeting people",
        "Buluşma ve paylaşım",
        "اللقاء والتبادل",
        "Зустрічі та спілкування",
        "Встречи и общение",
    ),
]

LANGS = ("de", "en", "tr", "ar", "uk", "ru")


def _names(values) -> dict[str, str]:
    return {"name": values[0], **{f"name_{lang}": value for lang, value in zip(LANGS, values, strict=True)}}


def create(apps, schema_editor):
    Sprache = apps.get_model("organisationen", "Sprache")
    Angebot = apps.get_model("organisationen", "Angebot")
    for code, *names in SPRACHEN:
        Sprache.objects.get_or_create(code=code, defaults=_names(names))
    for slug, *names in ANGEBOTE:
        Angebot.objects.get_or_create(slug=slug, defaults=_names(names))


def remove(apps, schema_editor):
    apps.get_model("organisationen", "Sprache").objects.filter(code__in=[s[0] for s in SPRACHEN]).delete()
    apps.get_model("organisationen", "Angebot").objects.filter(slug__in=[a[0] for a in ANGEBOTE]).delete()


class Migration(migrations.Migration):
    dependencies = [("organisationen", "0001_initial")]

    operations = [migrations.RunPython(create, remove)]
