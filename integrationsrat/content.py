"""The portal's starting content.

Facts come only from the council's own review of 2024 ("Rückblick
Integrationsrat der Stadt Beckum 2024", presented at the council meeting of
14.11.2024): the six topics with their points and the seven tasks. Where that
source gives no date, place or name, nothing is made up: the legal pages hold
clearly marked gaps for the office to fill in, and demo events say they are
examples.
"""

QUELLE = "Rückblick Integrationsrat der Stadt Beckum 2024 (Sitzung vom 14.11.2024)"

THEMEN = [
    {
        "slug": "baumpflanz-aktion",
        "titel": "Baumpflanz-Aktion",
        "kurztext": "Eine Aktion als Zeichen gegen rechte Gewalt – für Vielfalt, Toleranz, Respekt und Hoffnung.",
        "punkte": [
            "In Anlehnung an die Kampagne des Landesintegrationsrates NRW",
            "Zeichen gegen Opfer Rechter Gewalt",
            "Gemeinsam für Vielfalt und Toleranz",
            "Zeichen für Respekt und Hoffnung",
        ],
    },
    {
        "slug": "austausch-mit-migrantenorganisationen",
        "titel": "Austausch mit Migrantenorganisationen",
        "kurztext": "Wir sind mit den Migrantenorganisationen in Beckum und Neubeckum im Gespräch.",
        "punkte": [
            "Beteiligung beim Bürgerbrunch in Neubeckum",
            "Beteiligung bei der „Langen Reihe“ in Beckum",
            "Beteiligung im Arbeitskreis Interreligiöser Dialog",
            "Austausch der Migrantenorganisationen untereinander",
        ],
    },
    {
        "slug": "fest-der-kulturen",
        "titel": "Fest der Kulturen",
        "kurztext": "Wir richten jedes Jahr das Fest der Kulturen aus – mit einem eigenen Stand.",
        "punkte": [
            "Ausrichtung des jährlichen Fest der Kulturen",
            "Präsentation der Arbeit des Integrationsrates mit einem Stand",
            "Ansprechperson für Alle auf dem Fest der Kulturen",
        ],
    },
    {
        "slug": "integrationsmanagement",
        "titel": "Integrationsmanagement",
        "kurztext": "Wir gestalten das Integrationsmanagement der Stadt mit und bringen Themen ein.",
        "punkte": [
            "Mitgestaltung der Prozesse des Integrationsmanagements",
            "Einbringen von Themen",
            "Austausch mit anderen Akteurinnen und Akteuren in der Integrationsarbeit",
        ],
    },
    {
        "slug": "ansprechperson",
        "titel": "Ansprechperson",
        "kurztext": "Wir sind Ansprechperson für zugewanderte und geflüchtete Menschen und vermitteln Hilfe.",
        "punkte": [
            "Vertretung für Menschen mit Migrationshintergrund sowie geflüchteter und zugewanderter Menschen",
            "Bindeglied zwischen politischen Ausschüssen der Stadt Beckum und Beckumerinnen und Beckumern",
            "Vermittlung und Unterstützung von Ratsuchenden",
        ],
    },
    {
        "slug": "ueberregionales-engagement",
        "titel": "Überregionales Engagement",
        "kurztext": "Wir vertreten Beckum im Landesintegrationsrat und tauschen uns mit anderen Integrationsräten aus.",
        "punkte": [
            "Vertretung des Beckumer Integrationsrates im Landesintegrationsrat",
            "Austausch auf Landesebene mit anderen Integrationsräten",
            "Einbringen von Themen",
        ],
    },
]

