"""English translation of the starting content in `integrationsrat/content.py`.

Same structure and order as the German source (see `__init__.py`). Nothing is
added: no dates, names, places or numbers that the German text does not have.
"""

THEMEN = {
    "baumpflanz-aktion": {
        "titel": "Tree-planting campaign",
        "kurztext": "A campaign to take a stand against right-wing violence – for diversity, tolerance, respect "
        "and hope.",
        "punkte": [
            "Based on the campaign of the State Integration Council of North Rhine-Westphalia "
            "(Landesintegrationsrat NRW)",
            "A sign for the victims of right-wing violence",
            "Together for diversity and tolerance",
            "A sign of respect and hope",
        ],
    },
    "austausch-mit-migrantenorganisationen": {
        "titel": "Dialogue with migrant organisations",
        "kurztext": "We are in contact with the migrant organisations in Beckum and Neubeckum.",
        "punkte": [
            "Taking part in the community brunch (Bürgerbrunch) in Neubeckum",
            "Taking part in the “Long Row” (“Lange Reihe”) in Beckum",
            "Taking part in the Interfaith Dialogue Working Group (Arbeitskreis Interreligiöser Dialog)",
            "Exchange between the migrant organisations themselves",
        ],
    },
    "fest-der-kulturen": {
        "titel": "Festival of Cultures",
        "kurztext": "Every year we organise the Festival of Cultures – with our own stand.",
        "punkte": [
            "Organising the annual Festival of Cultures",
            "Presenting the work of the Integration Council at a stand",
            "A point of contact for everyone at the Festival of Cultures",
        ],
    },
    "integrationsmanagement": {
        "titel": "Integration management",
        "kurztext": "We help to shape the town’s integration management and raise topics.",
        "punkte": [
            "Helping to shape the processes of integration management",
            "Raising topics",
            "Exchange with other people and organisations involved in integration work",
        ],
    },
    "ansprechperson": {
        "titel": "Point of contact",
        "kurztext": "We are a point of contact for migrants and refugees and help them find support.",
        "punkte": [
            "Representing people with a migration background, refugees and immigrants",
            "A link between the political committees of the Town of Beckum and the people of Beckum",
            "Putting people who are looking for advice in touch with help, and supporting them",
        ],
    },
    "ueberregionales-engagement": {
        "titel": "Involvement beyond Beckum",
        "kurztext": "We represent Beckum on the State Integration Council (Landesintegrationsrat) and exchange "
        "ideas with other integration councils.",
        "punkte": [
            "Representing the Beckum Integration Council on the State Integration Council",
            "Exchange with other integration councils at state level",
            "Raising topics",
        ],
    },
}

AUFGABEN = [
    "Is an advisory body",
    "Represents the interests of people with a migration background who have come here as immigrants or refugees",
    "The aim is to be a voice for the real lives of immigrants in Beckum when dealing with politicians and the "
    "town administration",
    "Support in shaping how people of different origins live together, recognising cultural diversity",
    "Support for equal opportunities and equal participation in the life of society",
    "Supports services that aim to improve people’s health, work or housing situation",
    "In principle, the Integration Council can deal with any matter that concerns the municipality",
]

SITZUNG_2024 = {
    "titel": "Meeting of the Integration Council",
    "kurztext": "At this meeting, the Integration Council presented its review of the year 2024.",
}

RUECKBLICK_2024 = {
    "titel": "Integration Council of the Town of Beckum: review of 2024",
    "einleitung": "The Integration Council presented this review at its meeting on 14 November 2024. "
    "These were our topics in 2024.",
}

THEMENBEREICHE = [
    "Public authorities and offices",
    "Residence and naturalisation",
    "Housing",
    "Work and training",
    "School, childcare (Kita) and German courses",
    "Health",
    "Discrimination",
    "Something else",
]

LUECKE = "[To be completed: {}]"

