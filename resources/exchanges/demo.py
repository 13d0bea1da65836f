"""Fictitious practice exchanges (demo only): one discussion or more per category, replies,
an answered question turned into a FAQ entry. Safe to run twice."""

from django.contrib.auth import get_user_model
from django.utils import timezone

from network.events.demo import PAST_PRACTICE_SESSION
from network.events.models import Event
from resources.exchanges.models import Category, Discussion, FaqEntry, Follow, Kind, Message, Visibility
from workspace.display import count_of

# title, kind, category, tags, author, opening text, [(author, reply)], index of the answer (or None), FAQ
DISCUSSIONS = (
    (
        "Un jeune me demande de garder un secret : jusqu'où va la confidentialité ?",
        Kind.QUESTION,
        Category.LEGAL,
        ["confidentialité", "secret professionnel"],
        "karim.haddad",
        "En messagerie privée, un jeune m'a dit qu'il voulait me confier quelque chose « à condition que je "
        "n'en parle à personne ». Qu'est-ce que je peux lui promettre ? Est-ce que le secret partagé s'applique "
        "à nous, promeneurs ?",
        [
            (
                "lucie.martin",
                "Je lui réponds toujours que je garde ce qu'il me dit pour moi, **sauf** s'il est en "
                "danger ou qu'un autre jeune l'est : dans ce cas je dois en parler pour le protéger, "
                "et je le lui dirai.",
            ),
            (
                "coordination",
                "Bonne pratique, Lucie. Pour le cadre :\n\n"
                "- vous n'êtes pas tenus au secret professionnel au sens du code pénal, sauf si votre métier vous y "
                "soumet (assistant de service social…) ; vous êtes tenus à la **discrétion professionnelle** ;\n"
                "- face à un danger, l'obligation de protéger prime : information préoccupante à la CRIP 66 ou appel "
                "au **119** ;\n"
                "- ne promettez jamais un secret absolu : annoncez le cadre dès le début de l'échange.\n\n"
                "La fiche « Cadre juridique de la présence éducative en ligne » est dans les ressources.",
            ),
        ],
        1,
        Visibility.PUBLIC,
    ),
    (
        "Discord : comment organiser un salon de permanence sans tout modérer seul ?",
        Kind.PRACTICE,
        Category.TOOLS,
        ["Discord", "modération"],
        "hugo.sala",
        "Je partage ce qui marche pour nous : un serveur de la MJC avec un salon « permanence » ouvert le "
        "mercredi, le bot de modération automatique de Discord activé (mots bloqués, liens filtrés), et deux "
        "jeunes ambassadeurs volontaires. Les messages privés passent par mon profil pro uniquement.",
        [
            ("nathan.ribes", "Merci ! Tu as rédigé des règles du serveur ? On peut s'en inspirer ?"),
            ("hugo.sala", "Oui, je les dépose dans les ressources cette semaine, avec la procédure en cas de souci."),
        ],
        None,
        None,
    ),
    (
        "Tutoiement, emojis, horaires : quelle posture sur Snapchat ?",
        Kind.QUESTION,
        Category.POSTURE,
        ["Snapchat", "posture professionnelle"],
        "yanis.ortega",
        "Les jeunes me tutoient et m'envoient des snaps à 23 h. Je réponds le lendemain, mais je me demande "
        "comment poser le cadre sans casser le lien.",
        [
            (
                "lea.pujol",
                "J'ai mis mes horaires dans ma bio et un message automatique le soir : « Je suis "
                "Promeneuse du Net, je te réponds demain à partir de 17 h. Si c'est urgent, appelle le 3114 "
                "ou le 119. »",
            ),
        ],
        None,
        None,
    ),
    (
        "Propos inquiétants d'une jeune en story : comment réagir ?",
        Kind.SITUATION,
        Category.YOUNG_PERSON,
        ["mal-être", "orientation"],
        "marie.bosch",
        "Une jeune d'environ 16 ans (je ne donne aucun détail qui permette de la reconnaître) publie des stories "
        "qui laissent penser qu'elle ne va pas bien. Elle ne m'a jamais écrit. J'hésite à la contacter en privé.",
        [
            (
                "coordination",
                "Un message court et bienveillant, sans insister, est adapté : « J'ai vu ta story, "
                "je suis là si tu veux en parler. » En cas de risque suicidaire, le **3114** répond 24 h/24. Vous "
                "pouvez aussi m'appeler pour en parler : c'est l'objet de l'analyse de pratiques.",
            ),
            (
                "sarah.llorens",
                "Même situation le mois dernier : le message en privé a ouvert la discussion, elle a "
                "accepté ensuite de rencontrer l'infirmière scolaire.",
            ),
        ],
        0,
        Visibility.MEMBERS,
    ),
    (
        "Un live Twitch « quiz orientation » avec le PIJ : retour d'expérience",
        Kind.PRACTICE,
        Category.ANIMATION,
        ["Twitch", "orientation", "live"],
        "nathan.ribes",
        "Nous avons animé un live d'une heure : 45 jeunes connectés, des questions sur les métiers posées dans le "
        "tchat. Ce qui a marché : un co-animateur dédié au tchat, un quiz court, des liens vers les ressources.",
        [("clara.mas", "Super idée. Vous avez eu besoin d'une autorisation parentale pour les mineurs ?")],
        None,
        None,
    ),
    (
        "Quel logiciel pour suivre mes heures en ligne ?",
        Kind.QUESTION,
        Category.OTHER,
        ["grille d'activité"],
        "thomas.garcia",
        "Je note mes heures sur papier puis je recopie dans la grille mensuelle. Quelqu'un a une astuce plus simple ?",
        [],
        None,
        None,
    ),
)