AUFGABEN = [
    "Ist ein beratendes Gremium",
    "Vertritt die Interessen der zugewanderten und geflüchteten Menschen mit Migrationshintergrund",
    "Ziel soll es sein, gegenüber Politik und Verwaltung als Sprachrohr für die Lebensrealität der "
    "Zuwanderinnen und Zuwanderer in Beckum zu fungieren",
    "Unterstützung bei der Gestaltung des Zusammenlebens von Menschen unterschiedlicher Herkunft in "
    "Anerkennung der kulturellen Vielfalt",
    "Unterstützung bei der Chancengleichheit und gleichberechtigte Teilhabe am Leben in der Gesellschaft",
    "Unterstützt bei Angeboten zur Verbesserung der Gesundheits-, Arbeits- oder Wohnsituation",
    "Der Integrationsrat kann sich grundsätzlich mit allen Angelegenheiten der Kommune beschäftigen",
]

SITZUNG_2024 = {
    "slug": "sitzung-des-integrationsrats",
    "titel": "Sitzung des Integrationsrats",
    "datum": "2024-11-14",
    "kurztext": "In dieser Sitzung hat der Integrationsrat seinen Rückblick auf das Jahr 2024 vorgestellt.",
}

RUECKBLICK_2024 = {
    "jahr": 2024,
    "titel": "Rückblick Integrationsrat der Stadt Beckum 2024",
    "einleitung": "Diesen Rückblick hat der Integrationsrat in seiner Sitzung am 14.11.2024 vorgestellt. "
    "Das waren unsere Themen im Jahr 2024.",
}

# What an advice seeker can pick in the request form; staff of "Beratung" edit the list.
THEMENBEREICHE = [
    "Behörden und Ämter",
    "Aufenthalt und Einbürgerung",
    "Wohnen",
    "Arbeit und Ausbildung",
    "Schule, Kita und Deutschkurse",
    "Gesundheit",
    "Diskriminierung",
    "Etwas anderes",
]

LUECKE = "[Bitte ergänzen: {}]"