SEITEN = {
    "ueber-uns": {
        "titel": "About us: What does the Integration Council do?",
        "einleitung": "The Integration Council of the Town of Beckum represents the interests of migrants and "
        "refugees in Beckum. It is an advisory body and talks to the town’s politicians and administration.",
        "abschnitte": [
            {
                "ueberschrift": "What are the tasks of an integration council?",
                "zeilen": AUFGABEN,
            },
            {
                "ueberschrift": "Our topics",
                "zeilen": [thema["titel"] for thema in THEMEN.values()],
            },
            {
                "ueberschrift": "How to reach us",
                "zeilen": [
                    "Do you have a question or a problem? Write to us using the request form on this website. "
                    "You will get a reference number and a reply."
                ],
            },
        ],
    },
    "impressum": {
        "titel": "Legal notice",
        "einleitung": "Note: This text is a template. The office fills in the marked details in the admin area "
        "under “Pages”.",
        "abschnitte": [
            {
                "ueberschrift": "Provider",
                "zeilen": [
                    "Integration Council of the Town of Beckum (Integrationsrat der Stadt Beckum)",
                    LUECKE.format("address of the office"),
                    LUECKE.format("phone number and email address of the office"),
                ],
            },
            {
                "ueberschrift": "Responsible for the content",
                "zeilen": [LUECKE.format("name and role of the person responsible")],
            },
        ],
    },
    "datenschutz": {
        "titel": "Privacy policy",
        "einleitung": "Here we explain which data this website processes and why. In short: we only store what we "
        "need to answer your request. We do not use advertising or analytics programs, and we do not load "
        "anything from other companies’ servers.",
        "abschnitte": [
            {
                "ueberschrift": "Who is responsible",
                "zeilen": [
                    "Integration Council of the Town of Beckum (Integrationsrat der Stadt Beckum)",
                    LUECKE.format(
                        "address and contact details of the responsible body and of the data protection officer"
                    ),
                ],
            },
            {
                "ueberschrift": "Visiting the website",
                "zeilen": [
                    "When you visit this website, our server processes data that is technically necessary "
                    "(for example your IP address and the time) in order to deliver the page and protect it "
                    "from attacks.",
                    "Fonts, styles and images only come from our own server. There is no connection to other "
                    "providers.",
                ],
            },
            {
                "ueberschrift": "Cookies",
                "zeilen": [
                    "We only use cookies that are technically necessary: a security cookie for forms and, after "
                    "you have sent a request, a session cookie so that we can show you your reference number. "
                    "We do not need your consent for this."
                ],
            },
            {
                "ueberschrift": "Your request",
                "zeilen": [
                    "We store what you write in the form: your message, the topic, your language, your email "
                    "address or phone number and, if you wish, your name.",
                    "We only use this information to answer your request (Art. 6(1)(a) of the General Data "
                    "Protection Regulation, GDPR (Datenschutz-Grundverordnung, DSGVO): your consent).",
                    "Only the members of the Integration Council who answer requests can read your request.",
                    "We delete your request when it has been dealt with and we no longer need it.",
                    "You can withdraw your consent at any time. To do this, please tell us your reference number.",
                ],
            },
            {
                "ueberschrift": "Your rights",
                "zeilen": [
                    "You have the right to access your data and to have it corrected or deleted, the right to "
                    "restrict its processing, the right to object and the right to data portability "
                    "(Art. 15 to 21 GDPR).",
                    "You can make a complaint to the State Commissioner for Data Protection and Freedom of "
                    "Information of North Rhine-Westphalia (Landesbeauftragte für Datenschutz und "
                    "Informationsfreiheit Nordrhein-Westfalen).",
                ],
            },
        ],
    },
    "barrierefreiheit": {
        "titel": "Accessibility statement",
        "einleitung": "The Integration Council of the Town of Beckum wants to make its website accessible to "
        "everyone. This is based on the German Accessible Information Technology Ordinance "
        "(Barrierefreie-Informationstechnik-Verordnung, BITV 2.0) and the Web Content Accessibility Guidelines "
        "(WCAG 2.1, level AA).",
        "abschnitte": [
            {
                "ueberschrift": "Compliance status",
                "zeilen": [
                    "This website is partly compliant with BITV 2.0. The content listed below is not yet accessible."
                ],
            },
            {
                "ueberschrift": "What is not accessible yet",
                "zeilen": [
                    "New content is sometimes available in German first. The page then shows a note in your language.",
                    "Easy Language (Leichte Sprache) is so far only available for the pages "
                    "“About us” and “Send a request”.",
                ],
            },
            {
                "ueberschrift": "Report a barrier",
                "zeilen": [
                    "Have you noticed a barrier? Write to us using the request form and choose “Something "
                    "else”. We will reply to you.",
                    LUECKE.format("another way to contact us, e.g. the office’s phone number"),
                ],
            },
            {
                "ueberschrift": "Enforcement procedure",
                "zeilen": [
                    "If you do not get a satisfactory reply, you can contact the Ombudsman’s Office for "
                    "Accessible Information Technology of the State of North Rhine-Westphalia (Ombudsstelle für "
                    "barrierefreie Informationstechnik des Landes Nordrhein-Westfalen). The procedure is free of "
                    "charge."
                ],
            },
            {
                "ueberschrift": "How this statement was prepared",
                "zeilen": ["This statement is based on a self-assessment."],
            },
        ],
    },
}

BEISPIEL_HINWEIS = "This is an example event for trying out the portal – not a real event."
BEISPIEL_ORT = {"name": "Example venue (only for trying things out)"}
BEISPIELE = {
    "beispiel-sprechstunde": {
        "titel": "Example: Integration Council office hours",
        "kurztext": "Come along with your questions. (Example)",
    },
    "beispiel-baumpflanz-aktion": {
        "titel": "Example: Tree-planting campaign",
        "kurztext": "A cancelled event, so you can see what a cancellation looks like. (Example)",
    },
    "beispiel-oeffentliche-sitzung": {
        "titel": "Example: Public meeting of the Integration Council",
        "kurztext": "The meetings are open to the public. Everyone is welcome to listen. (Example)",
    },
    "beispiel-treffen-migrantenorganisationen": {
        "titel": "Example: Meeting of migrant organisations",
        "kurztext": "Exchange between the migrant organisations themselves. (Example)",
    },
    "beispiel-fest-der-kulturen": {
        "titel": "Example: Festival of Cultures",
        "kurztext": "The annual Festival of Cultures with a stand of the Integration Council. (Example)",
    },
}
