"""Demo content of the shared space (fictitious): resources, news watch, network news,
publications and a few member documents. Safe to run twice: existing slugs are kept."""

import datetime

from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.documents.models import Document
from wagtail.models import Collection, Page

from resources.library.models import NewsPage, PublicationPage, ResourcePage, WatchPage
from resources.library.models.resources import Category

TODAY = datetime.date(2026, 11, 1)

RESOURCES = {
    Category.LEGAL: [
        ("Droit à l'image des mineurs", ["droit", "image", "réseaux sociaux"]),
        ("Signalement et information préoccupante : la procédure départementale", ["protection", "droit"]),
        ("RGPD : ce que la structure doit savoir", ["rgpd", "structure"]),
        ("Secret professionnel partagé : repères", ["droit", "confidentialité"]),
        ("Cyberharcèlement : ce que dit la loi", ["harcèlement", "droit"]),
    ],
    Category.TOOLS: [
        ("Créer un profil professionnel sur Instagram", ["instagram", "profil"]),
        ("Paramétrer Snapchat pour une présence éducative", ["snapchat", "profil"]),
        ("Animer un serveur Discord", ["discord", "animation"]),
        ("TikTok : comprendre l'algorithme", ["tiktok", "réseaux sociaux"]),
        ("Sécuriser ses comptes : double authentification", ["sécurité", "profil"]),
        ("Outils de planification des publications", ["organisation", "réseaux sociaux"]),
    ],
    Category.POSTURE: [
        ("La posture du promeneur en ligne", ["posture", "écoute"]),
        ("Écoute active par messagerie", ["écoute", "messagerie"]),
        ("Fixer et annoncer ses horaires de présence", ["organisation", "posture"]),
        ("Orienter un jeune vers un relais", ["orientation", "relais"]),
        ("Gérer la fin d'un accompagnement", ["posture", "accompagnement"]),
    ],
    Category.HEALTH: [
        ("Repérer les signes de mal-être", ["santé mentale", "écoute"]),
        ("Le 3114 et les lignes d'urgence", ["santé mentale", "relais"]),
        ("Addictions aux écrans : repères", ["addictions", "écrans"]),
        ("Vie affective et sexualité : ressources fiables", ["sexualité", "prévention"]),
        ("Harcèlement scolaire : le 3018", ["harcèlement", "relais"]),
        ("Prévenir les jeux d'argent en ligne", ["addictions", "prévention"]),
    ],
    Category.PROJECTS: [
        ("Monter un projet vidéo avec des jeunes", ["vidéo", "projet"]),
        ("Organiser un live d'information", ["live", "animation"]),
        ("Un concours photo sur Instagram", ["instagram", "projet"]),
        ("Co-construire une campagne de prévention", ["prévention", "projet"]),
    ],
    Category.TRAINING: [
        ("Support de la formation initiale des promeneurs", ["formation", "accueil"]),
        ("Module : éducation aux médias et à l'information", ["formation", "médias"]),
        ("Analyse de pratiques : trame de séance", ["formation", "analyse de pratiques"]),
        ("Kit d'accueil du nouveau promeneur", ["accueil", "formation"]),
        ("Webinaire : les usages numériques des 12-25 ans", ["formation", "usages"]),
    ],
}
AUDIENCES = ["promeneurs", "nouveaux", "structures", "tous"]

WATCH = [
    ("Baromètre du numérique : les pratiques des 12-17 ans", "Arcep", ["usages"]),
    ("Rapport sur la santé mentale des jeunes", "Santé publique France", ["santé mentale"]),
    ("Les jeunes et l'information en ligne", "Médiamétrie", ["médias"]),
    ("Cyberharcèlement : chiffres de l'année", "e-Enfance", ["harcèlement"]),
    ("Guide de la présence éducative en ligne", "CNAF", ["posture"]),
    ("Étude : temps d'écran et sommeil", "Inserm", ["écrans"]),
    ("Les réseaux sociaux préférés des adolescents", "Génération numérique", ["réseaux sociaux"]),
    ("Jeux vidéo et sociabilités", "Injep", ["usages"]),
    ("Prostitution des mineurs : alerte des associations", "Défenseure des droits", ["protection"]),
    ("Discours de haine en ligne : rapport annuel", "Arcom", ["médias"]),
    ("L'insertion des jeunes par le numérique", "Injep", ["insertion"]),
    ("Désinformation : outils pour les éducateurs", "Clemi", ["médias"]),
    ("Paris sportifs chez les jeunes adultes", "OFDT", ["addictions"]),
    ("Parentalité numérique : enquête", "Unaf", ["parentalité"]),
    ("Promeneurs du Net : bilan national", "CNAF", ["réseau"]),
    ("Santé sexuelle des jeunes : nouveaux outils", "Santé publique France", ["sexualité"]),
    ("Les 16-25 ans et le logement", "Observatoire jeunesse", ["logement"]),
    ("Intelligence artificielle et adolescents", "Cnil", ["usages"]),
    ("Climat scolaire et réseaux sociaux", "Éducation nationale", ["harcèlement"]),
    ("Radicalisation en ligne : repères pour les professionnels", "CIPDR", ["prévention"]),
    ("Les jeunes ruraux et le numérique", "MSA", ["territoires"]),
]