SEITEN = {
    "ueber-uns": {
        "titel": "Über uns: Was macht der Integrationsrat?",
        "einleitung": "Der Integrationsrat der Stadt Beckum vertritt die Interessen der zugewanderten und "
        "geflüchteten Menschen in Beckum. Er ist ein beratendes Gremium und spricht mit Politik und "
        "Verwaltung der Stadt.",
        "abschnitte": [
            {
                "ueberschrift": "Was sind Aufgaben eines Integrationsrates?",
                "darstellung": "nummeriert",
                "zeilen": AUFGABEN,
            },
            {
                "ueberschrift": "Unsere Themen",
                "darstellung": "liste",
                "zeilen": [thema["titel"] for thema in THEMEN],
            },
            {
                "ueberschrift": "So erreichen Sie uns",
                "darstellung": "absaetze",
                "zeilen": [
                    "Sie haben eine Frage oder ein Problem? Schreiben Sie uns über das Anfrageformular auf "
                    "dieser Seite. Sie bekommen eine Referenznummer und eine Antwort."
                ],
            },
        ],
    },
    "impressum": {
        "titel": "Impressum",
        "einleitung": "Hinweis: Dieser Text ist eine Vorlage. Die Geschäftsstelle ergänzt die markierten Angaben "
        "in der Verwaltung unter „Seiten“.",
        "abschnitte": [
            {
                "ueberschrift": "Anbieter",
                "darstellung": "absaetze",
                "zeilen": [
                    "Integrationsrat der Stadt Beckum",
                    LUECKE.format("Anschrift der Geschäftsstelle"),
                    LUECKE.format("Telefon und E-Mail-Adresse der Geschäftsstelle"),
                ],
            },
            {
                "ueberschrift": "Verantwortlich für den Inhalt",
                "darstellung": "absaetze",
                "zeilen": [LUECKE.format("Name und Funktion der verantwortlichen Person")],
            },
        ],
    },
    "datenschutz": {
        "titel": "Datenschutzerklärung",
        "einleitung": "Hier erklären wir, welche Daten diese Website verarbeitet und warum. Kurz gesagt: "
        "Wir speichern nur, was wir brauchen, um Ihre Anfrage zu beantworten. Wir verwenden keine "
        "Werbung, keine Analyse-Programme und laden nichts von fremden Servern.",
        "abschnitte": [
            {
                "ueberschrift": "Verantwortlich",
                "darstellung": "absaetze",
                "zeilen": [
                    "Integrationsrat der Stadt Beckum",
                    LUECKE.format(
                        "Anschrift und Kontakt der verantwortlichen Stelle und der oder des Datenschutzbeauftragten"
                    ),
                ],
            },
            {
                "ueberschrift": "Besuch der Website",
                "darstellung": "absaetze",
                "zeilen": [
                    "Wenn Sie diese Website aufrufen, verarbeitet unser Server technisch notwendige Daten "
                    "(zum Beispiel Ihre IP-Adresse und die Uhrzeit), um die Seite auszuliefern und vor "
                    "Angriffen zu schützen.",
                    "Schriften, Stile und Bilder kommen nur von unserem eigenen Server. Es gibt keine "
                    "Verbindung zu anderen Anbietern.",
                ],
            },
            {
                "ueberschrift": "Cookies",
                "darstellung": "absaetze",
                "zeilen": [
                    "Wir setzen nur technisch notwendige Cookies: ein Sicherheits-Cookie für Formulare und, "
                    "nachdem Sie eine Anfrage gesendet haben, ein Sitzungs-Cookie, damit wir Ihnen Ihre "
                    "Referenznummer zeigen können. Dafür brauchen wir keine Einwilligung."
                ],
            },
            {
                "ueberschrift": "Ihre Anfrage",
                "darstellung": "liste",
                "zeilen": [
                    "Wir speichern, was Sie in das Formular schreiben: Ihre Nachricht, das Thema, Ihre "
                    "Sprache, Ihre E-Mail-Adresse oder Telefonnummer und, wenn Sie möchten, Ihren Namen.",
                    "Wir nutzen diese Angaben nur, um Ihre Anfrage zu beantworten (Art. 6 Abs. 1 Buchst. a "
                    "DSGVO, Ihre Einwilligung).",
                    "Nur die Mitglieder des Integrationsrats, die Anfragen beantworten, können Ihre Anfrage lesen.",
                    "Wir löschen Ihre Anfrage, wenn sie erledigt ist und wir sie nicht mehr brauchen.",
                    "Sie können Ihre Einwilligung jederzeit widerrufen. Nennen Sie uns dazu Ihre Referenznummer.",
                ],
            },
            {
                "ueberschrift": "Ihre Rechte",
                "darstellung": "absaetze",
                "zeilen": [
                    "Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der "
                    "Verarbeitung Ihrer Daten sowie das Recht auf Widerspruch und Datenübertragbarkeit "
                    "(Art. 15 bis 21 DSGVO).",
                    "Sie können sich bei der Landesbeauftragten für Datenschutz und Informationsfreiheit "
                    "Nordrhein-Westfalen beschweren.",
                ],
            },
        ],
    },
    "barrierefreiheit": {
        "titel": "Erklärung zur Barrierefreiheit",
        "einleitung": "Der Integrationsrat der Stadt Beckum möchte seine Website für alle Menschen "
        "zugänglich machen. Grundlage sind die Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) "
        "und die Web Content Accessibility Guidelines (WCAG 2.1, Stufe AA).",
        "abschnitte": [
            {
                "ueberschrift": "Stand der Vereinbarkeit",
                "darstellung": "absaetze",
                "zeilen": [
                    "Diese Website ist teilweise mit der BITV 2.0 vereinbar. Die Inhalte unten sind noch "
                    "nicht barrierefrei."
                ],
            },
            {
                "ueberschrift": "Was noch nicht barrierefrei ist",
                "darstellung": "liste",
                "zeilen": [
                    "Neue Inhalte gibt es manchmal zuerst nur auf Deutsch. Dann steht auf der Seite ein "
                    "Hinweis in Ihrer Sprache.",
                    "Leichte Sprache gibt es bisher nur für die Seiten „Über uns“ und „Anfrage stellen“.",
                ],
            },
            {
                "ueberschrift": "Barriere melden",
                "darstellung": "absaetze",
                "zeilen": [
                    "Ist Ihnen eine Barriere aufgefallen? Schreiben Sie uns über das Anfrageformular und "
                    "wählen Sie „Etwas anderes“. Wir antworten Ihnen.",
                    LUECKE.format("weitere Kontaktmöglichkeit, z. B. Telefon der Geschäftsstelle"),
                ],
            },
            {
                "ueberschrift": "Durchsetzungsverfahren",
                "darstellung": "absaetze",
                "zeilen": [
                    "Wenn Sie keine zufriedenstellende Antwort bekommen, können Sie sich an die "
                    "Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen "
                    "wenden. Das Verfahren ist kostenlos."
                ],
            },
            {
                "ueberschrift": "Erstellung dieser Erklärung",
                "darstellung": "absaetze",
                "zeilen": ["Diese Erklärung beruht auf einer Selbstbewertung."],
            },
        ],
    },
}

