"""Demo agenda: departmental meetings, trainings with their pages, practice analysis,
a national day, committee meetings and a public forum, with registrations of the demo
promeneurs (network/directory/demo.py). Safe to run twice: existing events and pages are kept."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page

from network.events.models import Event, Registration, TrainingPage
from workspace.accounts.roles import COMITE_TECHNIQUE

K, A = Event.Kind, Event.Audience
PERPIGNAN = "Caf des Pyrénées-Orientales, 15 boulevard Kennedy, 66000 Perpignan (salle fictive)"
PRADES = "MJC du Conflent, 66500 Prades (fictive)"
VISIO = "https://visio.example.org/pdn66"

TRAININGS = (
    (
        "posture-du-promeneur",
        "Posture du promeneur",
        "Être présent en ligne comme éducateur : identité professionnelle, cadre, limites.",
        "<ul><li>Définir sa présence éducative en ligne</li><li>Poser un cadre clair avec les jeunes</li>"
        "<li>Savoir passer le relais</li></ul>",
        "<p>Matin : la présence éducative sur Internet. Après-midi : études de cas et mises en situation.</p>",
        "Équipe de coordination départementale",
    ),
    (
        "cadre-juridique-et-droit-a-limage",
        "Cadre juridique et droit à l'image",
        "Ce que la loi permet et impose quand on publie, échange et accompagne en ligne.",
        "<ul><li>Connaître le droit à l'image des mineurs</li><li>Secret professionnel et partage d'information"
        "</li></ul>",
        "<p>Apports juridiques, questions des participants, fiches pratiques.</p>",
        "Juriste d'une association partenaire (fictive)",
    ),
    (
        "reperer-le-mal-etre-en-ligne",
        "Repérer le mal-être en ligne",
        "Signaux faibles, premiers mots, orientation vers les relais (3114, Maison des adolescents…).",
        "<ul><li>Repérer les signaux de mal-être</li><li>Engager la conversation</li><li>Orienter</li></ul>",
        "<p>Une matinée en visioconférence avec une psychologue (fictive).</p>",
        "Psychologue de la Maison des adolescents (fictive)",
    ),
)


# The past session the exchanges' demo links its discussions to (resources/exchanges/demo.py).
PAST_PRACTICE_SESSION = "Analyse de pratiques – Salanque"


def _at(days, hour, minute=0):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _events(trainings):
    posture, juridique, mal_etre = trainings
    # title, kind, audience, committee, start, hours, place, link, capacity, training, registrants
    return (
        (
            "Rencontre départementale des promeneurs",
            K.MEETING,
            A.MEMBERS,
            "",
            _at(21, 9, 30),
            7,
            PERPIGNAN,
            "",
            60,
            None,
            9,
        ),
        (
            "Rencontre départementale – bilan et perspectives",
            K.MEETING,
            A.MEMBERS,
            "",
            _at(190, 9, 30),
            7,
            PERPIGNAN,
            "",
            60,
            None,
            2,
        ),
        (
            "Posture du promeneur – session de Perpignan",
            K.TRAINING,
            A.MEMBERS,
            "",
            _at(14, 9),
            7,
            PERPIGNAN,
            "",
            12,
            posture,
            8,
        ),
        (
            "Posture du promeneur – session du Conflent",
            K.TRAINING,
            A.MEMBERS,
            "",
            _at(75, 9),
            7,
            PRADES,
            "",
            12,
            posture,
            3,
        ),
        (
            "Cadre juridique et droit à l'image",
            K.TRAINING,
            A.MEMBERS,
            "",
            _at(30, 9, 30),
            3,
            PERPIGNAN,
            "",
            4,
            juridique,
            6,
        ),
        ("Repérer le mal-être en ligne", K.TRAINING, A.MEMBERS, "", _at(45, 9), 3, "", VISIO, 15, mal_etre, 5),
        (
            "Analyse de pratiques – groupe Perpignan",
            K.PRACTICE,
            A.MEMBERS,
            "",
            _at(10, 14),
            2,
            PERPIGNAN,
            "",
            8,
            None,
            6,
        ),
        (
            "Analyse de pratiques – groupe Conflent-Cerdagne",
            K.PRACTICE,
            A.MEMBERS,
            "",
            _at(38, 14),
            2,
            PRADES,
            "",
            8,
            None,
            3,
        ),
        (PAST_PRACTICE_SESSION, K.PRACTICE, A.MEMBERS, "", _at(-20, 14), 2, PERPIGNAN, "", 8, None, 5),
        (
            "Temps d'échange : TikTok et les 12-15 ans",
            K.EXCHANGE,
            A.MEMBERS,
            "",
            _at(17, 12, 30),
            1,
            "",
            VISIO,
            None,
            None,
            4,
        ),
        (
            "Journée nationale des Promeneurs du Net",
            K.NATIONAL_DAY,
            A.PUBLIC,
            "",
            _at(60, 9),
            8,
            "",
            VISIO,
            None,
            None,
            3,
        ),
        ("Forum « Les jeunes et les écrans »", K.FORUM, A.PUBLIC, "", _at(33, 14), 4, PERPIGNAN, "", 120, None, 2),
        (
            "Comité technique – atelier sur les grilles d'activité",
            K.COMMITTEE,
            A.COMMITTEE,
            COMITE_TECHNIQUE,
            _at(18, 14),
            2,
            "",
            VISIO,
            None,
            None,
            0,
        ),
    )


def _training_pages():
    index = Page.objects.get(url_path="/accueil/espace/formations/")
    pages = []
    for slug, title, intro, objectives, programme, trainer in TRAININGS:
        page = TrainingPage.objects.filter(slug=slug).first()
        if page is None:
            page = TrainingPage(
                title=title, slug=slug, intro=intro, objectives=objectives, programme=programme, trainer=trainer
            )
            index.add_child(instance=page)
            page.save_revision().publish()
        pages.append(page)
    return pages


def _committee_members(committee):
    return list(get_user_model().objects.filter(groups__name=committee))


def load(stdout):
    trainings = _training_pages()
    promeneurs = list(get_user_model().objects.filter(promeneur__isnull=False).order_by("username"))
    created = 0
    now = timezone.now() - datetime.timedelta(days=1)
    for index, row in enumerate(_events(trainings)):
        title, kind, audience, committee, start, hours, place, link, capacity, training, registrants = row
        if Event.objects.filter(title=title).exists():
            continue
        event = Event.objects.create(
            title=title,
            kind=kind,
            audience=audience,
            committee=committee,
            start=start,
            end=start + datetime.timedelta(hours=hours),
            place=place,
            online_link=link,
            capacity=capacity,
            training=training,
            registration_deadline=start - datetime.timedelta(days=2) if capacity else None,
            description=f"<p>{training.intro if training else 'Un temps fort du réseau départemental.'}</p>",
        )
        created += 1
        people = _committee_members(committee) if committee else promeneurs[index % 3 :][:registrants]
        for order, user in enumerate(people):
            full = capacity is not None and order >= capacity
            Registration.objects.create(
                event=event,
                user=user,
                status=Registration.Status.WAITING if full else Registration.Status.CONFIRMED,
                # A month before the event, and never later than the demo's loading.
                queued_at=min(start - datetime.timedelta(days=30), now) + datetime.timedelta(minutes=order),
                attended=(order % 4 != 3) if event.is_past else None,
            )
    stdout.write(f"Agenda : {created} événements créés, {len(trainings)} pages de formation.")
    return []