NEWS = [
    ("Rencontre départementale des promeneurs le 12 mars", True),
    ("Trois nouvelles structures rejoignent le réseau", False),
    ("Nouvelle formation : accompagner les jeunes en détresse", False),
    ("Bilan des grilles d'activité du premier semestre", False),
    ("Le comité de pilotage a validé le plan d'action", False),
    ("Analyse de pratiques : les dates du trimestre", False),
    ("Mise à jour de la charte départementale", False),
    ("Le kit de communication du réseau est disponible", False),
    ("Journée nationale des Promeneurs du Net", False),
    ("Appel à idées pour la campagne de prévention", False),
    ("Nouveaux relais sur le territoire de la Têt", False),
]

PUBLICATIONS = [
    ("Les Promeneurs du Net des Pyrénées-Orientales fêtent leurs cinq ans", True),
    ("Une question ? Les promeneurs répondent aussi pendant les vacances", False),
    ("Devenir Promeneur du Net : les inscriptions sont ouvertes", False),
    ("Harcèlement en ligne : à qui en parler ?", False),
]

DOCUMENTS = [
    ("Support de formation initiale (membres)", "support-formation-initiale.pdf"),
    ("Trame d'analyse de pratiques (membres)", "trame-analyse-de-pratiques.txt"),
    ("Annuaire des relais départementaux (membres)", "annuaire-des-relais.pdf"),
    ("Modèle d'autorisation de droit à l'image (membres)", "autorisation-droit-image.txt"),
]


def tiny_pdf(text):
    """A one-page PDF showing ``text`` (ASCII), written by hand: no download, no library."""
    stream = f"BT /F1 14 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def member_documents():
    collection = Collection.objects.get(name="Documents des membres")
    documents = []
    for title, filename in DOCUMENTS:
        document = Document.objects.filter(title=title).first()
        if document is None:
            text = f"Promeneurs du Net 66 - {slugify(title)} - document fictif de demonstration"
            content = tiny_pdf(text) if filename.endswith(".pdf") else text.encode()
            document = Document(title=title, collection=collection)
            document.file.save(filename, ContentFile(content), save=True)
        documents.append(document)
    return documents


def _add(parent, page, tags):
    if parent.get_children().filter(slug=page.slug).exists():
        return False
    page.tags.add(*tags)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return True


def _paragraph(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def load(stdout):
    sections = {p.slug: p for p in Page.objects.filter(slug__in=["ressources", "veille", "actualites", "publications"])}
    documents = member_documents()
    created = 0
    number = 0
    for category, items in RESOURCES.items():
        for title, tags in items:
            body = [
                _paragraph(
                    f"{title} : une fiche pratique préparée par la coordination pour les permanences en ligne. "
                    "Elle rassemble les repères essentiels, des exemples de situations et les contacts utiles."
                ),
                {"type": "quote", "value": {"text": "Être présent là où les jeunes sont.", "source": "Un promeneur"}},
            ]
            if number % 8 == 0:
                document = documents[(number // 8) % len(documents)]
                body.append({"type": "document", "value": {"document": document.pk, "title": document.title}})
            page = ResourcePage(
                title=title,
                slug=slugify(title)[:80],
                intro=f"Fiche « {category.label.lower()} » pour les promeneurs du réseau.",
                category=category,
                audience=AUDIENCES[number % len(AUDIENCES)],
                date=TODAY - datetime.timedelta(days=7 * number),
                body=body,
            )
            created += _add(sections["ressources"], page, tags)
            number += 1
    for number, (title, source, tags) in enumerate(WATCH):
        page = WatchPage(
            title=title,
            slug=slugify(title)[:80],
            link=f"https://example.org/veille/{slugify(title)[:60]}",
            source=source,
            commentary=f"À lire pour nourrir les permanences : {source} fait le point sur le sujet.",
            date=TODAY - datetime.timedelta(days=5 * number),
        )
        created += _add(sections["veille"], page, tags)
    for model, parent, items, label in (
        (NewsPage, sections["actualites"], NEWS, "réseau"),
        (PublicationPage, sections["publications"], PUBLICATIONS, "public"),
    ):
        for number, (title, featured) in enumerate(items):
            page = model(
                title=title,
                slug=slugify(title)[:80],
                intro=f"{title}. Les détails dans cet article ({label}).",
                featured=featured,
                date=TODAY - datetime.timedelta(days=10 * number),
                body=[_paragraph(f"{title} : l'information complète, rédigée par la coordination du réseau.")],
            )
            created += _add(parent, page, ["réseau"])
    stdout.write(f"Espace partagé : {created} pages créées, {len(documents)} documents des membres.")
    return []