# Demo events (--demo): dated relative to the day the command runs and marked
# as examples in title and text, so nobody mistakes them for real dates.
BEISPIEL_HINWEIS = "Dies ist ein Beispieltermin zum Ausprobieren des Portals – kein echter Termin."
BEISPIEL_ORT = {"name": "Beispielort (nur zum Ausprobieren)", "adresse": "", "hinweise": ""}
BEISPIELE = [
    {
        "slug": "beispiel-sprechstunde",
        "titel": "Beispiel: Sprechstunde des Integrationsrats",
        "tage": 7,
        "beginn": "17:00",
        "ende": "18:30",
        "thema": "ansprechperson",
        "kurztext": "Kommen Sie mit Ihren Fragen vorbei. (Beispiel)",
    },
    {
        "slug": "beispiel-baumpflanz-aktion",
        "titel": "Beispiel: Baumpflanz-Aktion",
        "tage": 14,
        "beginn": "10:00",
        "ende": "12:00",
        "thema": "baumpflanz-aktion",
        "kurztext": "Ein abgesagter Termin, damit Sie sehen, wie eine Absage aussieht. (Beispiel)",
        "abgesagt": True,
    },
    {
        "slug": "beispiel-oeffentliche-sitzung",
        "titel": "Beispiel: Öffentliche Sitzung des Integrationsrats",
        "tage": 21,
        "beginn": "18:00",
        "ende": None,
        "thema": None,
        "art": "sitzung",
        "kurztext": "Die Sitzungen sind öffentlich. Alle dürfen zuhören. (Beispiel)",
    },
    {
        "slug": "beispiel-treffen-migrantenorganisationen",
        "titel": "Beispiel: Treffen der Migrantenorganisationen",
        "tage": 35,
        "beginn": "18:30",
        "ende": "20:30",
        "thema": "austausch-mit-migrantenorganisationen",
        "kurztext": "Austausch der Migrantenorganisationen untereinander. (Beispiel)",
    },
    {
        "slug": "beispiel-fest-der-kulturen",
        "titel": "Beispiel: Fest der Kulturen",
        "tage": 60,
        "beginn": None,
        "ende": None,
        "thema": "fest-der-kulturen",
        "kurztext": "Das jährliche Fest der Kulturen mit einem Stand des Integrationsrats. (Beispiel)",
    },
]