# A public entry is written again for young people and parents, as the coordination does once it has
# turned an answer into an entry: the members' answer speaks to a promeneur, by name, and points to
# the members' resources.
PUBLIC_WORDING = {
    DISCUSSIONS[0][0]: (
        "Ce que je confie à un Promeneur du Net reste-t-il entre nous ?",
        "Un Promeneur du Net garde pour lui ce que tu lui confies, **sauf** si toi ou un autre jeune êtes "
        "en danger : il doit alors en parler pour vous protéger, et il te le dira avant.\n\n"
        "- Il te dit ce cadre dès le début de l'échange : il ne te promettra jamais un secret absolu.\n"
        "- En cas de danger, il peut prévenir les services de protection de l'enfance ou appeler le **119** "
        "(Allô enfance en danger, gratuit, jour et nuit), que tu peux aussi appeler toi-même.",
    ),
}


def load(stdout):
    User = get_user_model()
    users = {user.username: user for user in User.objects.filter(username__in=_usernames())}
    now = timezone.now()
    created = 0
    for position, (title, kind, category, tags, author, text, replies, answer, faq) in enumerate(DISCUSSIONS):
        if Discussion.objects.filter(title=title).exists() or author not in users:
            continue
        start = now - timezone.timedelta(days=12 - 2 * position, hours=3)
        discussion = Discussion.objects.create(
            title=title,
            kind=kind,
            category=category,
            author=users[author],
            created_at=start,
            last_activity_at=start,
            last_author=users[author],
        )
        discussion.tags.add(*tags)
        Message.objects.create(
            discussion=discussion, author=users[author], body=text, is_opening=True, created_at=start
        )
        messages = []
        for number, (reply_author, reply_text) in enumerate(replies, start=1):
            if reply_author in users:
                messages.append(
                    Message.objects.create(
                        discussion=discussion,
                        author=users[reply_author],
                        body=reply_text,
                        created_at=start + timezone.timedelta(hours=5 * number),
                    )
                )
        if messages:
            discussion.touch(messages[-1])
        if answer is not None and answer < len(messages):
            discussion.answer = messages[answer]
            discussion.save(update_fields=["answer"])
            if faq:
                entry = FaqEntry.from_discussion(discussion, faq)
                if title in PUBLIC_WORDING:
                    entry.question, entry.answer = PUBLIC_WORDING[title]
                    entry.save(update_fields=["question", "answer"])
        Follow.objects.get_or_create(user=users[author], discussion=discussion)
        created += 1
    linked = _link_discussed_exchanges()
    stdout.write(
        f"Échanges : {count_of(created, 'discussion créée', 'discussions créées')}, "
        f"{count_of(FaqEntry.objects.count(), 'entrée')} de FAQ, "
        f"{count_of(linked, 'échange relié', 'échanges reliés')} à l'analyse de pratiques passée."
    )
    return []


# The past practice-analysis session (network/events/demo.py, loaded before this module)
# discussed two demo exchanges. ``add`` keeps it free of duplicates when run twice.
DISCUSSED = (
    "Propos inquiétants d'une jeune en story : comment réagir ?",
    "Tutoiement, emojis, horaires : quelle posture sur Snapchat ?",
)


def _link_discussed_exchanges():
    session = Event.objects.filter(title=PAST_PRACTICE_SESSION).first()
    if session is None:
        return 0
    discussions = list(Discussion.objects.filter(title__in=DISCUSSED, hidden=False))
    session.discussions.add(*discussions)
    return len(discussions)


def _usernames():
    names = {"coordination"}
    for _title, _kind, _category, _tags, author, _text, replies, *_rest in DISCUSSIONS:
        names.add(author)
        names.update(reply_author for reply_author, _ in replies)
    return names