# Leichte Sprache (easy German): short sentences, one statement each, hard
# words explained. Only facts from the source above.
SEITEN_LEICHTE_SPRACHE = {
    "ueber-uns-leichte-sprache": {
        "titel": "Der Integrations·rat in Leichter Sprache",
        "einleitung": "Beckum ist eine Stadt.\n\n"
        "In Beckum leben viele Menschen aus anderen Ländern.\n\n"
        "Manche Menschen sind nach Beckum gekommen.\n"
        "Manche Menschen sind nach Beckum geflüchtet.\n\n"
        "Der Integrations·rat ist für diese Menschen da.",
        "abschnitte": [
            {
                "ueberschrift": "Was ist der Integrations·rat?",
                "darstellung": "absaetze",
                "zeilen": [
                    "Der Integrations·rat ist eine Gruppe von Menschen.",
                    "Die Gruppe gibt Rat.\nRat geben heißt: Die Gruppe sagt ihre Meinung.\n"
                    "Und die Gruppe macht Vorschläge.",
                    "Die Gruppe spricht mit der Politik in Beckum.\nUnd mit der Stadt·verwaltung.\n"
                    "Die Stadt·verwaltung sind die Ämter der Stadt.",
                ],
            },
            {
                "ueberschrift": "Was macht der Integrations·rat?",
                "darstellung": "liste",
                "zeilen": [
                    "Er vertritt Menschen aus anderen Ländern. Vertreten heißt: Er spricht für diese Menschen.",
                    "Er erzählt der Politik: So leben Menschen aus anderen Ländern in Beckum.",
                    "Er hilft beim Zusammen·leben von allen Menschen in Beckum.",
                    "Er setzt sich dafür ein: Alle Menschen sollen die gleichen Chancen haben.",
                    "Er hilft bei Fragen zu Gesundheit, Arbeit und Wohnung.",
                    "Er darf sich um alle Themen in Beckum kümmern.",
                ],
            },
            {
                "ueberschrift": "Was hat der Integrations·rat im Jahr 2024 gemacht?",
                "darstellung": "liste",
                "zeilen": [
                    "Er hat eine Baum·pflanz·aktion gemacht. Das ist ein Zeichen gegen rechte Gewalt.",
                    "Er hat mit Vereinen von Menschen aus anderen Ländern gesprochen.",
                    "Er hat das Fest der Kulturen gemacht.",
                    "Er hat bei der Integrations·arbeit der Stadt mit·gemacht.",
                    "Er hat Menschen mit Fragen geholfen.",
                    "Er hat mit anderen Integrations·räten in Nordrhein-Westfalen gesprochen.",
                ],
            },
            {
                "ueberschrift": "Sie haben eine Frage?",
                "darstellung": "absaetze",
                "zeilen": [
                    "Sie können uns schreiben.\nDas kostet nichts.\n"
                    "Auf der Seite „Anfrage in Leichter Sprache“ steht, wie das geht."
                ],
            },
        ],
    },
    "anfrage-leichte-sprache": {
        "titel": "Eine Frage an den Integrations·rat schicken",
        "einleitung": "Sie haben eine Frage?\nOder Sie haben ein Problem?\n\n"
        "Zum Beispiel mit einem Amt.\nOder mit Ihrer Wohnung.\nOder mit Ihrer Arbeit.\n\n"
        "Dann schreiben Sie uns.\nDas kostet nichts.\nWir sagen Ihre Frage nicht weiter.",
        "abschnitte": [
            {
                "ueberschrift": "So geht es",
                "darstellung": "nummeriert",
                "zeilen": [
                    "Schreiben Sie Ihre E-Mail-Adresse oder Ihre Telefon·nummer auf. Dann können wir Ihnen antworten.",
                    "Ihr Name ist freiwillig. Freiwillig heißt: Sie müssen den Namen nicht aufschreiben.",
                    "Wählen Sie ein Thema aus.",
                    "Schreiben Sie Ihre Frage auf. Sie dürfen in Ihrer Sprache schreiben.",
                    "Wählen Sie die Sprache für unsere Antwort.",
                    "Machen Sie einen Haken bei „Ich bin einverstanden“. "
                    "Das heißt: Wir dürfen Ihre Angaben für die Antwort speichern.",
                    "Drücken Sie auf „Anfrage absenden“.",
                ],
            },
            {
                "ueberschrift": "Was passiert dann?",
                "darstellung": "absaetze",
                "zeilen": [
                    "Sie bekommen eine Nummer.\nDie Nummer heißt: Referenz·nummer.\nSchreiben Sie die Nummer auf.",
                    "Wir lesen Ihre Frage.\nDann melden wir uns bei Ihnen.",
                ],
            },
        ],
    },
}
